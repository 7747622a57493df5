import { readFile, stat } from 'node:fs/promises';
import { LIMITS } from './limits.js';
import { error, warning, type FindingCode, type Problem } from '../core/problem.js';
import { firstControlCharLine, withoutControlChars } from './control-chars.js';

/** A source file read as text, or the reason it cannot be. */
export type SourceText = { ok: true; text: string; warnings: Problem[] } | { ok: false; problem: Problem };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a markdown source as UTF-8. Accepts a BOM and CRLF (files saved by Windows editors);
 * refuses binary files and other encodings with a message that names the file, since a GBK
 * file decoded as UTF-8 would silently turn every Chinese character into garbage.
 */
export async function readSource(path: string, shownAs: string): Promise<SourceText> {
  const fail = (code: FindingCode, message: string, hint: string): SourceText => ({
    ok: false,
    problem: error(code, { file: shownAs, line: 1 }, message, hint),
  });
  let bytes: Buffer;
  try {
    const { size } = await stat(path);
    if (size > LIMITS.fileBytes) {
      return fail(
        'file-too-large',
        `is ${(size / 1024 / 1024).toFixed(1)} MB (at most ${LIMITS.fileBytes / 1024 / 1024} MB)`,
        'split it into several chapters or decks; keep pictures in assets/',
      );
    }
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    return fail(
      'unreadable',
      `cannot be read (${code})`,
      code === 'EISDIR'
        ? 'this name is for a markdown file, not a folder'
        : 'check that the file exists and that you may read it',
    );
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    return fail(
      'not-text',
      'is a binary file, not markdown text',
      'keep only UTF-8 markdown files named NN-<slug>.md in the deck folder',
    );
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const line = firstBadLine(bytes);
    return {
      ok: false,
      problem: error(
        'not-utf8',
        { file: shownAs, line },
        'is not UTF-8 text (it looks like GBK or another legacy encoding)',
        'save the file as UTF-8 (in VS Code: "Save with Encoding" > UTF-8; in Notepad: Save As > Encoding UTF-8)',
      ),
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  const line = firstControlCharLine(text);
  const warnings: Problem[] = line
    ? [
        warning(
          'control-characters',
          { file: shownAs, line },
          'holds control characters (such as a vertical tab from Word); they are read as spaces',
          'replace them with line breaks or spaces in your editor',
        ),
      ]
    : [];
  return { ok: true, text: withoutControlChars(text), warnings };
}

/** The 1-based line holding the first byte sequence that is not valid UTF-8. */
function firstBadLine(bytes: Uint8Array): number {
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        utf8.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      start = i + 1;
      line++;
    }
  }
  return 1;
}
