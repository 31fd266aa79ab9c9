/**
 * Kazakh ordinal words for 1–10, in order ("бірінші" is index 0). One table for the tokenizer
 * (reading "4-ші" as "төртінші") and for section headings and questions ("Төртінші тапсырма"),
 * so what one recognises the other does too.
 */
export const KAZAKH_ORDINALS: readonly string[] = [
  "бірінші",
  "екінші",
  "үшінші",
  "төртінші",
  "бесінші",
  "алтыншы",
  "жетінші",
  "сегізінші",
  "тоғызыншы",
  "оныншы",
];
