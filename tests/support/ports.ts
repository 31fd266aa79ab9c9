import { createServer } from "node:net";

/**
 * A TCP port on 127.0.0.1 where nothing listens right now: for a server a test starts, or as the
 * address of a server that is down.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
