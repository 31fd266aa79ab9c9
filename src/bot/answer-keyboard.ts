import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";

/**
 * The keyboard under an answer's last message: the "more" button's row, then the 👍/👎 row —
 * either may be missing, and with neither there is no keyboard at all.
 */
export function answerKeyboard(
  more: InlineKeyboard | undefined,
  votes: readonly InlineKeyboardButton[] | undefined,
): InlineKeyboard | undefined {
  const rows = [...(more?.inline_keyboard ?? []), ...(votes && votes.length > 0 ? [votes] : [])];
  return rows.length > 0 ? new InlineKeyboard(rows.map((row) => [...row])) : undefined;
}

/** Whether a button's callback data starts with `prefix` (a button kind, e.g. `more:`). */
function isKind(button: InlineKeyboardButton, prefix: string): boolean {
  return (
    "callback_data" in button &&
    typeof button.callback_data === "string" &&
    button.callback_data.startsWith(prefix)
  );
}

/**
 * A message's keyboard with the rows holding buttons of one kind (`prefix`) replaced by `row` —
 * or, with no `row`, taken away — leaving the other buttons as they were. So pressing "more"
 * keeps the 👍/👎 row, and a vote keeps the "more" button. Rows of the kind that were not there
 * are added at the end.
 */
export function replaceButtons(
  markup: InlineKeyboardMarkup | undefined,
  prefix: string,
  row?: readonly InlineKeyboardButton[],
): InlineKeyboardMarkup {
  const kept: InlineKeyboardButton[][] = [];
  let placed = false;
  for (const current of markup?.inline_keyboard ?? []) {
    if (!current.some((button) => isKind(button, prefix))) {
      kept.push([...current]);
    } else if (row && !placed) {
      kept.push([...row]);
      placed = true;
    }
  }
  if (row && !placed) kept.push([...row]);
  return { inline_keyboard: kept };
}
