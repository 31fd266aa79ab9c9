import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../src/bot/html.js";
import { openFreshEngine } from "../tools/eval/fresh-engine.js";
import { CHROMIUM, screenshot } from "../tools/screenshots/chromium.js";
import { chatPage, PHONE_WIDTH, telegramToPage } from "../tools/screenshots/page.js";
import { playSamples, type Sample } from "../tools/screenshots/samples.js";
import { htmlToVisibleText } from "./support/fake-bot-api-html.js";

let samples: Sample[];
const sample = (name: string) => {
  const found = samples.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no sample ${name}`);
  return found;
};
const botTexts = (name: string) =>
  sample(name)
    .bubbles.filter((b) => b.from === "bot")
    .map((b) => b.text);

beforeAll(async () => {
  const engine = await openFreshEngine("corpus");
  const wide = await openFreshEngine("corpus", { retriever: { k: 10 } });
  samples = await playSamples(engine, wide);
}, 60_000);

describe("the screenshots' replies are the bot's own", () => {
  it("every message is HTML Telegram accepts, within its limit", () => {
    for (const s of samples)
      for (const html of botTexts(s.name)) {
        expect(() => htmlToVisibleText(html), s.name).not.toThrow();
        expect(htmlToVisibleText(html).length, s.name).toBeLessThanOrEqual(4096);
      }
  });

  it("show an answer, the more button, a decline, a directive, /help and a split answer as users see them", () => {
    const [who] = botTexts("answer-who");
    expect(visibleText(who ?? "")).toMatch(/^• Виталий Ионо Тварионас — «Lituanica»/);
    expect(visibleText(who ?? "").length).toBeLessThan(700);
    // "More" above the votes; pressing it leaves the votes.
    expect(sample("answer-who").bubbles.at(-1)?.buttons).toEqual([["Тағы 2 үзінді"], ["👍", "👎"]]);
    const more = sample("answer-more").bubbles.filter((b) => b.from === "bot");
    expect(more).toHaveLength(2);
    expect(more[0]?.buttons).toEqual([["👍", "👎"]]);
    expect(more[1]?.replyTo).toBe(more[0]?.id);
    expect(visibleText(botTexts("decline")[0] ?? "")).toMatch(/^В статье об этом не говорится/);
    expect(sample("decline").bubbles.at(-1)?.buttons).toEqual([["👍", "👎"]]);
    expect(visibleText(botTexts("no-words")[0] ?? "")).toMatch(/^Please write your question in words\./);
    expect(visibleText(botTexts("directive")[1] ?? "")).toMatch(/^Төртінші\nҚХА-ның «Жаңғыру жолы»/);
    expect(visibleText(botTexts("help")[0] ?? "")).toMatch(/^Ask about the article in your own words/);
    const split = sample("split-long-answer").bubbles.filter(
      (b) => b.from === "bot" && b.replyTo !== undefined,
    );
    expect(split.length).toBeGreaterThan(1);
    expect(
      split
        .map((b) => visibleText(b.text))
        .join("\n")
        .match(/¶\d/g),
    ).toHaveLength(9);
  });
});

describe("chat pages", () => {
  it("turn Telegram HTML into page HTML: folded quotes, links, line breaks; other tags stay text", () => {
    expect(
      telegramToPage(
        '<b>a</b>\n<blockquote expandable>q &amp; <a href="https://x.kz/?a=1&amp;b=2">t</a></blockquote>\n<i>c</i>',
      ),
    ).toBe(
      '<b>a</b><br><blockquote class="folded">q &amp; <a href="https://x.kz/?a=1&amp;b=2">t</a></blockquote><i>c</i>',
    );
    expect(telegramToPage("<script>x</script>")).toBe("&lt;script&gt;x&lt;/script&gt;");
  });
});

describe("chromium", () => {
  it("npm run screenshots says in one line that Chromium is missing, and exits 1", async () => {
    const result = spawnSync(
      "npx",
      ["tsx", "tools/screenshots/main.ts", "--chromium", "/nonexistent/chromium"],
      {
        encoding: "utf8",
      },
    );
    expect(result.status).toBe(1);
    const lines = result.stderr.split("\n").filter((line) => line.startsWith("screenshots:"));
    expect(lines).toEqual([
      "screenshots: Chromium not found at /nonexistent/chromium (Debian: apt-get install chromium)",
    ]);
    expect(result.stdout).not.toContain(".png");
  }, 30_000);

  const dir = mkdtempSync(join(tmpdir(), "screenshots-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!existsSync(CHROMIUM))(
    `renders a chat as a phone-wide PNG (skipped without ${CHROMIUM}: apt-get install chromium)`,
    async () => {
      const page = join(dir, "help.html");
      writeFileSync(page, chatPage("bot", "help", sample("help").bubbles));
      const png = join(dir, "help.png");
      await screenshot(page, png, PHONE_WIDTH);
      const bytes = readFileSync(png);
      expect(bytes.subarray(1, 4).toString()).toBe("PNG");
      expect(bytes.readUInt32BE(16)).toBe(PHONE_WIDTH);
      expect(bytes.readUInt32BE(20)).toBeGreaterThan(300);
    },
    60_000,
  );
});
