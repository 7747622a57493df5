import { layoutClass } from '../../compose/slide-layout.js';

/** What a content slide says, in the shapes an editable PPTX can hold. */
export interface SlideStructure {
  heading?: string;
  /** Point cards: a bold heading and its paragraph each. */
  points: { heading: string; text: string }[];
  /** Bullet lines with their nesting level (0 = top). */
  bullets: { text: string; level: number }[];
  paragraphs: string[];
  /** data: URIs of the slide's images. */
  images: string[];
  /** Why the slide cannot be mapped to text frames (it becomes a picture), or undefined. */
  unmappable?: string;
}

const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;
const IMAGE = /!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?[^)]*\)/g;

/** Reads a content slide's markdown into title, points, bullets, paragraphs and images. Pure. */
export function slideStructure(markdown: string): SlideStructure {
  const s: SlideStructure = { points: [], bullets: [], paragraphs: [], images: [] };
  const visible = markdown.replace(/<!--[\s\S]*?-->/g, '');
  const reason = unmappableReason(visible);
  if (reason) return { ...s, unmappable: reason };
  let item: { text: string; level: number } | null = null;
  const flush = () => {
    if (item) s.bullets.push(item);
    item = null;
  };
  for (const raw of visible.split('\n')) {
    const line = raw.replace(IMAGE, (_m, _alt: string, src: string) => {
      s.images.push(src);
      return '';
    });
    if (line.trim() === '') {
      if (raw.trim() === '') flush();
      continue;
    }
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    const listed = LIST_ITEM.exec(line);
    if (heading) {
      flush();
      if (s.heading === undefined) s.heading = inlineText(heading[1] as string);
      else s.paragraphs.push(inlineText(heading[1] as string));
    } else if (listed) {
      flush();
      item = { text: (listed[3] as string).trim(), level: Math.min(Math.floor((listed[1] as string).length / 2), 4) };
    } else if (item && /^\s+\S/.test(line)) {
      item.text += `\n${line.trim()}`;
    } else {
      flush();
      s.paragraphs.push(inlineText(line.trim()));
    }
  }
  flush();
  if (layoutClass(markdown)?.startsWith('points')) {
    s.points = s.bullets.map((b) => {
      const m = /^\*\*([^*]+)\*\*[:：]?\s*([\s\S]*)$/.exec(b.text);
      return { heading: inlineText(m?.[1] ?? b.text), text: inlineText((m?.[2] ?? '').replace(/\n/g, '')) };
    });
    s.bullets = [];
  } else {
    s.bullets = s.bullets.map((b) => ({ ...b, text: inlineText(b.text.replace(/\n/g, ' ')) }));
  }
  return s;
}

function unmappableReason(md: string): string | undefined {
  if (/^\s{0,3}(```|~~~)/m.test(md)) return 'a code block';
  if (/^\s*\|.*\|\s*$/m.test(md)) return 'a table';
  if (/\$\$|\\\(|(^|[^\\$])\$[^$\s][^$]*\$/m.test(md)) return 'math';
  if (/!\[[^\]]*\bbg\b/.test(md)) return 'a background image';
  if (/<[a-z][\w-]*[\s>/]/i.test(md)) return 'raw HTML';
  // Until these have native shapes, a picture of the slide keeps them as the PDF shows them.
  if (/^\s{0,3}>/m.test(md)) return 'a quote';
  if (/~~[^~\n]+~~/.test(md)) return 'struck-through text';
  if (/\]\(\s*<?data:image\/svg\+xml/i.test(md)) return 'an SVG picture';
  if ((md.match(IMAGE) ?? []).length > 1) return 'more than one picture';
  return undefined;
}

/** Markdown inline markup to plain text: emphasis, code, links and escapes. */
export function inlineText(md: string): string {
  return md
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>&~"'=:$])/g, '$1')
    .trim();
}
