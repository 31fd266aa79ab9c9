/** Surname endings of Kazakh, Russian and neighbouring names, lower case. */
const ENDINGS = "ов|ова|ев|ева|ёв|ёва|ин|ина|ұлы|улы|қызы|кызы|ас|ус|ич|енко|ский|ская|бай|бек|ян|дзе|швили";

/**
 * A word or stem ending as a surname does — what tells "абдусаламов" from "лауазым" in a
 * question, where nothing is capitalised. A stem keeps the ending ("Абдусаламовтың" →
 * "абдусаламов").
 */
export const SURNAME_ENDING = new RegExp(`(?:${ENDINGS})$`, "u");

/**
 * The same, and "-ын/-ына" too, which many ordinary Kazakh words end with: only for a capitalised
 * word, where it tells "Виталий Ионо Тварионас" from "Шығыс Еуропа".
 */
export const CAPITALISED_SURNAME_ENDING = new RegExp(`(?:${ENDINGS}|ын|ына)$`, "u");
