import { CST, Parser, visit, type Document } from 'yaml';

// The YAML mistakes a trainer makes most, found so the message can name them at the line to
// fix: a full-width colon typed with a Chinese input method, and a quote never closed (the
// yaml package reports that one where the document ends).

/** `key：value` at the start of a line (any indentation), as the Chinese input method types it. */
const FULL_WIDTH_KEY = /^(\s*)([A-Za-z_][\w-]*)\s*：\s*(.*)$/;

export interface FullWidthColon {
  /** 0-based line in the YAML text. */
  index: number;
  key: string;
  value: string;
}

/**
 * The first line that spells a key with a full-width colon, outside block text (`notes: |`
 * may hold `Tip：…` lines of its own). `blockLines` are the 0-based lines of block scalars.
 */
export function fullWidthColon(yaml: string, blockLines: Set<number>): FullWidthColon | undefined {
  const lines = yaml.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = FULL_WIDTH_KEY.exec(lines[i]!);
    if (m && !blockLines.has(i)) return { index: i, key: m[2]!, value: m[3]!.trim() };
  }
  return undefined;
}

/** The 0-based lines that block scalars (`|`, `>`) of the document cover. */
export function blockScalarLines(doc: Document, lineOf: (offset: number) => number): Set<number> {
  const out = new Set<number>();
  visit(doc, {
    Scalar(_key, node) {
      if ((node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && node.range)
        for (let l = lineOf(node.range[0]); l <= lineOf(node.range[1]); l++) out.add(l);
    },
  });
  return out;
}

/** The offset of a quoted value that is never closed, read from the YAML's concrete syntax tree. */
export function unclosedQuote(yaml: string): number | undefined {
  let found: number | undefined;
  for (const doc of new Parser().parse(yaml)) {
    if (doc.type !== 'document') continue;
    CST.visit(doc, (item) => {
      for (const t of [item.key, item.value]) {
        if (found !== undefined || !t) continue;
        if (t.type !== 'double-quoted-scalar' && t.type !== 'single-quoted-scalar') continue;
        const quote = t.source[0]!;
        const text = t.source.trimEnd();
        if (text.length < 2 || !text.endsWith(quote) || (quote === '"' && /(^|[^\\])(\\\\)*\\"$/.test(text)))
          found = t.offset;
      }
    });
  }
  return found;
}
