/**
 * Screenshots of local pages with headless Chromium (Debian's `chromium`), started with the
 * flags a container needs and no network: one process per page, first to measure the page's
 * height, then to capture it whole at a phone's width.
 */
import { execFile } from "node:child_process";
import { access } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Where Debian's package installs it. */
export const CHROMIUM = "/usr/bin/chromium";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--hide-scrollbars",
];

/** Why a screenshot could not be taken: Chromium missing, or failing on a page. */
export class ScreenshotError extends Error {
  override readonly name = "ScreenshotError";
  constructor(
    message: string,
    /** The page or binary concerned. */
    readonly path: string,
  ) {
    super(message);
  }
}

/** Whether Chromium is installed where Debian puts it. */
export async function chromiumAvailable(binary = CHROMIUM): Promise<boolean> {
  try {
    await access(binary);
    return true;
  } catch {
    return false;
  }
}

/** Captures the page at `htmlPath` into `pngPath`, `width` CSS pixels wide and as tall as the page. */
export async function screenshot(
  htmlPath: string,
  pngPath: string,
  width: number,
  binary = CHROMIUM,
): Promise<void> {
  const url = pathToFileURL(htmlPath).href;
  try {
    const { stdout } = await run(binary, [...FLAGS, `--window-size=${width},800`, "--dump-dom", url], {
      maxBuffer: 16 * 1024 * 1024,
      timeout: 60_000,
    });
    const height = Number(/data-height="(\d+)"/.exec(stdout)?.[1] ?? 1200);
    await run(
      binary,
      [...FLAGS, `--window-size=${width},${Math.min(height, 12_000)}`, `--screenshot=${pngPath}`, url],
      {
        timeout: 60_000,
      },
    );
  } catch (error) {
    throw new ScreenshotError(
      `chromium could not capture ${htmlPath}: ${(error as Error).message.split("\n")[0]}`,
      htmlPath,
    );
  }
}
