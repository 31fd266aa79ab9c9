/**
 * Vitest global setup: `npm run build` before any test. The end-to-end tests run what an operator
 * runs — `npm start`, `npm run ask`, which execute the compiled JavaScript in `dist/` — so they
 * must never run a build older than the sources under test. The build is incremental: when
 * nothing changed it takes a couple of seconds.
 */
import { execFileSync } from "node:child_process";

export default function buildFirst(): void {
  execFileSync("npm", ["run", "--silent", "build"], { stdio: ["ignore", "inherit", "inherit"] });
}
