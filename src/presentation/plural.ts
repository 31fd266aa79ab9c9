import type { Language } from "../answer/index.js";

/**
 * A noun's forms for the plural categories a language uses: Kazakh and English need `one` and
 * `other`; Russian also `few` (2–4, 22–24…) and `many` (5–20, 25…). Missing forms fall back to
 * `other`.
 */
export interface PluralForms {
  readonly one: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

const rules = new Map<Language, Intl.PluralRules>();

/**
 * The form of a noun that goes with `n` in `language`, chosen by `Intl.PluralRules` — the same
 * CLDR rules every platform uses — rather than hand-written arithmetic for each language.
 */
export function pluralForm(language: Language, n: number, forms: PluralForms): string {
  let rule = rules.get(language);
  if (rule === undefined) {
    rule = new Intl.PluralRules(language);
    rules.set(language, rule);
  }
  const category = rule.select(n);
  return (
    (category === "one" || category === "few" || category === "many" ? forms[category] : undefined) ??
    forms.other
  );
}

/** "8 directives", "8 поручений", "8 тапсырма": the number and the noun's form for it. */
export function countOf(language: Language, n: number, forms: PluralForms): string {
  return `${n} ${pluralForm(language, n, forms)}`;
}
