import { existsSync } from "node:fs";

/**
 * Loads `.env` from the working folder into `process.env` if the file exists, without
 * overriding variables already set (Node's own loader, so no extra dependency).
 */
export function loadDotEnv(path = ".env"): void {
  if (!existsSync(path)) return;
  const before = { ...process.env };
  process.loadEnvFile(path);
  Object.assign(process.env, before);
}
