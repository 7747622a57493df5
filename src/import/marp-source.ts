import { resolve } from 'node:path';
import { LecternError } from '../core/errors.js';
import { error, type Problem } from '../core/problem.js';
import { MARP_DIRECTIVES, MARP_GLOBAL_DIRECTIVES, headingLevels } from '../engine/marp-directives.js';
import { parseMarkdown, type Token } from '../engine/markdown-tokens.js';
import { parseFrontMatter, type ParsedSource } from '../load/front-matter.js';
import { readSource } from '../load/read-source.js';
import { readSlides, unclosedProblem, type SourceSlide } from '../load/split-slides.js';

// A single Marp file read as Marp reads it: front matter with loose YAML for the directives,
// global directives from comments too, and the slides split by marp-core's own tokens.

export interface MarpSource {
  path: string;
  shownAs: string;
  /** The whole file, BOM and CRLF gone. */
  text: string;
  front: ParsedSource;
  /** The front matter's own lines (between the two `---`), as written. */
  frontLines: string[];
  /** Global directives written in a comment (`<!-- theme: gaia -->`), which deck.md must hold instead. */
  commentGlobals: { key: string; value: unknown; markup: string; line: number; alone: boolean }[];
  slides: SourceSlide[];
  headingDivider: number[];
}

const notMarp = (shownAs: string, why: string, hint: string, line = 1) =>
  new LecternError(`${shownAs} is not a Marp markdown file: ${why}`, {
    exit: 'INVALID_DECK',
    finding: 'not-marp',
    file: shownAs,
    line,
    hint,
  });

/** Reads a Marp file, or says why it is not one (binary, not UTF-8, no slides, broken front matter). */
export async function readMarpSource(path: string, shownAs: string): Promise<MarpSource> {
  const source = await readSource(path, shownAs);
  if (!source.ok)
    throw notMarp(shownAs, source.problem.message, source.problem.hint ?? '', source.problem.line);
  const parsed = parseFrontMatter(source.text, shownAs, MARP_DIRECTIVES);
  if (!parsed.ok) throw refused(parsed.problem);
  const front = parsed.value;
  const frontLines = front.bodyLine > 1 ? source.text.split('\n').slice(1, front.bodyLine - 2) : [];
  const commentGlobals = globalComments(front.body, front.bodyLine);
  // A headingDivider in a comment holds for the whole file, as in Marp (the last one wins).
  const divider = [...commentGlobals].reverse().find((g) => g.key === 'headingDivider');
  const headingDivider = headingLevels(divider ? divider.value : front.data.headingDivider) ?? [];
  const { slides, unclosed } = readSlides(front.body, front.bodyLine, headingDivider);
  if (unclosed) throw refused(unclosedProblem(unclosed, shownAs));
  if (!slides.some((s) => s.hasContent))
    throw notMarp(
      shownAs,
      'it has no slides',
      'pass a markdown file with slide content, slides separated by lines holding only ---',
    );
  return {
    path: resolve(path),
    shownAs,
    text: source.text,
    front,
    frontLines,
    commentGlobals,
    slides,
    headingDivider,
  };
}

function refused(problem: Problem): LecternError {
  return new LecternError(`${problem.file} cannot be imported: ${problem.message}`, {
    exit: 'INVALID_DECK',
    problems: [
      error(problem.code, { file: problem.file, line: problem.line }, problem.message, problem.hint),
    ],
  });
}

const GLOBAL: readonly string[] = MARP_GLOBAL_DIRECTIVES;

/** Every comment that sets a global directive, with whether it sets nothing else. */
function globalComments(body: string, bodyLine: number): MarpSource['commentGlobals'] {
  const out: MarpSource['commentGlobals'] = [];
  let line = bodyLine;
  const visit = (c: Token) => {
    if (c.type !== 'marpit_comment' || c.meta?.marpitCommentParsed !== 'directive') return;
    const parsed = c.meta.marpitParsedDirectives ?? {};
    const keys = Object.keys(parsed).map((k) => (k.startsWith('$') ? k.slice(1) : k));
    const alone = keys.every((k) => GLOBAL.includes(k));
    for (const [raw, value] of Object.entries(parsed)) {
      const key = raw.startsWith('$') ? raw.slice(1) : raw;
      if (GLOBAL.includes(key)) out.push({ key, value, markup: c.markup, line, alone });
    }
  };
  // After a blank line, so a leading `---` is a separator, not front matter (one line down).
  for (const t of parseMarkdown(`\n${body}`)) {
    if (t.map) line = bodyLine + t.map[0] - 1;
    visit(t);
    for (const c of t.children ?? []) visit(c);
  }
  return out;
}
