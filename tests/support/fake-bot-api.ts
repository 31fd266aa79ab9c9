/**
 * A fake Telegram Bot API server for end-to-end tests. The real bot process is started with
 * `TELEGRAM_API_ROOT` pointing here; the fake speaks Telegram's JSON, long-polls like Telegram,
 * rejects what Telegram rejects, records every call and lets a test act as users.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { UserFromGetMe } from "grammy/types";
import { MESSAGE_METHODS, type MethodHandler } from "./fake-bot-api-methods.js";
import { readParams } from "./fake-bot-api-params.js";
import { SETTINGS_METHODS } from "./fake-bot-api-settings.js";
import { ApiError, type FailureResponse, type RecordedCall } from "./fake-bot-api-types.js";
import { UpdateQueue } from "./fake-bot-api-updates.js";
import {
  callbackQuery,
  documentContent,
  type EditedUserMessage,
  type EditTextOptions,
  editedMessage,
  type InlineQueryOptions,
  inlineQuery,
  type PressButtonOptions,
  photoContent,
  type SendDocumentOptions,
  type SendPhotoOptions,
  type SendStickerOptions,
  type SendTextOptions,
  type SendVoiceOptions,
  stickerContent,
  textContent,
  type UserMessage,
  userMessage,
  voiceContent,
} from "./fake-bot-api-users.js";
import { BotWorld, botUserFor, randomToken } from "./fake-bot-api-world.js";

export type { FailureResponse, Params, RecordedCall } from "./fake-bot-api-types.js";
export type * from "./fake-bot-api-users.js";

/** Options of {@link FakeBotApi.start}. */
export interface FakeBotApiOptions {
  /** Bot token to accept; a well-formed random one by default. */
  token?: string;
  /** `update_id` of the first update; Telegram starts at an arbitrary number. */
  firstUpdateId?: number;
}

/** A queued user action, as returned to the test. */
export type MessageUpdate = { update_id: number; message: UserMessage };

const ROUTE = /^\/bot([^/]*)\/([^/]+)$/;
/** Downloads of files users sent: `/file/bot<token>/<file_path>` (recorded as method "file"). */
const FILE_ROUTE = /^\/file\/bot([^/]*)\/(.+)$/;
const UNAUTHORIZED = new ApiError(401, "Unauthorized");
const NOT_FOUND = new ApiError(404, "Not Found");
const HANDLERS = new Map(
  Object.entries({ ...SETTINGS_METHODS, ...MESSAGE_METHODS }).map(([name, run]) => [
    name.toLowerCase(),
    { name, run },
  ]),
);

interface Waiter {
  predicate: (call: RecordedCall) => boolean;
  resolve: (call: RecordedCall) => void;
  reject: (error: Error) => void;
}

/**
 * The fake server. Start it with {@link FakeBotApi.start}, give `apiRoot` and `token` to the bot,
 * drive it with the user actions, assert on {@link FakeBotApi.calls}, and always {@link FakeBotApi.close} it.
 */
export class FakeBotApi {
  /** Every request, accepted or rejected, in the order answered (a long poll when it ends); `at` is arrival. */
  readonly calls: RecordedCall[] = [];
  /** Base URL for grammY's `client.apiRoot` (no trailing slash). */
  readonly apiRoot: string;
  /** The only token accepted; other tokens get 401 like a revoked one. */
  readonly token: string;
  /** What getMe returns. */
  readonly botUser: UserFromGetMe;
  private readonly world: BotWorld;
  private readonly updates: UpdateQueue;
  private readonly failures = new Map<string, FailureResponse[]>();
  private readonly waiters = new Set<Waiter>();
  private closed = false;

  private constructor(
    private readonly server: Server,
    options: FakeBotApiOptions,
  ) {
    const { port } = server.address() as AddressInfo;
    this.apiRoot = `http://127.0.0.1:${port}`;
    this.token = options.token ?? randomToken();
    this.botUser = botUserFor(this.token);
    this.world = new BotWorld(this.botUser);
    this.updates = new UpdateQueue(options.firstUpdateId ?? 1);
    server.on("request", (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res));
  }

  /** Listens on 127.0.0.1 on a free port, so parallel test files never collide. */
  static async start(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
    const server = createServer({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    return new FakeBotApi(server, options);
  }

  /** Accepted calls (of one method, or of all but getUpdates, whose polls would drown the rest). */
  sent(method?: string): RecordedCall[] {
    return this.calls.filter(
      (call) => call.ok && (method === undefined ? call.method !== "getUpdates" : call.method === method),
    );
  }

  /**
   * Calls the fake refused, as Telegram would have; a healthy bot run leaves this empty. Errors the
   * bot never received (a long poll it had already aborted) are left out; they remain in `calls`.
   */
  rejected(method?: string): RecordedCall[] {
    return this.calls.filter(
      (call) => !call.ok && !call.aborted && (method === undefined || call.method === method),
    );
  }

  /** Resolves once the bot holds a long poll open: it is started and idle, waiting for updates. */
  async waitForPolling(timeoutMs = 10_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(this.describeWait(`no long poll within ${timeoutMs} ms`))),
        timeoutMs,
      );
    });
    try {
      await Promise.race([this.updates.whenWaiting(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Resolves with the first call, recorded or future, that matches. Make the predicate specific
   * (chat, text) since earlier matching calls count too. Rejects on timeout, listing recent calls.
   */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs = 10_000): Promise<RecordedCall> {
    const found = this.calls.find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    if (this.closed) return Promise.reject(new Error(this.describeWait("the fake is closed")));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => waiter.reject(new Error(this.describeWait(`timed out after ${timeoutMs} ms`))),
        timeoutMs,
      );
      const settle = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      const waiter: Waiter = {
        predicate,
        resolve: (call) => {
          settle();
          resolve(call);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      };
      this.waiters.add(waiter);
    });
  }

  /** The next `times` calls of `method` fail with `response`, e.g. a 429 to test the bot's retries. */
  failNext(method: string, response: FailureResponse, times = 1): void {
    const key = method.toLowerCase();
    const queue = this.failures.get(key) ?? [];
    for (let i = 0; i < times; i++) queue.push(response);
    this.failures.set(key, queue);
  }

  /** Forgets the failures still queued by {@link failNext} (for `method`, or all). */
  clearFailures(method?: string): void {
    if (method === undefined) this.failures.clear();
    else this.failures.delete(method.toLowerCase());
  }

  /** A user writes `text`; `/commands` get bot_command entities like from a real client. */
  sendText(options: SendTextOptions): MessageUpdate {
    return this.updates.push({ message: userMessage(this.world, options, textContent(options)) });
  }

  /** A user edits an earlier text message; the bot gets an `edited_message` update (when it asked for them). */
  editText(options: EditTextOptions): { update_id: number; edited_message: EditedUserMessage } {
    return this.updates.push({ edited_message: editedMessage(this.world, options) });
  }

  /** A user sends a sticker. */
  sendSticker(options: SendStickerOptions): MessageUpdate {
    return this.updates.push({ message: userMessage(this.world, options, stickerContent(options)) });
  }

  /** A user sends a photo, optionally with a caption. */
  sendPhoto(options: SendPhotoOptions): MessageUpdate {
    return this.updates.push({ message: userMessage(this.world, options, photoContent(options)) });
  }

  /** A user sends a voice note. */
  sendVoice(options: SendVoiceOptions): MessageUpdate {
    return this.updates.push({ message: userMessage(this.world, options, voiceContent(options)) });
  }

  /** A user sends a file (a document), optionally with a caption. */
  sendDocument(options: SendDocumentOptions): MessageUpdate {
    return this.updates.push({
      message: userMessage(this.world, options, documentContent(this.world, options)),
    });
  }

  /** A user presses an inline button of a bot message; returns the callback query id to expect in answers. */
  pressButton(options: PressButtonOptions): string {
    return this.updates.push({ callback_query: callbackQuery(this.world, options) }).callback_query.id;
  }

  /** A user types `@bot query`; returns the inline query id. */
  inlineQuery(options: InlineQueryOptions): string {
    return this.updates.push({ inline_query: inlineQuery(this.world, options) }).inline_query.id;
  }

  /** Answers pending long polls with `[]`, fails pending waits, and closes every connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.updates.close();
    for (const waiter of this.waiters) waiter.reject(new Error(this.describeWait("the fake was closed")));
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      // Let the final `[]` answers flush, then drop keep-alive and in-flight sockets.
      setImmediate(() => this.server.closeAllConnections());
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const call: RecordedCall = { method: "", params: {}, at: Date.now(), ok: false };
    const file = FILE_ROUTE.exec(new URL(req.url ?? "/", this.apiRoot).pathname);
    if (file !== null) return this.serveFile(file[1] ?? "", decodeURIComponent(file[2] ?? ""), res, call);
    try {
      call.result = await this.execute(req, res, call);
      call.ok = true;
    } catch (error) {
      call.error = toFailure(error);
    }
    if (res.destroyed) call.aborted = true;
    else respond(res, call);
    this.record(call);
  }

  /** A file download: its bytes for the right token and a path getFile gave, else 401 or 404. */
  private serveFile(token: string, path: string, res: ServerResponse, call: RecordedCall): void {
    call.method = "file";
    call.params = { file_path: path };
    const file = [...this.world.files.values()].find((f) => f.path === path);
    const status = token !== this.token ? 401 : file === undefined ? 404 : 200;
    call.ok = status === 200;
    if (file !== undefined && status === 200) {
      res.writeHead(200, {
        "content-type": "application/octet-stream",
        "content-length": file.bytes.byteLength,
      });
      res.end(file.bytes);
    } else {
      call.error = { error_code: status, description: status === 401 ? "Unauthorized" : "Not Found" };
      res
        .writeHead(status, { "content-type": "application/json" })
        .end(JSON.stringify({ ok: false, ...call.error }));
    }
    this.record(call);
  }

  /** Routes like Telegram: bad path → 404, wrong token → 401, unknown method → 404. */
  private async execute(req: IncomingMessage, res: ServerResponse, call: RecordedCall): Promise<unknown> {
    const url = new URL(req.url ?? "/", this.apiRoot);
    const route = ROUTE.exec(url.pathname);
    call.method = route?.[2] ?? url.pathname;
    call.params = await readParams(req, url);
    if (route === null) throw NOT_FOUND;
    if (route[1] !== this.token) throw UNAUTHORIZED;
    const handler = HANDLERS.get(call.method.toLowerCase());
    if (handler === undefined) throw NOT_FOUND;
    call.method = handler.name;
    this.throwInjectedFailure(call);
    return this.run(handler.run, call, res);
  }

  private run(handler: MethodHandler, call: RecordedCall, res: ServerResponse): unknown {
    const disconnected = new AbortController();
    res.once("close", () => disconnected.abort());
    return handler(call.params, { world: this.world, updates: this.updates, signal: disconnected.signal });
  }

  private throwInjectedFailure(call: RecordedCall): void {
    const failure = this.failures.get(call.method.toLowerCase())?.shift();
    if (failure === undefined) return;
    call.injected = true;
    throw new ApiError(failure.error_code, failure.description, failure.parameters);
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    for (const waiter of this.waiters) {
      try {
        if (waiter.predicate(call)) waiter.resolve(call);
      } catch (error) {
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  private describeWait(reason: string): string {
    const polls = this.calls.filter((call) => call.method === "getUpdates").length;
    const recent = this.calls.filter((call) => call.method !== "getUpdates").slice(-15);
    const lines = recent.map((call) => `  ${describeCall(call)}`);
    return [
      `FakeBotApi: ${reason}, no matching call. ${polls} getUpdates call(s) omitted; last other calls:`,
      ...(lines.length > 0 ? lines : ["  (none)"]),
    ].join("\n");
  }
}

function respond(res: ServerResponse, call: RecordedCall): void {
  const status = call.error?.error_code ?? 200;
  const body = call.ok ? { ok: true, result: call.result } : { ok: false, ...call.error };
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function toFailure(error: unknown): FailureResponse {
  if (error instanceof ApiError) return error.toResponse();
  return {
    error_code: 500,
    description: `Internal Server Error: ${error instanceof Error ? error.message : String(error)}`,
  };
}

function describeCall(call: RecordedCall): string {
  const params = JSON.stringify(call.params);
  const outcome = call.ok ? "ok" : `REJECTED ${call.error?.error_code} ${call.error?.description}`;
  return `${call.method} ${params.length > 300 ? `${params.slice(0, 300)}…` : params} → ${outcome}`;
}
