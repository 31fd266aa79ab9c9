/**
 * Decodes Bot API request parameters the way Telegram does: from the query string and from a JSON,
 * urlencoded or multipart body. grammY sends JSON, but other clients (and hand-written tests) use
 * forms, where object parameters such as `reply_markup` arrive as JSON strings.
 */
import type { IncomingMessage } from "node:http";
import { ApiError, type Params } from "./fake-bot-api-types.js";

/** Parameters whose value is a JSON object or array; in form bodies they are JSON-serialised strings. */
const JSON_PARAMS = new Set([
  "allowed_updates",
  "button",
  "caption_entities",
  "commands",
  "entities",
  "explanation_entities",
  "input_message_content",
  "link_preview_options",
  "media",
  "menu_button",
  "options",
  "reaction",
  "reply_markup",
  "reply_parameters",
  "results",
  "scope",
]);

/** Reads the whole request and returns its parameters; body values win over query values. */
export async function readParams(req: IncomingMessage, url: URL): Promise<Params> {
  const query = decodeEntries(url.searchParams.entries());
  const body = await readBody(req);
  if (body.length === 0) return query;
  return { ...query, ...(await parseBody(body, req.headers["content-type"] ?? "")) };
}

/**
 * Parses the JSON string of an object parameter (`reply_markup`, `results`, …). Scalars stay as sent:
 * handlers coerce `"42"` and `"true"` themselves, as Telegram does.
 */
export function decodeValue(name: string, value: unknown): unknown {
  if (typeof value !== "string" || !JSON_PARAMS.has(name)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

async function parseBody(body: Buffer, contentType: string): Promise<Params> {
  const type = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  if (type === "application/json") return parseJson(body);
  if (type === "application/x-www-form-urlencoded") {
    return decodeEntries(new URLSearchParams(body.toString("utf8")).entries());
  }
  if (type === "multipart/form-data") return parseMultipart(body, contentType);
  // Telegram ignores bodies it cannot interpret; the call then simply lacks those parameters.
  return {};
}

function parseJson(body: Buffer): Params {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw ApiError.badRequest("can't parse JSON body");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw ApiError.badRequest("JSON body must be an object");
  }
  return decodeEntries(Object.entries(parsed));
}

async function parseMultipart(body: Buffer, contentType: string): Promise<Params> {
  const form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  const params: Params = {};
  for (const [name, value] of form.entries()) {
    params[name] =
      typeof value === "string"
        ? decodeValue(name, value)
        : { filename: value.name, size: value.size, mimeType: value.type };
  }
  return params;
}

function decodeEntries(entries: Iterable<[string, unknown]>): Params {
  const params: Params = {};
  for (const [name, value] of entries) params[name] = decodeValue(name, value);
  return params;
}
