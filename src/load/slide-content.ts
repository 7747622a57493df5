import type { Token } from '../engine/markdown-tokens.js';
import { htmlImages, inlineImages, type SourceImage } from './slide-images.js';
import { BACKGROUND_DIRECTIVES, backgroundImageUrls } from './background-directive.js';
import type { SourceSlide } from './source-slide.js';
import { readQuiz } from '../engine/quiz-tokens.js';

// What one slide holds, read from its Marp tokens: notes, time box, directives, headings,
// images, whether it shows anything and whether all it shows is pictures.

/** One slide from its lines (starting at body line `start`, 0-based) and its tokens (lines 1 down). */
export function toSlide(lines: string[], start: number, tokens: Token[], firstLine: number): SourceSlide {
  const lead = Math.max(
    lines.findIndex((l) => l.trim() !== ''),
    0,
  );
  const markdown = lines.join('\n').trim();
  const text = lines.slice(lead).join('\n');
  const fileLine = (map: [number, number] | null | undefined, fallback: number) =>
    firstLine + (map ? map[0] - 1 : fallback);
  const textLine = firstLine + start + lead;
  const notes: string[] = [];
  const headings: string[] = [];
  const images: SourceImage[] = [];
  let minutes: SourceSlide['minutes'];
  let pptxLayout: SourceSlide['pptxLayout'];
  const directives: SourceSlide['directives'] = [];
  let hasContent = false;
  let pictures = 0;
  let other = false;
  let line = textLine;
  tokens.forEach((t, i) => {
    line = t.map ? fileLine(t.map, 0) : line;
    const comments = t.type === 'marpit_comment' ? [{ c: t, line }] : commentsIn(t, line);
    for (const { c, line: at } of comments) {
      const parsed = c.meta?.marpitParsedDirectives ?? {};
      const value = parsed.minutes ?? parsed._minutes;
      if ('minutes' in parsed || '_minutes' in parsed) minutes = { value: asText(value), line: at };
      else if ('pptxLayout' in parsed || '_pptxLayout' in parsed)
        pptxLayout = { value: asText(parsed._pptxLayout ?? parsed.pptxLayout), line: at };
      else if (!c.meta?.marpitCommentParsed && c.content !== '') notes.push(c.content);
      if (c.meta?.marpitCommentParsed === 'directive')
        directives.push(...Object.keys(parsed).map((name) => ({ name, line: at })));
      // `<!-- backgroundImage: url(assets/bg.jpg) -->` shows a file as `![bg]` does: it is embedded too.
      for (const key of BACKGROUND_DIRECTIVES) {
        const value = parsed[key];
        if (typeof value === 'string')
          images.push(...backgroundImageUrls(value).map((src) => ({ src, line: at })));
      }
    }
    if (t.type === 'inline' || t.type === 'marpit_hidden_inline')
      images.push(...inlineImages(t, line, text, textLine));
    if (t.type === 'html_block') images.push(...htmlImages(t.content, line));
    if (t.type === 'heading_open') headings.push(headingText(tokens[i + 1]));
    if (isContent(t)) hasContent = true;
    for (const c of t.type === 'inline' || t.type === 'marpit_hidden_inline' ? (t.children ?? []) : [t]) {
      if (c.type === 'image') pictures++;
      else if (isContent(c) && !PICTURE_PARTS.has(c.type) && !(c.type === 'text' && !c.content.trim()))
        other = true;
    }
  });
  const quiz = readQuiz(tokens, (mapLine) => firstLine + mapLine - 1);
  return {
    markdown,
    line: firstLine + start + lead,
    notes,
    headings,
    images,
    hasContent,
    pictureOnly: pictures > 0 && !other,
    ...(minutes ? { minutes } : {}),
    ...(pptxLayout ? { pptxLayout } : {}),
    directives,
    ...(quiz ? { quiz } : {}),
  };
}

/** The comments inside an inline token, each with its line. */
export function commentsIn(t: Token, line: number): { c: Token; line: number }[] {
  const out: { c: Token; line: number }[] = [];
  let at = line;
  for (const c of t.children ?? []) {
    if (c.type === 'marpit_comment') out.push({ c, line: at });
    if (c.type === 'softbreak' || c.type === 'hardbreak') at++;
    else at += (c.markup || c.content).split('\n').length - 1;
  }
  return out;
}

/** A heading's text as written, its inline comments (`<!-- fit -->`) left out. */
function headingText(inline: Token | undefined): string {
  let text = inline?.content ?? '';
  for (const c of inline?.children ?? []) if (c.type === 'marpit_comment') text = text.replace(c.markup, '');
  return text.trim();
}

/** What a paragraph of pictures is made of besides the pictures. */
const PICTURE_PARTS = new Set(['inline', 'marpit_hidden_inline', 'softbreak', 'hardbreak']);

/** Whether a token shows something: anything but comments and a paragraph of nothing but comments. */
function isContent(t: Token): boolean {
  if (t.type === 'marpit_comment' || t.type === 'paragraph_open' || t.type === 'paragraph_close')
    return false;
  if (t.type !== 'inline') return true;
  return (t.children ?? []).some(
    (c) => c.type !== 'marpit_comment' && c.type !== 'softbreak' && !(c.type === 'text' && !c.content.trim()),
  );
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value.trim() : JSON.stringify(value);
}

/** Lines from body line `start` as a slide read no further (a chapter the size limit refuses). */
export function plainSlide(lines: string[], start: number, firstLine: number): SourceSlide {
  const lead = Math.max(
    lines.findIndex((l) => l.trim() !== ''),
    0,
  );
  const markdown = lines.join('\n').trim();
  return {
    markdown,
    line: firstLine + start + lead,
    notes: [],
    headings: [],
    images: [],
    hasContent: markdown !== '',
    pictureOnly: false,
    directives: [],
  };
}
