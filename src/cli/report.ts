/**
 * `npm run report -- [--days N] [--top N] [--json]`: what readers asked over the last N days (7 by
 * default), from the feedback the bot stored (SQLite in DATA_DIR, or DATABASE_URL): questions
 * asked, the declined rate and why, votes and the 👎 rate, per language, and — when the bot stores
 * question texts (STORE_QUESTIONS) — the most common declined and 👎 questions: what the article
 * should answer next. Reads only: a missing SQLite file is reported, not created.
 */
import { parseArgs } from "node:util";
import { feedbackSettingsSchema, loadDotEnv, parseSettings } from "../config/index.js";
import {
  describeUrl,
  FeedbackStoreError,
  feedbackStoreFor,
  figuresOf,
  formatReport,
} from "../feedback/index.js";
import { runCommand, UsageError } from "./run.js";

const USAGE = "usage: npm run report -- [--days N] [--top N] [--json]";
const DAY_MS = 86_400_000;

function positive(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UsageError(`--${name} takes a whole number from 1 to ${max}. ${USAGE}`);
  return n;
}

async function main(): Promise<void> {
  let values: { days?: string; top?: string; json?: boolean };
  try {
    ({ values } = parseArgs({
      options: { days: { type: "string" }, top: { type: "string" }, json: { type: "boolean" } },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. ${USAGE}`);
  }
  const days = positive(values.days, "days", 7, 3650);
  const top = positive(values.top, "top", 10, 100);
  loadDotEnv();
  const settings = parseSettings(feedbackSettingsSchema, process.env);
  const store = feedbackStoreFor({
    databaseUrl: settings.DATABASE_URL,
    dataDir: settings.DATA_DIR,
    create: false,
    connectTimeoutMs: 5000,
  });
  const source = settings.DATABASE_URL
    ? `PostgreSQL ${describeUrl(settings.DATABASE_URL)}`
    : `SQLite ${store.where}`;
  const since = Date.now() - days * DAY_MS;
  try {
    const summary = await store.summary(since, top);
    if (values.json) {
      const { topDeclined, topDisliked, questionsStored } = summary;
      const report = { days, since: new Date(since).toISOString(), source, figures: figuresOf(summary) };
      process.stdout.write(`${JSON.stringify({ ...report, questionsStored, topDeclined, topDisliked })}\n`);
    } else {
      process.stdout.write(formatReport(summary, { days, since, source }));
    }
  } catch (error) {
    if (error instanceof FeedbackStoreError && error.reason === "missing") {
      process.stdout.write(
        `No feedback recorded yet: ${error.where} does not exist (the bot creates it with its first answer).\n`,
      );
      return;
    }
    throw error;
  } finally {
    await store.close();
  }
}

runCommand("report", main);
