import { existsSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * The part of hnswlib-node's `HierarchicalNSW` this index uses, typed here rather than imported:
 * the package is an optional dependency, and the build must compile where its install failed.
 */
interface HierarchicalNSW {
  initIndex(maxElements: number, m?: number, efConstruction?: number, randomSeed?: number): void;
  addPoint(point: number[], label: number): void;
  readIndexSync(filename: string, allowReplaceDeleted?: boolean): void;
  writeIndexSync(filename: string): void;
  getCurrentCount(): number;
  setEf(ef: number): void;
  searchKnn(queryPoint: number[], numNeighbors: number): { distances: number[]; neighbors: number[] };
  getPoint(label: number): number[];
}

/** The module's export this index needs. */
interface Hnswlib {
  HierarchicalNSW: new (space: "cosine", dimensions: number) => HierarchicalNSW;
}

let hnswlib: Hnswlib | undefined;

/**
 * hnswlib-node, loaded on first use rather than imported: it is a native addon, and a machine
 * where its build failed (it needs python3, make and g++) must still answer with the keyword and
 * structure legs. Throws the loader's error when the addon cannot be loaded.
 */
export function vectorLibrary(): Hnswlib {
  hnswlib ??= createRequire(import.meta.url)("hnswlib-node") as Hnswlib;
  return hnswlib;
}

/** A neighbour found by a vector search: the passage id and its cosine similarity (−1…1). */
export interface VectorHit {
  readonly id: number;
  readonly similarity: number;
}

/** Options of {@link VectorIndex.build}: HNSW graph parameters, with hnswlib's usual defaults. */
export interface VectorIndexOptions {
  /** Graph degree. Default 16. */
  m?: number;
  /** Build-time candidate list size. Default 200. */
  efConstruction?: number;
  /** Query-time candidate list size; raised to k when smaller. Default 128. */
  efSearch?: number;
  /** Seed for reproducible graphs. Default 100. */
  seed?: number;
}

/**
 * Approximate nearest-neighbour search over passage vectors (HNSW, cosine space), persisted as one
 * file. Labels are passage ids, so hits map straight back to passages.
 */
export class VectorIndex {
  private constructor(
    private readonly index: HierarchicalNSW,
    readonly dimensions: number,
    readonly size: number,
    private readonly efSearch: number,
  ) {}

  /** Builds an index over `vectors`, labelled 0…n−1 in order. */
  static build(
    vectors: readonly Float32Array[],
    dimensions: number,
    options: VectorIndexOptions = {},
  ): VectorIndex {
    const index = new (vectorLibrary().HierarchicalNSW)("cosine", dimensions);
    index.initIndex(
      Math.max(1, vectors.length),
      options.m ?? 16,
      options.efConstruction ?? 200,
      options.seed ?? 100,
    );
    vectors.forEach((vector, id) => {
      index.addPoint(Array.from(vector), id);
    });
    return new VectorIndex(index, dimensions, vectors.length, options.efSearch ?? 128);
  }

  /** Loads a saved index; `size` and `dimensions` come from the manifest written beside it. */
  static load(path: string, dimensions: number, size: number, options: VectorIndexOptions = {}): VectorIndex {
    if (!existsSync(path)) throw new Error(`${path} is missing`);
    const index = new (vectorLibrary().HierarchicalNSW)("cosine", dimensions);
    index.readIndexSync(path, false);
    if (index.getCurrentCount() !== size) {
      throw new Error(`${path} holds ${index.getCurrentCount()} vectors, the manifest says ${size}`);
    }
    return new VectorIndex(index, dimensions, size, options.efSearch ?? 128);
  }

  save(path: string): void {
    this.index.writeIndexSync(path);
  }

  /**
   * The vector stored for passage `id` (normalised, as the cosine space keeps it): a rebuild
   * reuses it for a passage whose text has not changed instead of embedding it again.
   */
  vector(id: number): Float32Array {
    return Float32Array.from(this.index.getPoint(id));
  }

  /** The `k` nearest passages to `query`, most similar first. */
  search(query: Float32Array, k: number): VectorHit[] {
    const count = Math.min(k, this.size);
    if (count === 0) return [];
    this.index.setEf(Math.max(this.efSearch, count));
    const { neighbors, distances } = this.index.searchKnn(Array.from(query), count);
    return neighbors.map((id, i) => ({ id, similarity: 1 - (distances[i] as number) }));
  }
}

/**
 * Exact search by scanning every vector: the baseline the benchmark compares HNSW against, and
 * a check that HNSW's recall is not hurting answers on small corpora.
 */
export function exactSearch(vectors: readonly Float32Array[], query: Float32Array, k: number): VectorHit[] {
  const hits = vectors.map((vector, id) => {
    let dot = 0;
    for (let i = 0; i < vector.length; i++) dot += (vector[i] as number) * (query[i] as number);
    return { id, similarity: dot };
  });
  return hits.sort((a, b) => b.similarity - a.similarity).slice(0, k);
}
