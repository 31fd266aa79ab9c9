import { createHash } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

/**
 * A cheap fingerprint of a corpus folder: the name, size and modification time of every file in
 * it (documents and the data files beside them, `glossary.json`, `examples.json`), hidden files
 * (temporaries being written) left out. Polled every few seconds by the bot to notice a change
 * without reading every document: only when it changes is the corpus read and hashed. Polling
 * rather than file-system events, because events do not cross a network volume shared by
 * replicas, and editors save by rename. A folder that cannot be read has the signature "missing".
 */
export async function corpusSignature(dir: string): Promise<string> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => !name.startsWith(".")).sort();
  } catch {
    return "missing";
  }
  const hash = createHash("sha256");
  for (const name of names) {
    try {
      const info = await stat(join(dir, name));
      if (info.isFile()) hash.update(`${name}\0${info.size}\0${info.mtimeMs}\n`);
    } catch {
      hash.update(`${name}\0unreadable\n`);
    }
  }
  return hash.digest("hex");
}
