/**
 * Pure splitting of a chapter body into slides, keeping each slide's first line so every
 * message can point at `file:line` (after Slidev's parser). Mirrors how Marp splits: a
 * horizontal rule (`---`, `***`, `___`) outside code fences, not directly under a text line
 * (there `---` makes a setext heading).
 */
export interface SourceImage {
  src: string;
  line: number;
}

export interface SourceSlide {
  /** The slide's markdown, notes included, as written. */
  markdown: string;
  /** 1-based line in the source file of the slide's first non-blank line. */
  line: number;
  /** Speaker notes: HTML comments that are not Marp directives. */
  notes: string[];
  headings: string[];
  images: SourceImage[];
  /** Whether the slide has anything besides notes and directives. */
  hasContent: boolean;
  /**
   * A time box for the slide (an exercise, a role-play): `<!-- minutes: 10 -->`, as written
   * (validation checks that it is a positive number), with its line.
   */
  minutes?: { value: string; line: number };
}

const RULER = /^ {0,3}([-*_])( *\1){2,} *$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const COMMENT = /<!--([\s\S]*?)-->/g;
/** `<!-- _class: x -->`, `<!-- paginate: true -->`: Marp directives, not notes. */
const DIRECTIVE_NAMES =
  'theme|style|headingDivider|lang|size|math|title|author|description|image|keywords|url|marp|paginate|header|footer|class|backgroundColor|backgroundImage|backgroundPosition|backgroundRepeat|backgroundSize|color|transition|fit';
const DIRECTIVE = new RegExp(`^(\\s*_?(${DIRECTIVE_NAMES})\\s*:[^\\n]*\\n?)+\\s*$`);
/** Comments meant for Marp (`fit`) or editor tools, not for the trainer. */
const TOOL_COMMENT = /^(fit|prettier-ignore(-start|-end)?|markdownlint-\S+.*|textlint-\S+.*)$/;
/** `<!-- minutes: 10 -->`: lectern's own slide setting, not a note. */
const MINUTES = /^minutes\s*:\s*(.*)$/;
const MD_IMAGE = /!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)/g;
const HTML_IMAGE = /<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi;

export function splitSlides(body: string, firstLine: number): SourceSlide[] {
  const lines = body.split('\n');
  const chunks: { start: number; lines: string[] }[] = [{ start: 0, lines: [] }];
  let fence: string | null = null;
  lines.forEach((text, i) => {
    const f = FENCE.exec(text);
    if (f) {
      const mark = f[1] as string;
      if (fence === null) fence = mark[0] as string;
      else if (mark[0] === fence) fence = null;
    }
    const prev = i > 0 ? (lines[i - 1] as string) : '';
    if (fence === null && !f && RULER.test(text) && !underlinesParagraph(text, prev)) {
      chunks.push({ start: i + 1, lines: [] });
      return;
    }
    (chunks[chunks.length - 1] as { lines: string[] }).lines.push(text);
  });
  return chunks
    .map((c) => toSlide(c.lines, firstLine + c.start))
    .filter((s, i, all) => s.markdown.trim() !== '' || (i > 0 && i < all.length - 1));
}

/**
 * A `---` right under a line of paragraph text turns that text into a heading (setext) instead
 * of starting a slide; under a heading, a list item, a comment, a fence or a blank line it is a
 * separator, as in Marp. `***` and `___` always separate.
 */
function underlinesParagraph(ruler: string, prev: string): boolean {
  if (!ruler.trim().startsWith('-') || prev.trim() === '') return false;
  // Under a setext underline or another ruler there is no paragraph left to underline.
  if (RULER.test(prev) || /^ {0,3}=+\s*$/.test(prev)) return false;
  if (/^ {4,}/.test(prev)) return false;
  return (
    !/^ {0,3}(#{1,6}(\s|$)|[-*+]\s|\d+[.)]\s|>|<|`{3,}|~{3,})/.test(prev) &&
    !/-->\s*$/.test(prev) &&
    !/^\s{2,}\S/.test(prev)
  );
}

function toSlide(lines: string[], startLine: number): SourceSlide {
  const lead = lines.findIndex((l) => l.trim() !== '');
  const markdown = lines.join('\n').trim();
  const withoutCode = blankCodeFences(lines).join('\n');
  const notes: string[] = [];
  let minutes: SourceSlide['minutes'];
  for (const m of withoutCode.matchAll(COMMENT)) {
    const inner = (m[1] as string).trim();
    const timeBox = MINUTES.exec(inner);
    if (timeBox)
      minutes = {
        value: (timeBox[1] as string).trim(),
        line: startLine + withoutCode.slice(0, m.index).split('\n').length - 1,
      };
    else if (inner !== '' && !DIRECTIVE.test(inner) && !TOOL_COMMENT.test(inner)) notes.push(inner);
  }
  const visible = withoutCode.replace(COMMENT, '').trim();
  return {
    markdown,
    line: startLine + Math.max(lead, 0),
    notes,
    headings: [...visible.matchAll(/^ {0,3}#{1,6}\s+(.+?)\s*#*\s*$/gm)].map((m) => m[1] as string),
    images: findImages(lines, startLine),
    hasContent: visible !== '',
    ...(minutes ? { minutes } : {}),
  };
}

function findImages(lines: string[], startLine: number): SourceImage[] {
  const found: SourceImage[] = [];
  blankCodeFences(lines).forEach((text, i) => {
    for (const re of [MD_IMAGE, HTML_IMAGE]) {
      for (const m of text.matchAll(re)) found.push({ src: m[1] as string, line: startLine + i });
    }
  });
  return found;
}

/** Code blocks are shown as written: comments and images inside them are text, not notes. */
function blankCodeFences(lines: string[]): string[] {
  let fence: string | null = null;
  return lines.map((text) => {
    const f = FENCE.exec(text);
    if (f) {
      const mark = (f[1] as string)[0] as string;
      if (fence === null) fence = mark;
      else if (mark === fence) fence = null;
      return '';
    }
    return fence === null ? text : '';
  });
}
