import { defineConfig } from "vitest/config";

/** The real-model tier (`npm run test:model`): tests with real vectors, run one file at a time. */
export default defineConfig({
  test: {
    include: ["tests/model/**/*.test.ts"],
    // The spawned bot and commands run the compiled build: compile it first.
    globalSetup: ["tests/support/build-first.ts"],
    testTimeout: 900_000,
    hookTimeout: 300_000,
    pool: "forks",
    fileParallelism: false,
  },
});
