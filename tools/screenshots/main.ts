/**
 * `npm run screenshots`: real replies of the bot to sample questions (an answer, a decline, a
 * directive, /help, an answer split over two messages…), from the HTML the bot sends, as
 * Telegram-like chat bubbles in headless Chromium, saved as PNGs in `screenshots/` (git-ignored)
 * for a person to look at before a release.
 *
 *   npm run screenshots -- [--out DIR] [--chromium PATH]
 *
 * Needs Debian's `chromium` (/usr/bin/chromium) and installs nothing; without it, says so in one
 * line and exits 1. Answers with the keyword and structure legs (no model), from a fresh index.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { openFreshEngine } from "../eval/fresh-engine.js";
import { CHROMIUM, chromiumAvailable, screenshot } from "./chromium.js";
import { chatPage, PHONE_WIDTH } from "./page.js";
import { playSamples } from "./samples.js";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: "screenshots" },
    chromium: { type: "string", default: CHROMIUM },
  },
});

async function main(): Promise<void> {
  const chromium = values.chromium ?? CHROMIUM;
  if (!(await chromiumAvailable(chromium))) {
    process.stderr.write(
      `screenshots: Chromium not found at ${chromium} (Debian: apt-get install chromium)\n`,
    );
    process.exitCode = 1;
    return;
  }
  const out = resolve(values.out ?? "screenshots");
  mkdirSync(out, { recursive: true });
  const engine = await openFreshEngine("corpus");
  const wide = await openFreshEngine("corpus", { retriever: { k: 10 } });
  for (const sample of await playSamples(engine, wide)) {
    const html = join(out, `${sample.name}.html`);
    writeFileSync(html, chatPage("Мақала бот", sample.caption, sample.bubbles));
    await screenshot(html, join(out, `${sample.name}.png`), PHONE_WIDTH, chromium);
    process.stdout.write(`${join(values.out ?? "screenshots", `${sample.name}.png`)} — ${sample.caption}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`screenshots: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
