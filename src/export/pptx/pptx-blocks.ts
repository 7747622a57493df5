import type { Block, Run } from '../../engine/slide-tokens.js';
import type { MeasuredBlock, SlideBoxes } from './block-boxes.js';
import { addPicture, blockShape, lineIn } from './pptx-block-shapes.js';
import type { Pptx, Slide, Colours, TextProps } from './pptx-layouts.js';
import {
  BODY_PX,
  PT_PER_PX,
  itemSpacing,
  lines,
  listProps,
  plainOf,
  round1,
  runProps,
  type Box,
  type Placed,
} from './pptx-runs.js';
import { PX } from './pptx-layouts.js';

// A content slide's blocks (paragraphs, lists, tables, code, quotes, pictures) as native
// PowerPoint shapes: where the slides document shows them when measured, else stacked top to
// bottom in a box as the theme's flow layout stacks them.

export { CODE_FONT, runProps } from './pptx-runs.js';

/** Draws blocks where the rendered slide shows them, or else top to bottom in a box. */
export function drawBlocks(
  pptx: Pptx,
  slide: Slide,
  blocks: Block[],
  box: Box,
  c: Colours,
  measured?: SlideBoxes,
  skipHeading = false,
): void {
  const at = measured && placeMeasured(blocks, measured, skipHeading);
  if (at) return drawPlaced(pptx, slide, blocks, at, c);
  drawFlow(pptx, slide, blocks, box, c);
}

const TAGS: Partial<Record<Block['kind'], string[]>> = {
  heading: ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'],
  paragraph: ['P'],
  list: ['UL', 'OL'],
  table: ['TABLE'],
  code: ['PRE'],
  quote: ['BLOCKQUOTE'],
  // A display formula's paragraph: its picture is drawn with the slide's other formulas.
  math: ['P'],
};

type Placement =
  { box: Box; fontPx: number; cols?: number[]; rows?: number[]; el: MeasuredBlock } | { pictures: Box[] };

/** Each block's measured box, matched to the section's children in order; undefined when they disagree. */
function placeMeasured(blocks: Block[], m: SlideBoxes, skipHeading: boolean): Placement[] | undefined {
  const inches = (b: { x: number; y: number; w: number; h: number }): Box => ({
    x: b.x * PX,
    y: b.y * PX,
    w: b.w * PX,
    h: b.h * PX,
  });
  let next = 0;
  if (skipHeading && /^H\d$/.test(m.blocks[0]?.tag ?? '')) next = 1;
  let picture = 0;
  const out: Placement[] = [];
  for (const b of blocks) {
    if (b.kind === 'pictures') {
      const boxes = m.pictures.slice(picture, picture + b.pictures.length).map(inches);
      if (boxes.length !== b.pictures.length) return undefined;
      picture += boxes.length;
      if (m.blocks[next]?.onlyPictures) next++;
      out.push({ pictures: boxes });
      continue;
    }
    const el = m.blocks[next++];
    if (!el || !TAGS[b.kind]?.includes(el.tag) || el.onlyPictures) return undefined;
    out.push({
      el,
      box: inches(el),
      fontPx: el.fontPx,
      ...(el.cols ? { cols: el.cols.map((w) => w * PX), rows: el.rows!.map((h) => h * PX) } : {}),
    });
  }
  return out;
}

function drawPlaced(pptx: Pptx, slide: Slide, blocks: Block[], at: Placement[], theme: Colours): void {
  blocks.forEach((b, i) => {
    const p = at[i]!;
    // The text in the colour the slide shows it (`_color`, `invert`), headings too.
    const c = 'el' in p ? { ...theme, ink: p.el.color, primary: p.el.color } : theme;
    if (b.kind === 'math') return;
    if ('pictures' in p) {
      if (b.kind === 'pictures')
        b.pictures.forEach((pic, j) => addPicture(slide, pic.png ?? pic.src, pic.alt, p.pictures[j]!));
      return;
    }
    const body = (p.fontPx || BODY_PX) * PT_PER_PX;
    // A little room below, since PowerPoint's line height differs from the browser's; the frame shrinks text that still overflows.
    const box = { ...p.box, h: p.box.h + 0.1 };
    // Lines as far apart as the browser sets them (line-height), items as far as their margins.
    const spacing = {
      ...(p.el.lineHeightPx ? { lineSpacing: round1(p.el.lineHeightPx * PT_PER_PX) } : {}),
      // Letters as far apart as the theme sets them (uncover spaces its text).
      ...(p.el.letterSpacingPx ? { charSpacing: round1(p.el.letterSpacingPx * PT_PER_PX) } : {}),
    };
    if (b.kind === 'paragraph' || b.kind === 'heading') {
      // A paragraph in the colour and alignment the slide shows it (a figure's caption: centred,
      // muted), another theme's links in the colour it shows them.
      const link = b.kind === 'paragraph' ? linkColour(b.runs, p.el) : undefined;
      const shown =
        b.kind === 'paragraph' ? { ...c, ink: p.el.color, ...(link ? { primary: link } : {}) } : c;
      const runs = runProps(b.runs, shown, body, {
        ...spacing,
        ...(b.kind === 'heading' ? { bold: true, color: c.primary } : {}),
      });
      slide.addText(withShownRuns(runs, b.runs, p.el), {
        ...box,
        valign: 'top',
        fit: 'shrink',
        margin: 0,
        align: p.el.align,
      });
    } else if (b.kind === 'list') {
      // Bullets and numbers hang just left of the text, as the browser sets an outside marker.
      const first = p.el.items?.[0];
      const hang = first?.markerW;
      const at = hang
        ? { ...box, x: (first!.x - hang) * PX, w: box.w - ((first!.x - hang) * PX - box.x) }
        : box;
      const indent = hang ? { indent: round1(hang * PT_PER_PX) } : {};
      const props = listProps(b.items, c, body, { ...spacing, ...itemSpacing(p.el), ...indent });
      slide.addText(
        withShownRuns(
          props,
          b.items.flatMap((it) => it.runs),
          p.el,
        ),
        {
          ...at,
          valign: 'top',
          fit: 'shrink',
          margin: 0,
        },
      );
    } else {
      // Code on the theme's own background (none when the theme paints none), in its colour.
      const shape =
        b.kind === 'code' ? { ...c, ink: p.el.codeColor ?? p.el.color, card: p.el.deco?.bg ?? '' } : c;
      const shown = {
        ...(p.el.cells ? { cells: p.el.cells } : {}),
        ...(p.el.pad ? { codePad: p.el.pad } : {}),
        ...(p.el.codeRuns ? { codeRuns: p.el.codeRuns } : {}),
        ...(p.el.codeLineHeightPx ? { codeLineHeightPx: p.el.codeLineHeightPx } : {}),
        ...(p.el.cellLines ? { cellLines: p.el.cellLines } : {}),
      };
      blockShape(pptx, b, box, shape, p.cols, p.rows, p.fontPx, shown)?.draw(slide, box.y, p.box.h);
    }
  });
}

/**
 * Each run in the colour the slide shows it (a theme's `strong`, `em` and links have their own),
 * and inline code at its size and on its background (Marp's themes set it smaller than the text
 * around it; lectern's paints it a card): from the measured run with its text.
 */
function withShownRuns(props: TextProps[], runs: Run[], el: MeasuredBlock): TextProps[] {
  const measured = el.runs ?? el.items?.flatMap((it) => it.runs ?? []) ?? [];
  return props.map((prop, i) => {
    const text = runs[i]?.text.trim();
    const shown = text ? measured.find((r) => r.text.trim() === text) : undefined;
    if (!shown) return prop;
    const px = runs[i]?.code ? { fontSize: round1(shown.sizePx * PT_PER_PX) } : {};
    const bg = runs[i]?.code && shown.bg ? { highlight: shown.bg } : {};
    return { ...prop, options: { ...prop.options, color: shown.color, ...px, ...bg } };
  });
}

/** The colour the slide shows a paragraph's first link in: the measured run with the link's text. */
function linkColour(runs: Run[], el: MeasuredBlock): string | undefined {
  const text = runs.find((r) => r.link)?.text.trim();
  return text ? el.runs?.find((r) => r.text.trim() === text)?.color : undefined;
}

const headingPx = (level: number) => Math.max(BODY_PX, 44 - 8 * (level - 2));

/** Blocks stacked top to bottom in a box; text frames shrink on overflow and pictures scale to the room left. */
function drawFlow(pptx: Pptx, slide: Slide, blocks: Block[], box: Box, c: Colours): void {
  const body = BODY_PX * PT_PER_PX;
  const lineOf = (pt: number) => lineIn(pt, 1.5);
  const placed: Placed[] = [];
  let textRun: TextProps[] = [];
  let textH = 0;
  const flushText = () => {
    if (!textRun.length) return;
    const runs = textRun;
    placed.push({
      h: textH,
      draw: (s, y, h) =>
        s.addText(runs, { x: box.x, y, w: box.w, h, valign: 'top', fit: 'shrink', margin: 0 }),
    });
    textRun = [];
    textH = 0;
  };
  for (const b of blocks) {
    if (b.kind === 'paragraph' || b.kind === 'heading') {
      const pt = b.kind === 'heading' ? headingPx(b.level) * PT_PER_PX : body;
      textRun.push(
        ...runProps(b.runs, c, pt, {
          paraSpaceAfter: 10,
          ...(b.kind === 'heading' ? { bold: true, color: c.primary } : {}),
        }),
      );
      textH += lines(plainOf(b.runs), box.w, pt) * lineOf(pt) + 0.15;
    } else if (b.kind === 'list') {
      textRun.push(...listProps(b.items, c, body));
      textH += b.items.reduce(
        (n, it) => n + lines(plainOf(it.runs), box.w - 0.35 * (it.level + 1), body) * lineOf(body) + 0.09,
        0,
      );
    } else {
      flushText();
      const p = blockShape(pptx, b, box, c);
      if (p) placed.push(p);
    }
  }
  flushText();
  const gap = 0.15;
  const need = placed.reduce((n, p) => n + p.h, 0) + gap * Math.max(placed.length - 1, 0);
  const scale = need > box.h ? box.h / need : 1;
  let y = box.y;
  for (const p of placed) {
    p.draw(slide, y, p.h * scale);
    y += p.h * scale + gap * scale;
  }
}
