import { readFile } from 'node:fs/promises';

/**
 * What a build kept in the output folder for the next one (a JSON object of entries): the
 * entries that pass `keep`, or none when the file is missing, damaged or edited into something
 * else. A kept file is a help, never an input: a bad one only costs the work it would have saved.
 */
export async function readKeptRecord<T>(
  file: string,
  keep: (v: unknown) => v is T,
): Promise<Record<string, T>> {
  let known: unknown;
  try {
    known = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    known = {};
  }
  const entries = known && typeof known === 'object' ? Object.entries(known) : [];
  return Object.fromEntries(entries.filter((e): e is [string, T] => keep(e[1])));
}
