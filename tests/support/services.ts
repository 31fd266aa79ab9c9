/**
 * Real servers for the tests of shared state: TEST_REDIS_URL and TEST_DATABASE_URL, which
 * `.ci/run` sets after starting them (tools/test-services/up.sh). Without them a local run skips
 * those tests with the reason in their title; under CI=true a missing server fails instead, so
 * the tests never silently vanish from CI.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, it } from "vitest";

export type ServiceVariable = "TEST_REDIS_URL" | "TEST_DATABASE_URL";

const inCi = /^(true|1)$/i.test(process.env.CI ?? "");

/** `describe(title, body)` with the server's URL; skipped (locally) or failing (CI) without it. */
export function describeWithService(
  variable: ServiceVariable,
  title: string,
  body: (url: string) => void,
): void {
  const url = process.env[variable];
  if (url) {
    describe(title, () => body(url));
    return;
  }
  if (inCi) {
    describe(title, () => {
      it(`needs ${variable}`, () => {
        throw new Error(
          `${variable} is not set: under CI=true these tests must run (.ci/run starts the servers with tools/test-services/up.sh)`,
        );
      });
    });
    return;
  }
  describe.skip(`${title} — skipped: ${variable} is not set (start the servers: env="$(bash tools/test-services/up.sh)" && eval "$env")`, () =>
    body(""));
}

/**
 * A PostgreSQL URL whose connections use a new, empty schema of their own, so test files running
 * at once never see each other's tables.
 */
export async function freshPostgresUrl(base: string): Promise<string> {
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
  const url = new URL(base);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return url.toString();
}
