import { createHmac, timingSafeEqual } from "node:crypto";

/** The header Telegram sends a webhook's secret token back in. */
export const SECRET_HEADER = "x-telegram-bot-api-secret-token";

/**
 * The webhook secret used when WEBHOOK_SECRET is not set: an HMAC of a fixed label keyed with
 * the bot token, in the 43 characters Telegram allows (`A-Z a-z 0-9 _ -`). Only whoever holds the
 * token can compute it, every replica computes the same one, and it reveals nothing of the token.
 * So a webhook is never left open to forged updates because an operator skipped a setting.
 */
export function deriveWebhookSecret(token: string): string {
  return createHmac("sha256", token.trim()).update("telegram webhook secret token").digest("base64url");
}

/** Whether a request's secret-token header is `secret`, compared in constant time. */
export function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  const given = Buffer.from(Array.isArray(header) ? (header[0] ?? "") : (header ?? ""));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
