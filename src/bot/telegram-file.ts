import type { Api } from "grammy";

/** A file could not be had from Telegram: too large, refused, cut off. Never carries the URL (it holds the token). */
export class FileDownloadError extends Error {
  override readonly name = "FileDownloadError";
  constructor(
    message: string,
    readonly reason: "too-large" | "failed",
    /** The size found, when the file was too large. */
    readonly bytes?: number,
  ) {
    super(message);
  }
}

/** Options of {@link downloadTelegramFile}; only the limit has no default. */
export interface DownloadOptions {
  /** Larger files are refused, by their announced size and while reading. */
  maxBytes: number;
  /** Milliseconds the whole download may take. Default 30 000. */
  timeoutMs?: number;
}

/**
 * Downloads a file a user sent, the Bot API way: `getFile` for its path, then a GET of
 * `<api root>/file/bot<token>/<path>`. The size is checked before (Telegram's `file_size`), from
 * the response's length, and while reading, so a large file is never held whole in memory. The
 * URL holds the token: errors say what failed, never where.
 */
export async function downloadTelegramFile(
  api: Api,
  apiRoot: string,
  fileId: string,
  options: DownloadOptions,
): Promise<Uint8Array> {
  const file = await api.getFile(fileId);
  if (file.file_size !== undefined && file.file_size > options.maxBytes)
    throw new FileDownloadError("file too large", "too-large", file.file_size);
  if (file.file_path === undefined) throw new FileDownloadError("Telegram gave no file path", "failed");
  const url = `${apiRoot.replace(/\/+$/, "")}/file/bot${api.token}/${file.file_path}`;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
  } catch (error) {
    throw new FileDownloadError(`download failed (${(error as Error).name})`, "failed");
  }
  if (!response.ok || response.body === null)
    throw new FileDownloadError(`download failed (HTTP ${response.status})`, "failed");
  const announced = Number(response.headers.get("content-length") ?? Number.NaN);
  if (announced > options.maxBytes) {
    await response.body.cancel();
    throw new FileDownloadError("file too large", "too-large", announced);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > options.maxBytes) throw new FileDownloadError("file too large", "too-large", size);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof FileDownloadError) throw error;
    throw new FileDownloadError(`download failed (${(error as Error).name})`, "failed");
  }
  return Buffer.concat(chunks);
}
