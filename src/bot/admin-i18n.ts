import type { Language } from "../answer/index.js";
import { escapeHtml } from "./html.js";

/**
 * The operator-facing sentences (documents from Telegram, the admin command menu) and the
 * feedback buttons' replies, in the three interface languages. Kept apart from `i18n.ts`, the
 * readers' interface, so the two evolve independently. Telegram HTML: every dynamic value is
 * escaped here.
 */
export interface AdminMessages {
  /** Shown to a reader after a 👍/👎 press (a callback answer: plain text). */
  thanks: string;
  /** Heading of /docs. */
  docsHeader(count: number): string;
  /** One document in /docs: its number, file, title, passages and size. */
  docLine(n: number, file: string, title: string, passages: number, bytes: number): string;
  /** The corpus files left out, in /docs. */
  docsSkipped(files: readonly { name: string; reason: string }[]): string;
  /** The foot of /docs: how to add and remove. */
  docsHint(maxBytes: number): string;
  /** Asks before removing a document. */
  confirmRemove(file: string): string;
  /** The two buttons under {@link confirmRemove}. */
  removeYes: string;
  removeNo: string;
  /** After a removal went through the live update. */
  removed(file: string, documents: number, passages: number): string;
  /** The removal was cancelled. */
  removeCancelled(file: string): string;
  /** /remove without a name, or a name that is not a document. */
  removeUsage: string;
  noSuchDocument(name: string): string;
  /** The corpus would be left with no document. */
  lastDocument(file: string): string;
  /** Replies to a document sent to the bot. */
  wrongType(name: string): string;
  tooLarge(bytes: number, max: number): string;
  badName(name: string): string;
  notUtf8(name: string): string;
  empty(name: string): string;
  downloadFailed: string;
  /** A document was saved and the index rebuilt with it. */
  added(
    file: string,
    title: string,
    replaced: boolean,
    documents: number,
    passages: number,
    seconds: string,
  ): string;
  /** The file changed, but the index could not be rebuilt: the previous one keeps answering. */
  notIndexed(file: string, error: string): string;
  /** Descriptions of the admin commands in the admins' menu. */
  commands: Readonly<Record<"docs" | "remove", string>>;
}

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;
const code = (text: string) => `<code>${escapeHtml(text)}</code>`;

const en: AdminMessages = {
  thanks: "Thank you for the feedback!",
  docsHeader: (n) => `<b>Documents in the corpus (${n}):</b>`,
  docLine: (n, file, title, passages, bytes) =>
    `${n}. ${code(file)} — «${escapeHtml(title)}», ${passages} passage${passages === 1 ? "" : "s"}, ${kb(bytes)}`,
  docsSkipped: (files) =>
    `Skipped (not answered from):\n${files.map((f) => `• ${code(f.name)} — ${escapeHtml(f.reason)}`).join("\n")}`,
  docsHint: (max) =>
    `Send a .txt or .md file (UTF-8, up to ${kb(max)}) to add a document, or to replace the one of the same name. ` +
    "Remove one with its 🗑 button or /remove NAME.",
  confirmRemove: (file) =>
    `Remove ${code(file)} from the corpus? The bot will stop answering from it. The file is kept in the data folder (removed-documents).`,
  removeYes: "Remove",
  removeNo: "Cancel",
  removed: (file, d, p) => `Removed ${code(file)}. The bot now answers from ${d} document(s), ${p} passages.`,
  removeCancelled: (file) => `Kept ${code(file)}.`,
  removeUsage: "Name the document to remove: /remove FILE (see /docs).",
  noSuchDocument: (name) => `There is no document ${code(name)} in the corpus (see /docs).`,
  lastDocument: (file) => `${code(file)} is the only document: add another one before removing it.`,
  wrongType: (name) => `${code(name)} was not added: send a .txt or .md file.`,
  tooLarge: (bytes, max) => `The file was not added: it has ${kb(bytes)}, the limit is ${kb(max)}.`,
  badName: (name) =>
    `${code(name)} was not added: a file name may not start with a dot or hold slashes or control characters.`,
  notUtf8: (name) => `${code(name)} was not added: it is not UTF-8 text. Save it as UTF-8 and send it again.`,
  empty: (name) => `${code(name)} was not added: it has no text.`,
  downloadFailed:
    "The file could not be downloaded from Telegram; nothing was changed. Please send it again.",
  added: (file, title, replaced, d, p, s) =>
    `${replaced ? "Replaced" : "Added"} ${code(file)} («${escapeHtml(title)}»). ` +
    `The bot now answers from ${d} document(s), ${p} passages (index rebuilt in ${s} s).` +
    (replaced ? " The previous file is kept in the data folder (removed-documents)." : ""),
  notIndexed: (file, error) =>
    `${code(file)} was saved, but the index could not be rebuilt (${escapeHtml(error)}). The previous index keeps answering.`,
  commands: { docs: "Documents in the corpus (admin)", remove: "Remove a document (admin)" },
};

const ru: AdminMessages = {
  thanks: "Спасибо за отзыв!",
  docsHeader: (n) => `<b>Документы корпуса (${n}):</b>`,
  docLine: (n, file, title, passages, bytes) =>
    `${n}. ${code(file)} — «${escapeHtml(title)}», фрагментов: ${passages}, ${kb(bytes)}`,
  docsSkipped: (files) =>
    `Пропущены (по ним бот не отвечает):\n${files.map((f) => `• ${code(f.name)} — ${escapeHtml(f.reason)}`).join("\n")}`,
  docsHint: (max) =>
    `Пришлите файл .txt или .md (UTF-8, до ${kb(max)}), чтобы добавить документ или заменить документ с тем же именем. ` +
    "Удалить — кнопкой 🗑 или командой /remove ИМЯ.",
  confirmRemove: (file) =>
    `Удалить ${code(file)} из корпуса? Бот перестанет отвечать по нему. Файл сохранится в папке данных (removed-documents).`,
  removeYes: "Удалить",
  removeNo: "Отмена",
  removed: (file, d, p) => `${code(file)} удалён. Бот отвечает по документам: ${d}, фрагментов: ${p}.`,
  removeCancelled: (file) => `${code(file)} оставлен.`,
  removeUsage: "Укажите документ: /remove ФАЙЛ (список — /docs).",
  noSuchDocument: (name) => `В корпусе нет документа ${code(name)} (список — /docs).`,
  lastDocument: (file) => `${code(file)} — единственный документ: сначала добавьте другой.`,
  wrongType: (name) => `${code(name)} не добавлен: пришлите файл .txt или .md.`,
  tooLarge: (bytes, max) => `Файл не добавлен: его размер ${kb(bytes)}, предел — ${kb(max)}.`,
  badName: (name) =>
    `${code(name)} не добавлен: имя файла не может начинаться с точки или содержать слеши и управляющие символы.`,
  notUtf8: (name) => `${code(name)} не добавлен: это не текст UTF-8. Сохраните его в UTF-8 и пришлите снова.`,
  empty: (name) => `${code(name)} не добавлен: в нём нет текста.`,
  downloadFailed: "Не удалось скачать файл из Telegram; ничего не изменено. Пришлите его ещё раз.",
  added: (file, title, replaced, d, p, s) =>
    `${replaced ? "Заменён" : "Добавлен"} ${code(file)} («${escapeHtml(title)}»). ` +
    `Бот отвечает по документам: ${d}, фрагментов: ${p} (индекс перестроен за ${s} с).` +
    (replaced ? " Прежний файл сохранён в папке данных (removed-documents)." : ""),
  notIndexed: (file, error) =>
    `${code(file)} сохранён, но индекс перестроить не удалось (${escapeHtml(error)}). Отвечает прежний индекс.`,
  commands: { docs: "Документы корпуса (админ)", remove: "Удалить документ (админ)" },
};

const kk: AdminMessages = {
  thanks: "Пікіріңізге рақмет!",
  docsHeader: (n) => `<b>Корпустағы құжаттар (${n}):</b>`,
  docLine: (n, file, title, passages, bytes) =>
    `${n}. ${code(file)} — «${escapeHtml(title)}», ${passages} үзінді, ${kb(bytes)}`,
  docsSkipped: (files) =>
    `Оқылмай қалды (бот бұлар бойынша жауап бермейді):\n${files.map((f) => `• ${code(f.name)} — ${escapeHtml(f.reason)}`).join("\n")}`,
  docsHint: (max) =>
    `Құжат қосу үшін (немесе аттас құжатты ауыстыру үшін) .txt не .md файлын жіберіңіз (UTF-8, ${kb(max)} дейін). ` +
    "Өшіру: 🗑 батырмасы немесе /remove АТЫ.",
  confirmRemove: (file) =>
    `${code(file)} корпустан өшірілсін бе? Бот ол бойынша жауап бермейтін болады. Файл деректер қалтасында (removed-documents) сақталады.`,
  removeYes: "Өшіру",
  removeNo: "Болдырмау",
  removed: (file, d, p) => `${code(file)} өшірілді. Бот енді ${d} құжат, ${p} үзінді бойынша жауап береді.`,
  removeCancelled: (file) => `${code(file)} қалдырылды.`,
  removeUsage: "Өшірілетін құжатты атаңыз: /remove ФАЙЛ (тізімі: /docs).",
  noSuchDocument: (name) => `Корпуста ${code(name)} құжаты жоқ (тізімі: /docs).`,
  lastDocument: (file) => `${code(file)} — жалғыз құжат: алдымен басқасын қосыңыз.`,
  wrongType: (name) => `${code(name)} қосылмады: .txt не .md файлын жіберіңіз.`,
  tooLarge: (bytes, max) => `Файл қосылмады: көлемі ${kb(bytes)}, шегі — ${kb(max)}.`,
  badName: (name) =>
    `${code(name)} қосылмады: файл аты нүктемен басталмауы керек, ішінде қиғаш сызық не басқару таңбалары болмауы керек.`,
  notUtf8: (name) => `${code(name)} қосылмады: бұл UTF-8 мәтіні емес. UTF-8 түрінде сақтап, қайта жіберіңіз.`,
  empty: (name) => `${code(name)} қосылмады: ішінде мәтін жоқ.`,
  downloadFailed: "Файлды Telegram-нан жүктеу мүмкін болмады; ештеңе өзгерген жоқ. Қайта жіберіңіз.",
  added: (file, title, replaced, d, p, s) =>
    `${code(file)} ${replaced ? "ауыстырылды" : "қосылды"} («${escapeHtml(title)}»). ` +
    `Бот енді ${d} құжат, ${p} үзінді бойынша жауап береді (индекс ${s} с ішінде қайта құрылды).` +
    (replaced ? " Бұрынғы файл деректер қалтасында (removed-documents) сақталды." : ""),
  notIndexed: (file, error) =>
    `${code(file)} сақталды, бірақ индексті қайта құру мүмкін болмады (${escapeHtml(error)}). Бұрынғы индекс жауап бере береді.`,
  commands: { docs: "Корпустағы құжаттар (әкімші)", remove: "Құжатты өшіру (әкімші)" },
};

const BY_LANGUAGE: Readonly<Record<Language, AdminMessages>> = { kk, ru, en };

/** The operator-facing sentences in `language`. */
export function adminMessagesFor(language: Language): AdminMessages {
  return BY_LANGUAGE[language];
}
