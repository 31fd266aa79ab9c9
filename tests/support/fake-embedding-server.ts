import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the fake received, parsed. */
export interface SeenRequest {
  readonly authorization: string | undefined;
  readonly body: { model?: string; input?: string[]; input_type?: string; encoding_format?: string };
}

/** What the fake does with the next request; `ok` embeds. */
export type Fault = "ok" | "429" | "500" | "hang" | "garbage" | "wrong-count";

/**
 * A small OpenAI-compatible embeddings server on 127.0.0.1 for the HTTP backend's fault tests:
 * deterministic bag-of-letters vectors (texts sharing letters are close), answers in reverse order
 * with their `index` (clients must sort), and a queue of faults to inject.
 */
export class FakeEmbeddingServer {
  readonly requests: SeenRequest[] = [];
  /** Faults for the next requests, in order; then "ok". */
  faults: Fault[] = [];
  dimensions = 16;
  private server: Server | null = null;
  private readonly hanging = new Set<ServerResponse>();

  async start(): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw || "{}") as SeenRequest["body"];
    this.requests.push({ authorization: req.headers.authorization, body });
    const fault = this.faults.shift() ?? "ok";
    if (fault === "hang") {
      this.hanging.add(res);
      return;
    }
    if (fault === "429") {
      res.writeHead(429, { "content-type": "application/json", "retry-after": "0" });
      res.end(JSON.stringify({ error: { message: "slow down" } }));
      return;
    }
    if (fault === "500") {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "inference failed" } }));
      return;
    }
    if (fault === "garbage") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>proxy login</html>");
      return;
    }
    const input = body.input ?? [];
    const data = input.map((text, index) => ({ object: "embedding", index, embedding: this.vector(text) }));
    if (fault === "wrong-count") data.pop();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ object: "list", data: data.reverse(), model: body.model }));
  }

  /** Letter counts folded into `dimensions` buckets, not normalized (clients must). */
  vector(text: string): number[] {
    const v = new Array<number>(this.dimensions).fill(0.01);
    for (const char of text.toLowerCase()) {
      const bucket = (char.codePointAt(0) as number) % this.dimensions;
      if (/\p{L}/u.test(char)) v[bucket] = (v[bucket] as number) + 1;
    }
    return v;
  }
}
