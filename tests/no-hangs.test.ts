/**
 * A model host or embedding server that accepts a connection and never answers is abandoned
 * within the configured time, its request aborted, and the command exits once its work is done —
 * while the server is still silent. (A request left open would hold the process for minutes.)
 */
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { connectHttpEmbedder, EmbeddingServerError, ModelLoadError } from "../src/indexes/index.js";
import { botStderrLines } from "./support/bot-process.js";

const run = promisify(execFile);

/** Accepts connections and requests and never answers; remembers who hung up. */
class SilentServer {
  readonly requests: string[] = [];
  private readonly sockets = new Set<Socket>();
  /** Connections the client closed (the server never closes one until `stop`). */
  closedByClient = 0;
  private readonly server: Server = createServer((req) => {
    this.requests.push(`${req.method} ${req.url}`);
  });
  private stopping = false;

  async start(): Promise<string> {
    this.server.on("connection", (socket: Socket) => {
      this.sockets.add(socket);
      socket.on("close", () => {
        this.sockets.delete(socket);
        if (!this.stopping) this.closedByClient++;
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Connections still open. */
  get open(): number {
    return this.sockets.size;
  }

  reset(): void {
    this.requests.length = 0;
    this.closedByClient = 0;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const silent = new SilentServer();
let url: string;

beforeAll(async () => {
  url = await silent.start();
});
afterEach(() => silent.reset());
afterAll(() => silent.stop());

/** `npm run ask` with `env`; resolves when the process has exited. */
async function ask(env: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), "no-hang-"));
  const full = {
    ...process.env,
    CORPUS_DIR: "corpus",
    INDEX_DIR: join(root, "index"),
    MODEL_DIR: join(root, "models"),
    EMBEDDINGS: "auto",
    ...env,
  };
  try {
    const { stdout, stderr } = await run(
      "npm",
      ["run", "--silent", "ask", "--", "--json", "Төртінші тапсырма"],
      {
        env: full,
      },
    );
    return { stdout, stderr: botStderrLines(stderr), code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: botStderrLines(e.stderr), code: e.code };
  }
}

describe("a model host that never answers", () => {
  it("is given up after MODEL_STALL_TIMEOUT_MS, its request aborted, and ask answers and exits", async () => {
    const result = await ask({
      EMBEDDING_MODEL: "nobody/silent-model",
      MODEL_REMOTE_HOST: `${url}/`,
      MODEL_STALL_TIMEOUT_MS: "300",
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ abstained: false });
    expect(result.stderr[0]).toMatch(
      /^WARNING: embedding model nobody\/silent-model .*no progress for 300 ms/,
    );
    // The process exited although the server never answered (before, the unaborted request held
    // it for minutes): the client hung up every connection.
    expect(silent.requests.length).toBeGreaterThan(0);
    await expect.poll(() => silent.open).toBe(0);
    expect(silent.closedByClient).toBeGreaterThan(0);
  });
});

describe("an embedding server that never answers", () => {
  it("is given up after one EMBEDDINGS_TIMEOUT_MS (no retry of a timeout), and ask answers and exits", async () => {
    const result = await ask({ EMBEDDINGS_URL: `${url}/v1`, EMBEDDINGS_TIMEOUT_MS: "300" });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ abstained: false });
    expect(result.stderr[0]).toMatch(
      /^WARNING: embedding server .* could not be used: no answer within the timeout/,
    );
    expect(silent.requests).toEqual(["POST /v1/embeddings"]);
    await expect.poll(() => silent.open).toBe(0);
  });

  it("connectHttpEmbedder gives up after one timeout even with retries left", async () => {
    const error = await connectHttpEmbedder({
      url: `${url}/v1`,
      model: "m",
      timeoutMs: 200,
      retries: 3,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelLoadError);
    expect((error as ModelLoadError).cause).toBeInstanceOf(EmbeddingServerError);
    expect(silent.requests).toHaveLength(1);
  });
});
