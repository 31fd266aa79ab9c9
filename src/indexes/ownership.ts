import { existsSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { IndexError } from "./errors.js";
import type { IndexManifest } from "./manifest.js";
import { readManifest } from "./store.js";

/**
 * Which corpus an index folder belongs to: the folder its manifest records, resolved, or `null`
 * when the folder holds no readable manifest or one saved before manifests recorded it. `ask
 * --index DIR` uses it to answer from the corpus the index was built from.
 */
export function recordedCorpus(indexDir: string, manifest?: IndexManifest): string | null {
  let recorded = manifest;
  if (recorded === undefined) {
    try {
      recorded = readManifest(indexDir);
    } catch {
      return null;
    }
  }
  return recorded.corpusDir === undefined ? null : resolve(indexDir, recorded.corpusDir);
}

/** What the manifest records for a corpus folder: its path relative to the index folder. */
export function corpusRecordFor(indexDir: string, corpusDir: string): string {
  return relative(resolve(indexDir), resolve(corpusDir)) || ".";
}

/**
 * The corpus folder an index belongs to when that is not `corpusDir` and its content differs:
 * rebuilding it from `corpusDir` would destroy another corpus's index, so callers refuse (or, when
 * a rebuild was asked for, say what they replace). `null` when the index is `corpusDir`'s own,
 * holds the same text (a copied corpus), or does not record its corpus.
 */
export function foreignOwner(
  manifest: IndexManifest,
  indexDir: string,
  corpusDir: string,
  corpusHash: string,
): string | null {
  const owner = recordedCorpus(indexDir, manifest);
  if (owner === null || manifest.corpusHash === corpusHash) return null;
  return owner === resolve(corpusDir) ? null : owner;
}

/** The one-line refusal for an index that belongs to another corpus. */
export function foreignIndexError(indexDir: string, corpusDir: string, owner: string): IndexError {
  const gone = existsSync(owner) ? "" : " (no longer there)";
  return new IndexError(
    `${shown(indexDir)} holds the index of corpus ${shown(owner)}${gone}, not of ${shown(corpusDir)}: ` +
      `point CORPUS_DIR (--corpus) at ${shown(owner)}, use another index folder (INDEX_DIR, --index), ` +
      `or replace it: npm run index -- --corpus ${shown(corpusDir)} --out ${shown(indexDir)}`,
    indexDir,
    "foreign",
    "manifest.json",
  );
}

/** A path as the operator would type it: relative to the working folder when inside it. */
export function shown(path: string): string {
  const fromHere = relative(process.cwd(), resolve(path));
  return fromHere === "" ? "." : fromHere.startsWith("..") || isAbsolute(fromHere) ? resolve(path) : fromHere;
}
