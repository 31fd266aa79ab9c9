import cliProgress from "cli-progress";
import type { DownloadProgress, ProgressReporter } from "../indexes/index.js";

/**
 * A progress bar on stderr for long steps (embedding a corpus). On a terminal it redraws in
 * place; without one (CI, logs) it prints nothing but the start line, so logs stay clean.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  let bar: cliProgress.SingleBar | null = null;
  return {
    start(label, total) {
      stream.write(`${label}\n`);
      if (!stream.isTTY) return;
      bar = new cliProgress.SingleBar(
        { stream, format: "  [{bar}] {percentage}% | {value}/{total}", hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    update(done) {
      bar?.update(done);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}

/**
 * Draws the first-run model download (bytes) on stderr; returns the callback the embedder calls.
 */
export function downloadBar(
  model: string,
  stream: NodeJS.WriteStream = process.stderr,
): (progress: DownloadProgress) => void {
  let bar: cliProgress.SingleBar | null = null;
  let announced = false;
  return ({ loaded, total }) => {
    if (!announced) {
      stream.write(`downloading ${model} (first run only)\n`);
      announced = true;
    }
    if (!stream.isTTY || total <= 0) return;
    if (!bar) {
      bar = new cliProgress.SingleBar(
        { stream, format: "  [{bar}] {percentage}% | {value}/{total} MB" },
        cliProgress.Presets.shades_classic,
      );
      bar.start(Math.ceil(total / 1e6), 0);
    }
    bar.setTotal(Math.ceil(total / 1e6));
    bar.update(Math.floor(loaded / 1e6));
    if (loaded >= total) bar.stop();
  };
}
