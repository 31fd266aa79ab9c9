import { createHash } from "node:crypto";
import type { SentenceMethod } from "./dense/corpus-vectors.js";

/**
 * How a saved dense leg's sentence vectors were made: as its manifest says, and `separate` for an
 * index saved before there was a choice.
 */
export function savedSentenceMethod(dense: NonNullable<IndexManifest["dense"]>): SentenceMethod {
  return dense.sentences ?? "separate";
}

/** Bumped when the saved layout changes; older folders are then rebuilt, not misread. */
export const INDEX_FORMAT_VERSION = 7;

/**
 * Written beside the index files. It says what the index was built from, so a changed corpus,
 * model, analyzer or passage format is detected as stale, and it holds a checksum of every file,
 * so a corrupt file is refused before any native code reads it.
 */
export interface IndexManifest {
  readonly formatVersion: number;
  readonly passageFormatVersion: number;
  readonly analyzerVersion: string;
  readonly corpusHash: string;
  readonly builtAt: string;
  readonly documents: number;
  readonly passages: number;
  /** File name → sha256 of its content. */
  readonly files: Readonly<Record<string, string>>;
  /** The dense leg, when it was built. */
  readonly dense: {
    readonly backend: string;
    readonly model: string;
    readonly dimensions: number;
    /** Fingerprint of the off-topic question list the saved off-topic vectors were made from. */
    readonly offTopic: string;
    /** How the sentence vectors were made; absent in indexes saved before there was a choice (`separate`). */
    readonly sentences?: SentenceMethod;
  } | null;
  /**
   * The corpus folder the index was built from, relative to the index folder (moving both
   * together keeps it right). It says whose index this is, so a command pointed at it with
   * another corpus refuses instead of overwriting it. Absent in indexes saved before it existed.
   */
  readonly corpusDir?: string;
}

/** What an index must have been built from to be reused. */
export interface IndexExpectation {
  readonly corpusHash: string;
  readonly passageFormatVersion: number;
  readonly analyzerVersion: string;
}

/**
 * Why a saved index does not fit what is wanted now, or `null` when it does. The wording goes to
 * the operator ("corpus changed"), so it names the cause rather than a field.
 */
export function stalenessOf(manifest: IndexManifest, expected: IndexExpectation): string | null {
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) return "index format changed";
  if (manifest.passageFormatVersion !== expected.passageFormatVersion) return "passage format changed";
  if (manifest.analyzerVersion !== expected.analyzerVersion) return "keyword analyzer changed";
  if (manifest.corpusHash !== expected.corpusHash) return "corpus changed";
  return null;
}

/** sha256 of a file's bytes, as stored in the manifest. */
export function checksumOf(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}
