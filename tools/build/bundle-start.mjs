/**
 * Bundles the bot's entry point into one file in place of tsc's `dist/cli/start.js`, so `npm
 * start` loads one module instead of several hundred: measured, start to first poll with the model off 507–567 → 388–428 ms (median of 7, two interleaved runs; most of the
 * start was Node compiling and opening modules). Native and model packages stay outside
 * (`EXTERNAL`): they load their own files from node_modules. Names are kept: node-fetch checks
 * its AbortSignal by class name. `npm run build` runs this after tsc; the other commands (ask,
 * index, report) stay as tsc compiled them.
 */
import { build } from "esbuild";

/** Packages with native code, or loaded only when the model is on, resolved from node_modules at run time. */
const EXTERNAL = [
  "hnswlib-node",
  "onnxruntime-node",
  "better-sqlite3",
  "@huggingface/transformers",
  "sharp",
  "pg",
  "ioredis",
];

/**
 * From the sources (tsc has type-checked them), not from tsc's output: an incremental tsc leaves
 * an unchanged `dist/cli/start.js` alone, which is then the bundle of the last build.
 */
const ENTRY = "src/cli/start.ts";
const OUTPUT = "dist/cli/start.js";

await build({
  entryPoints: [ENTRY],
  outfile: OUTPUT,
  allowOverwrite: true,
  bundle: true,
  keepNames: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: EXTERNAL,
  // Errors only: a dependency's "x === -0" warning is not ours to fix.
  logLevel: "error",
  // CommonJS packages bundled into an ES module still call `require` for Node's own modules.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
