import { parentPort, workerData } from 'node:worker_threads';

/**
 * Runs marp-cli in a worker thread: it renders for about half a second, and on the build's
 * thread that held up every message to and from the browser meanwhile. Its console output is
 * collected (core code does not print) and sent back with its exit code.
 */
const messages: string[] = [];
const collect = (...args: unknown[]) => messages.push(args.map(String).join(' '));
console.warn = console.log = console.error = console.info = collect;
try {
  const { marpCli } = await import('@marp-team/marp-cli');
  const code = await marpCli(workerData as string[]);
  parentPort!.postMessage({ code, messages });
} catch (err) {
  parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err), messages });
}
