import matter from 'gray-matter';
import { error, type Problem } from '../problem.js';

export interface ParsedSource {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** 1-based line of each top-level front matter key, for messages about its value. */
  keyLines: Record<string, number>;
}

interface YamlErrorLike {
  name?: string;
  reason?: string;
  mark?: { line?: number };
}

/** Splits front matter from body; a YAML error becomes a Problem that points at its line. */
export function parseFrontMatter(
  text: string,
  shownAs: string,
): { ok: true; value: ParsedSource } | { ok: false; problem: Problem } {
  const lines = text.split('\n');
  let close = -1;
  // gray-matter would run `---js` front matter as JavaScript: only plain YAML is read.
  if (/^---\S/.test(lines[0] ?? '')) {
    return {
      ok: false,
      problem: error(
        'front-matter-language',
        { file: shownAs, line: 1 },
        `front matter must be YAML, opened by a line holding only ---, not "${(lines[0] ?? '').slice(0, 20)}"`,
        'start the file with a line holding only ---',
      ),
    };
  }
  if (/^---\s*$/.test(lines[0] ?? '')) {
    close = lines.findIndex((l, i) => i > 0 && /^---\s*$/.test(l));
    if (close === -1) {
      return {
        ok: false,
        problem: error(
          'front-matter-unclosed',
          { file: shownAs, line: 1 },
          'front matter starts with --- but is never closed',
          'end the front matter with a line holding only ---',
        ),
      };
    }
  }
  try {
    // Passing options turns off gray-matter's cache, which would hand back stale objects.
    const parsed = matter(text, {});
    const data =
      parsed.data && typeof parsed.data === 'object' && !Array.isArray(parsed.data)
        ? (parsed.data as Record<string, unknown>)
        : {};
    const keyLines: Record<string, number> = {};
    for (let i = 1; i < close; i++) {
      const key = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[i] as string);
      if (key) keyLines[key[1] as string] = i + 1;
    }
    const bodyLine = close === -1 ? 1 : close + 2;
    return { ok: true, value: { data, body: lines.slice(close + 1).join('\n'), bodyLine, keyLines } };
  } catch (err) {
    const e = err as YamlErrorLike;
    // gray-matter hands js-yaml the text from the end of the opening ---, so js-yaml's line 0
    // is that line's remainder and its line n is file line n + 1.
    const mark = e.mark?.line;
    const line = typeof mark === 'number' ? Math.min(mark + 1, close + 1) : 1;
    return {
      ok: false,
      problem: error(
        'yaml-invalid',
        { file: shownAs, line },
        `front matter is not valid YAML: ${e.reason ?? String(err)}`,
        'check indentation and quote values that contain ": " or start with a special character',
      ),
    };
  }
}
