/**
 * What answers look like in text: figures, dates, places, ages, sums of money, and the sentences
 * of a passage. Lead lines pick their sentence by them, and the "does the article say it?" gate
 * (stated.ts) looks for them before a passage counts as the answer.
 */

/** Digits (with Kazakh case endings: "40-тан"), Roman numerals, number words of kk/ru/en. */
export const FIGURE =
  /\d+(?:[.,]\d+)?(?:-\p{L}+)?|(?<!\p{L})[XХVІIL]{2,}(?!\p{L})|(?<!\p{L})(?:бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|жиырма|отыз|қырық|елу|алпыс|жүз|мың|миллион|миллиард|ондаған|жүздеген)(?!\p{L})/giu;
/** Month names and "year" words that make a line about *when*. */
export const DATE_WORD =
  /(?<!\p{L})(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан|жыл\p{L}*|биыл|былтыр)(?!\p{L})/giu;

/**
 * A place as Kazakh writes it: capitalised words — "and" may join them, up to three lower-case
 * words may follow ("Бейбітшілік және келісім сарайында") — ending in the locative (-да/-де/-та/
 * -те/-нда/-нде, or -дағы… "in"): "Астанада", "Астана қаласындағы".
 */
export const PLACE =
  /(?<![\p{L}.])\p{Lu}[\p{L}-]*(?:\s+(?:және\s+)?\p{Lu}[\p{L}-]*)*(?:\s+\p{Ll}[\p{L}-]*){0,3}?(?:н?[дт][аеә]|[дт][аеә]ғы|[дт]егі|нда|нде|ндағы|ндегі)(?!\p{L})/gu;

/** An age: a number of years ("20 жылдығын", "65 жаста", "30 лет", "45 years old"). */
export const AGE =
  /(?<![\p{L}\d])\d{1,3}(?:-\p{L}+)?\s*(?:жас\p{L}*|жыл\p{L}*|лет|год\p{L}*|years?)(?!\p{L})/giu;

/**
 * A length of time: a number (digits or a word) and a unit ("2 сағатқа", "екі күн", "3 часа",
 * "45 minutes"), or "half a day"-like phrases. What "how long did it last" needs.
 */
export const DURATION =
  /(?<!\p{L})(?:\d+(?:[.,]\d+)?(?:-\p{L}+)?|бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|жарты|бірнеше|один|одна|два|две|три|четыре|пять|несколько|полтора|one|two|three|four|five|several|half an?)\s*(?:сағат\p{L}*|минут\p{L}*|күн\p{L}*|апта\p{L}*|ай|айға|айдан|айда|айлық|жыл\p{L}*|час\p{L}*|дн\p{L}*|день|недел\p{L}*|месяц\p{L}*|лет|год\p{L}*|hours?|minutes?|days?|weeks?|months?|years?)(?!\p{L})/giu;

/** A sum of money: a figure with a currency, or a currency sign ("5 млрд теңге", "$10", "100 тыс. рублей"). */
export const MONEY =
  /(?:\d[\d\s.,]*\s*(?:млн|млрд|мың|миллион\p{L}*|миллиард\p{L}*|тыс\.?|million|billion|thousand)?\s*(?:теңге|тенге|тг|₸|доллар\p{L}*|евро|рубл\p{L}*|сом\p{L}*|dollars?|tenge|euros?)|[$€₸]\s?\d)/giu;

/** A web or e-mail address or a phone number: what "what is the address" asks for. */
export const ADDRESS =
  /(?:https?:\/\/|www\.)\S+|[\w.-]+\.(?:kz|ru|com|org|net|gov)\b|[\w.-]+@[\w.-]+|\+?\d[\d ()-]{7,}\d/iu;
