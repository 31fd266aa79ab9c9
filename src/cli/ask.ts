import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { openEngineFromEnvironment } from "./engine.js";
import { answerToJson, answerToText } from "./render.js";
import { runCommand, UsageError } from "./run.js";

const USAGE = "usage: npm run ask -- [--index DIR] [--corpus DIR] [--k N] [--json] [--stdin] [QUESTION]";

/**
 * `npm run ask`: answers one question (or, with `--stdin`, one per input line, in order, in one
 * process) and prints quoted, cited passages — or one JSON object per question with `--json`.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseFlags();
  const k = values.k === undefined ? undefined : Number(values.k);
  if (k !== undefined && (!Number.isInteger(k) || k < 1 || k > 50))
    throw new UsageError(`--k must be a whole number from 1 to 50. ${USAGE}`);
  const question = positionals.join(" ").trim();
  if (!values.stdin && !question) throw new UsageError(`no question given. ${USAGE}`);

  // An index folder named without a corpus is answered from the corpus it was built from.
  const { engine } = await openEngineFromEnvironment({
    indexDir: values.index,
    corpusDir: values.corpus,
    corpusFromIndex: true,
  });
  const print = (answer: Awaited<ReturnType<typeof engine.answer>>) =>
    process.stdout.write(
      values.json
        ? `${answerToJson(answer)}\n`
        : answerToText(answer, {
            color: process.stdout.isTTY === true,
            sources: (doc) => engine.sources.get(doc),
            sections: engine.sections().length,
          }),
    );

  if (!values.stdin) {
    print(await engine.answer(question, k === undefined ? {} : { k }));
    return;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  const batch: string[] = [];
  for await (const line of lines) if (line.trim()) batch.push(line);
  for (const answer of await engine.answerMany(batch, k === undefined ? {} : { k })) print(answer);
}

function parseFlags() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        index: { type: "string" },
        corpus: { type: "string" },
        k: { type: "string" },
        json: { type: "boolean", default: false },
        stdin: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. ${USAGE}`);
  }
}

runCommand("ask", main);
