import { layoutClass } from '../../compose/slide-layout.js';
import { plain, slideBlocks, type Block, type Run } from '../../engine/slide-tokens.js';

/** What a content slide says, in the shapes an editable PPTX can hold. */
export interface SlideStructure {
  heading?: string;
  /** The heading with its formatting. */
  headingRuns?: Run[];
  /** Point cards: a bold heading and its paragraph each. */
  points: { heading: string; text: string }[];
  /** Bullet lines with their nesting level (0 = top). */
  bullets: { text: string; level: number }[];
  paragraphs: string[];
  /** data: URIs of the slide's pictures (not backgrounds). */
  images: string[];
  /** The slide's blocks after its heading, in order, as Marp's tokens give them. */
  blocks: Block[];
  /** Why the slide cannot be mapped to native shapes (it becomes a picture), or undefined. */
  unmappable?: string;
  /** It holds raw HTML among text: drawn from the measured slide alone (pptx-measured-cards.ts). */
  html?: boolean;
}

/** Reads a content slide from Marp's tokens into its heading, blocks and the plain views of them. */
export function slideStructure(markdown: string): SlideStructure {
  const all = slideBlocks(markdown);
  const s: SlideStructure = { points: [], bullets: [], paragraphs: [], images: [], blocks: [] };
  const reason = unmappableReason(all);
  if (reason) {
    // Its heading still titles the slide (behind its picture) for PowerPoint's outline.
    const head = all.find((b) => b.kind === 'heading');
    return { ...s, unmappable: reason, ...(head?.kind === 'heading' ? { heading: plain(head.runs) } : {}) };
  }
  if (all.some((b) => b.kind === 'html')) s.html = true;
  for (const b of all) {
    if (b.kind === 'heading' && s.heading === undefined) {
      s.heading = plain(b.runs);
      s.headingRuns = b.runs;
      continue;
    }
    s.blocks.push(b);
    if (b.kind === 'heading' || b.kind === 'paragraph') s.paragraphs.push(oneLine(b.runs));
    else if (b.kind === 'list')
      s.bullets.push(...b.items.map((it) => ({ text: oneLine(it.runs), level: it.level })));
    else if (b.kind === 'pictures') s.images.push(...b.pictures.map((p) => p.src));
  }
  if (layoutClass(markdown)?.startsWith('points')) {
    const list = all.find((b) => b.kind === 'list');
    s.points = list?.kind === 'list' ? list.items.map((it) => point(it.runs)) : [];
    s.bullets = [];
  }
  return s;
}

/** A point card: the item's leading bold run, then the rest without its colon. */
function point(runs: Run[]): { heading: string; text: string } {
  const [first, ...rest] = runs;
  if (!first?.bold) return { heading: plain(runs).replace(/\n/g, ''), text: '' };
  return {
    heading: first.text.trim(),
    text: plain(rest)
      .replace(/\n/g, '')
      .replace(/^\s*[:：]?\s*/, ''),
  };
}

const oneLine = (runs: Run[]) => plain(runs).replace(/\n/g, ' ').trim();

/**
 * Blocks the measured-slide drawer draws beside raw HTML: text, the slide's background, and
 * tables, code and pictures (drawn natively where the slide shows them, content-slide.ts).
 */
const BESIDE_HTML = new Set<Block['kind']>([
  'heading',
  'paragraph',
  'list',
  'quote',
  'background',
  'html',
  'table',
  'code',
  'pictures',
]);

/**
 * What the editable PPTX still shows as a picture of the slide: raw HTML beside a formula (the
 * slide's formulas are matched to its markdown in order, and raw HTML may hold its own).
 */
function unmappableReason(blocks: Block[]): string | undefined {
  if (blocks.some((b) => b.kind === 'html') && blocks.some((b) => !BESIDE_HTML.has(b.kind)))
    return 'raw HTML';
  return undefined;
}
