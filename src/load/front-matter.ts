import {
  LineCounter,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type DocumentOptions,
  type Node,
  type ParseOptions,
  type SchemaOptions,
  type YAMLError,
} from 'yaml';
import { error, type Problem } from '../core/problem.js';
import { looseLines } from './loose-yaml.js';
import { blockScalarLines, fullWidthColon, unclosedQuote } from './yaml-slips.js';

export interface ParsedSource {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /**
   * 1-based line of each front matter key by its path (`brand`, `brand.primary`, `list.0`),
   * for messages about its value.
   */
  keyLines: Record<string, number>;
}

/**
 * YAML 1.2 as the `yaml` package reads it, plus the YAML 1.1 types js-yaml's safe schema read
 * before (dates, binary, ordered maps, pairs, sets, merge keys): `date: 2026-12-01` stays a date.
 */
const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  customTags: ['timestamp', 'binary', 'omap', 'pairs', 'set'],
  merge: true,
  prettyErrors: false,
  // The yaml package reports what it tolerates through process.emitWarning, which Node prints:
  // the core never prints, and what matters (a key that is a list or mapping) is an error here.
  logLevel: 'error',
};

/**
 * Splits front matter from body; a YAML error becomes a Problem that points at its line.
 * `looseKeys` are read as Marpit reads its directives (looseYAML): their one-line values are text.
 */
export function parseFrontMatter(
  text: string,
  shownAs: string,
  looseKeys: readonly string[] = [],
): { ok: true; value: ParsedSource } | { ok: false; problem: Problem } {
  const lines = text.split('\n');
  let close = -1;
  // Front matter opened by ---js or ---coffee is a script to some tools: only plain YAML is read.
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
  const body = lines.slice(close + 1).join('\n');
  const bodyLine = close === -1 ? 1 : close + 2;
  if (close === -1) return { ok: true, value: { data: {}, body, bodyLine, keyLines: {} } };

  // The YAML starts on file line 2: its line n is file line n + 1.
  const counter = new LineCounter();
  const fileLine = (offset: number) => counter.linePos(offset).line + 1;
  const yaml = looseLines(lines.slice(1, close), looseKeys).join('\n');
  const doc = parseDocument(yaml, { ...YAML_OPTIONS, lineCounter: counter });
  const slip = fullWidthColon(
    yaml,
    blockScalarLines(doc, (offset) => fileLine(offset) - 2),
  );
  if (slip) {
    return {
      ok: false,
      problem: error(
        'yaml-invalid',
        { file: shownAs, line: slip.index + 2 },
        `\`${slip.key}：\` has a full-width colon (：), which YAML does not read as one`,
        `use ':' followed by a space: \`${slip.key}: ${slip.value}\``,
      ),
    };
  }
  // An unknown tag (`!!js/function`) is only a warning to the yaml package; it was always refused.
  const failure = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  let data: unknown;
  let message = failure?.message;
  const complex = failure ? undefined : complexKey(doc.contents);
  if (complex !== undefined) {
    return {
      ok: false,
      problem: error(
        'yaml-invalid',
        { file: shownAs, line: fileLine(complex) },
        'front matter key is a list or mapping (a YAML "?" key); keys must be plain names',
        'write the key as a plain name, e.g. `title: …`',
      ),
    };
  }
  if (!failure) {
    try {
      data = doc.toJS();
    } catch (err) {
      // Aliases that would expand past the yaml package's limit (a "billion laughs" document).
      message = err instanceof Error ? err.message : String(err);
    }
  }
  const quote = failure?.code === 'MISSING_CHAR' ? unclosedQuote(yaml) : undefined;
  if (quote !== undefined) {
    return {
      ok: false,
      problem: error(
        'yaml-invalid',
        { file: shownAs, line: fileLine(quote) },
        'this value opens a quote that is never closed',
        'end the value with the same quote mark it starts with, on the same line',
      ),
    };
  }
  if (message !== undefined) {
    return {
      ok: false,
      problem: error(
        'yaml-invalid',
        { file: shownAs, line: failure ? Math.min(fileLine(lastOffset(failure, doc.errors)), close + 1) : 2 },
        `front matter is not valid YAML: ${message}`,
        'check indentation and quote values that contain ": " or start with a special character',
      ),
    };
  }
  const keyLines: Record<string, number> = {};
  recordKeyLines(doc.contents, '', fileLine, keyLines);
  return {
    ok: true,
    value: {
      data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
      body,
      bodyLine,
      keyLines,
    },
  };
}

/**
 * Where a YAML error is best shown: the yaml package reports an over-indented line as errors
 * that start at the key above it and end on that line, so the end of the errors starting with
 * the first one is the line to fix.
 */
function lastOffset(first: YAMLError, errors: YAMLError[]): number {
  const end = (e: YAMLError) => Math.max(e.pos[0], e.pos[1] - 1);
  return Math.max(end(first), ...errors.filter((e) => e.pos[0] === first.pos[0]).map(end));
}

/** The offset of the first key under a node that is not a scalar (`? [a, b]: c`), if any. */
function complexKey(node: unknown): number | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (pair.key !== null && !isScalar(pair.key)) return (pair.key as Node).range?.[0] ?? 0;
      const inner = complexKey(pair.value);
      if (inner !== undefined) return inner;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const inner = complexKey(item);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

/** The line of every key and item under a node, by its dotted path; the first spelling wins. */
function recordKeyLines(
  node: Node | null,
  prefix: string,
  fileLine: (offset: number) => number,
  out: Record<string, number>,
): void {
  const entries: [string, number | undefined, Node | null][] = [];
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      entries.push([String(pair.key.value), pair.key.range?.[0], pair.value as Node | null]);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const n = item as Node | null;
      entries.push([String(i), n?.range?.[0], n]);
    });
  }
  for (const [key, offset, value] of entries) {
    const path = prefix + key;
    if (offset !== undefined && !(path in out)) out[path] = fileLine(offset);
    recordKeyLines(value, `${path}.`, fileLine, out);
  }
}
