import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The spawned bot and commands run the compiled build: compile it first.
    globalSetup: ["tests/support/build-first.ts"],
    // The real-model tier has its own command (`npm run test:model`) and config.
    exclude: ["tests/model/**", "**/node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
