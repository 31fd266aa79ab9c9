/**
 * The operator's settings: defaults that serve one machine, ADMIN_IDS as another name for
 * ADMIN_USER_IDS, and wrong values refused in one line naming the variable, never the value.
 */
import { describe, expect, it } from "vitest";
import { parseStartSettings } from "../src/bot/settings.js";
import { SettingsError } from "../src/config/index.js";

const TOKEN = "123456789:AAE_abcdefghijklmnopqrstuvwxyz0123456";
const parse = (env: Record<string, string>) => parseStartSettings({ BOT_TOKEN: TOKEN, ...env });
const problems = (env: Record<string, string>) => {
  try {
    parse(env);
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  return [];
};

describe("operator settings", () => {
  it("default to one machine: SQLite in data/, questions not stored, the rate limit in-process, polling every 2 s", () => {
    expect(parse({})).toMatchObject({
      DATA_DIR: "data",
      STORE_QUESTIONS: false,
      CORPUS_POLL_MS: 2000,
      DOCUMENT_MAX_BYTES: 1024 * 1024,
      ADMIN_USER_IDS: [],
    });
    expect(parse({}).DATABASE_URL).toBeUndefined();
    expect(parse({}).REDIS_URL).toBeUndefined();
  });

  it("take ADMIN_IDS as another name for ADMIN_USER_IDS; both set, they must agree", () => {
    expect(parse({ ADMIN_IDS: "1, 2" }).ADMIN_USER_IDS).toEqual([1, 2]);
    expect(parse({ ADMIN_USER_IDS: "3" }).ADMIN_USER_IDS).toEqual([3]);
    expect(parse({ ADMIN_USER_IDS: "2,1", ADMIN_IDS: "1, 2" }).ADMIN_USER_IDS).toEqual([2, 1]);
    expect(problems({ ADMIN_USER_IDS: "1", ADMIN_IDS: "2" })).toEqual([
      "ADMIN_USER_IDS and ADMIN_IDS are both set and differ: keep one (ADMIN_IDS is another name for it)",
    ]);
    expect(problems({ ADMIN_IDS: "@someone" })).toEqual([
      "ADMIN_IDS must be Telegram user ids separated by commas, e.g. 12345678,87654321",
    ]);
  });

  it("refuse wrong URLs and numbers in one line each, naming the variable but not the value", () => {
    const found = problems({
      DATABASE_URL: "mysql://user:hunter2@db/x",
      REDIS_URL: "http://cache:6379",
      STORE_QUESTIONS: "maybe",
      CORPUS_POLL_MS: "-1",
    });
    expect(found).toHaveLength(4);
    expect(found.join("\n")).toMatch(/^DATABASE_URL must be a postgres:\/\/ URL/m);
    expect(found.join("\n")).toMatch(/^REDIS_URL must be a redis:\/\/ URL/m);
    expect(found.join("\n")).toMatch(/^STORE_QUESTIONS: /m);
    expect(found.join("\n")).toMatch(/^CORPUS_POLL_MS: /m);
    expect(found.join("\n")).not.toContain("hunter2");
  });

  it("accept a PostgreSQL and a Redis URL", () => {
    const settings = parse({
      DATABASE_URL: "postgresql://bot:pw@127.0.0.1:5432/bot",
      REDIS_URL: "rediss://:pw@cache:6380/1",
      STORE_QUESTIONS: "yes",
    });
    expect(settings.DATABASE_URL).toBe("postgresql://bot:pw@127.0.0.1:5432/bot");
    expect(settings.REDIS_URL).toBe("rediss://:pw@cache:6380/1");
    expect(settings.STORE_QUESTIONS).toBe(true);
  });
});
