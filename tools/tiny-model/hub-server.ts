/**
 * A minimal local stand-in for the Hugging Face hub, so tests can exercise the real download-and-cache path
 * of transformers.js (remote fetch, `Range` metadata probes, file cache) without network access.
 *
 * transformers.js builds remote URLs as `env.remoteHost + env.remotePathTemplate + file`, where the default
 * template is `{model}/resolve/{revision}/`; it probes sizes with `GET` + `Range: bytes=0-0` (expecting
 * `206` with `content-range`) and downloads with a plain `GET` that must answer `200` with
 * `content-length`. Both are served here from a folder laid out as `<root>/<org>/<name>/<file>`.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, resolve, sep } from "node:path";

/** A running hub server; `requests` lets a test prove that a second load was served from the cache. */
export interface HubServer {
  /** Base URL with a trailing slash, ready for `env.remoteHost`, e.g. `http://127.0.0.1:PORT/`. */
  url: string;
  /** Every request in arrival order as `"METHOD /path"` (e.g. `"GET /org/name/resolve/main/config.json"`). */
  requests: string[];
  /** Stops listening and drops keep-alive connections, so the test process can exit promptly. */
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Parses a single `bytes=` range against a file size; `null` means "unsatisfiable", `undefined` "no range". */
function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return null;
  const [, first = "", last = ""] = match;
  let start: number;
  let end: number;
  if (first === "") {
    start = Math.max(0, size - Number(last));
    end = size - 1;
  } else {
    start = Number(first);
    end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  }
  if (start > end || start >= size) return null;
  return { start, end };
}

/** Sends a JSON error body like the hub does (`{"error": ...}`), so clients see a proper 4xx. */
function sendError(res: ServerResponse, status: number, message: string, head: boolean): void {
  const body = JSON.stringify({ error: message });
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
  });
  res.end(head ? undefined : body);
}

/** Maps `/{org}/{name}/resolve/{revision}/{file...}` to a file under `root`; any revision serves the folder. */
function resolveFile(root: string, pathname: string): string | undefined {
  let segments: string[];
  try {
    segments = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  const [org, name, resolveWord, , ...file] = segments;
  if (!org || !name || resolveWord !== "resolve" || file.length === 0) return undefined;
  if ([org, name, ...file].some((part) => part === ".." || part === "." || part.includes("\\")))
    return undefined;
  const target = resolve(root, org, name, ...file);
  return target.startsWith(resolve(root) + sep) ? target : undefined;
}

/** Serves one request: HEAD/GET with `content-length`, `accept-ranges` and single-range `206` answers. */
async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? "GET";
  const head = method === "HEAD";
  if (method !== "GET" && !head) {
    res.setHeader("allow", "GET, HEAD");
    sendError(res, 405, `Method ${method} not allowed`, false);
    return;
  }
  const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
  const file = resolveFile(root, pathname);
  const info = file ? await stat(file).catch(() => undefined) : undefined;
  if (!file || !info?.isFile()) {
    sendError(res, 404, `Entry not found: ${pathname}`, head);
    return;
  }
  const headers = {
    "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
    "accept-ranges": "bytes",
    etag: `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`,
  };
  const range = parseRange(req.headers.range, info.size);
  if (range === null) {
    res.setHeader("content-range", `bytes */${info.size}`);
    sendError(res, 416, "Requested range not satisfiable", head);
    return;
  }
  const { start, end } = range ?? { start: 0, end: info.size - 1 };
  res.writeHead(range ? 206 : 200, {
    ...headers,
    "content-length": info.size === 0 ? 0 : end - start + 1,
    ...(range ? { "content-range": `bytes ${start}-${end}/${info.size}` } : {}),
  });
  if (head || info.size === 0) {
    res.end();
    return;
  }
  createReadStream(file, { start, end })
    .on("error", (error) => res.destroy(error))
    .pipe(res);
}

/**
 * Serves a folder laid out as <root>/<org>/<name>/<file> at the Hugging Face hub's URL layout
 * `/{org}/{name}/resolve/{revision}/{file}` on 127.0.0.1 (port 0 = random). Counts requests per path so a
 * test can prove the second load came from the cache. Missing files answer 404 with a JSON body.
 */
export async function startHubServer(root: string): Promise<HubServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method ?? "GET"} ${new URL(req.url ?? "/", "http://localhost").pathname}`);
    handle(root, req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy(error instanceof Error ? error : new Error(String(error)));
      else sendError(res, 500, String(error), req.method === "HEAD");
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.close((error) => (error ? reject(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}
