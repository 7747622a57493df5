import type { SlideInfo } from '../../compose/compose-deck.js';
import type { DeckModel } from '../../deck-model.js';
import {
  FONT,
  W,
  contentBase,
  text,
  type Colours,
  type Pptx,
  type Slide,
  type TextProps,
} from './pptx-layouts.js';
import type { SlideBoxes } from './block-boxes.js';
import { coverSize, imageSize } from './image-size.js';
import { drawBlocks } from './pptx-blocks.js';
import { slideChrome } from './pptx-chrome.js';
import { placeBlock } from './measured-text.js';
import type { SlideStructure } from './slide-structure.js';
import { plain, slideBlocks, type Run } from '../../render/slide-tokens.js';

// The training-day layouts of the corporate theme (case, exercise, role-play, statement,
// compare, checklist, split picture, table) as slide masters of the editable PPTX, and their
// slides as native text frames, shapes and tables a colleague can edit.

export const TRAINING_LAYOUTS = [
  'case',
  'exercise',
  'roleplay',
  'statement',
  'compare',
  'checklist',
  'split',
  'table',
] as const;
export type TrainingLayout = (typeof TRAINING_LAYOUTS)[number];

const DO = '2E7D4F';
const AVOID = 'B23A2E';

/** The layout of a content slide when it is a training layout (its first class). */
export function trainingLayout(info: SlideInfo): TrainingLayout | undefined {
  const first = info.layout?.split(/\s+/)[0];
  return (TRAINING_LAYOUTS as readonly string[]).includes(first ?? '')
    ? (first as TrainingLayout)
    : undefined;
}

/** One master per layout: the content master's brand bar and footer, plus the layout's own mark. */
export function defineTrainingMasters(pptx: Pptx, deck: DeckModel, c: Colours, H: number): void {
  const base = contentBase(deck, c, H);
  const marks: Record<TrainingLayout, object[]> = {
    case: [{ rect: { x: 0.8, y: 1.9, w: 0.08, h: H - 3.6, fill: { color: c.primary } } }],
    exercise: [{ rect: { x: 0.8, y: 1.9, w: 0.08, h: 0.7, fill: { color: c.accent } } }],
    roleplay: [{ rect: { x: 0.8, y: 1.9, w: 0.08, h: 0.7, fill: { color: c.accent } } }],
    statement: [
      {
        text: {
          text: '“',
          options: { x: 1.4, y: 1.5, w: 1.2, h: 1.2, fontFace: FONT, fontSize: 96, color: c.accent },
        },
      },
    ],
    compare: [
      { rect: { x: 0.8, y: 1.9, w: (W - 2.1) / 2, h: 0.6, fill: { color: DO } } },
      { rect: { x: 0.8 + (W - 2.1) / 2 + 0.5, y: 1.9, w: (W - 2.1) / 2, h: 0.6, fill: { color: AVOID } } },
    ],
    checklist: [],
    split: [],
    table: [],
  };
  for (const layout of TRAINING_LAYOUTS) {
    pptx.defineSlideMaster({
      title: masterName(layout),
      background: { color: 'FFFFFF' },
      objects: [...base, ...marks[layout]] as never,
    });
  }
}

const masterName = (layout: TrainingLayout) => `LECTERN_${layout.toUpperCase()}`;

interface Parts {
  heading?: string;
  quote: string[];
  paragraphs: string[];
  items: Run[][];
  columns: { title: string; items: Run[][] }[];
  rows: string[][];
  background?: {
    data: string;
    side: 'left' | 'right';
    share: number;
    fit: 'cover' | 'contain';
    natural: string;
  };
}

/** What a training-layout slide says, read from Marp's tokens. */
export function trainingParts(markdown: string): Parts {
  const parts: Parts = { quote: [], paragraphs: [], items: [], columns: [], rows: [] };
  for (const b of slideBlocks(markdown)) {
    if (b.kind === 'heading') {
      if (b.level === 3) parts.columns.push({ title: line(b.runs), items: [] });
      else if (b.level !== 6 && parts.heading === undefined) parts.heading = line(b.runs);
    } else if (b.kind === 'quote') parts.quote.push(...b.paragraphs.map(line).filter(Boolean));
    else if (b.kind === 'table') parts.rows.push(...b.rows.map((row) => row.map(line)));
    else if (b.kind === 'list')
      (parts.columns.at(-1)?.items ?? parts.items).push(...b.items.map((it) => withoutCheckbox(it.runs)));
    else if (b.kind === 'paragraph') parts.paragraphs.push(line(b.runs));
    else if (b.kind === 'background' && b.split)
      parts.background = { side: b.split, share: b.share, data: b.src, fit: b.fit, natural: b.src };
  }
  return parts;
}

const line = (runs: Run[]) => plain(runs).replace(/\n/g, ' ').trim();

/** A checklist item's `[ ]`, which the layout draws as a box. */
function withoutCheckbox(runs: Run[]): Run[] {
  const [first, ...rest] = runs;
  return first && /^\[ \]\s+/.test(first.text)
    ? [{ ...first, text: first.text.replace(/^\[ \]\s+/, '') }, ...rest]
    : runs;
}

/** A bold lead (`**坐席**` then its text) split off an item. */
function lead(item: Run[]): { name?: string; rest: string } {
  const [first, ...rest] = item;
  return first?.bold
    ? { name: first.text.trim(), rest: line(rest).replace(/^[:：]\s*/, '') }
    : { rest: line(item) };
}

/**
 * An exercise as the theme draws it, where the PDF shows it: the task on the card colour with
 * the accent bar, then one bordered card per step with its number in a brand-coloured circle.
 */
function exerciseCards(pptx: Pptx, slide: Slide, p: Parts, measured: SlideBoxes, c: Colours): boolean {
  const px = W / 1280;
  const task = measured.blocks.find((b) => b.tag === 'P');
  const list = measured.blocks.find((b) => b.tag === 'OL' || b.tag === 'UL');
  if (!list || !p.items.length) return false;
  const pt = (list.fontPx || 28) * px * 72;
  if (task && p.paragraphs.length) {
    slide.addShape(pptx.ShapeType.roundRect, {
      x: task.x * px,
      y: task.y * px,
      w: task.w * px,
      h: task.h * px,
      fill: { color: c.card },
      line: { color: c.card },
      rectRadius: 0.08,
    });
    slide.addShape(pptx.ShapeType.rect, {
      x: task.x * px,
      y: task.y * px,
      w: 8 * px,
      h: task.h * px,
      fill: { color: c.accent },
      line: { color: c.accent },
    });
    slide.addText(p.paragraphs.join('\n'), {
      x: (task.x + 24) * px,
      y: task.y * px,
      w: (task.w - 32) * px,
      h: task.h * px,
      fontFace: FONT,
      fontSize: pt,
      color: c.ink,
      valign: 'middle',
      margin: 0,
      fit: 'shrink',
    });
  }
  const gap = 16;
  const h = (list.h - gap * (p.items.length - 1)) / p.items.length;
  p.items.forEach((item, i) => {
    const y = list.y + i * (h + gap);
    slide.addShape(pptx.ShapeType.roundRect, {
      x: list.x * px,
      y: y * px,
      w: list.w * px,
      h: h * px,
      fill: { color: 'FFFFFF' },
      line: { color: 'DFE5EE', width: 1.5 },
      rectRadius: 0.1,
    });
    slide.addText(String(i + 1), {
      shape: pptx.ShapeType.ellipse,
      x: (list.x + 24) * px,
      y: (y + h / 2 - 23) * px,
      w: 46 * px,
      h: 46 * px,
      fill: { color: c.primary },
      color: 'FFFFFF',
      fontFace: FONT,
      fontSize: 24 * px * 72,
      bold: true,
      align: 'center',
      valign: 'middle',
      margin: 0,
    });
    const [first, ...rest] = item;
    const runs = first?.bold
      ? [
          text(first.text, { bold: true, color: c.primary, fontSize: pt }),
          text(line(rest), { color: c.ink, fontSize: pt }),
        ]
      : [text(line(item), { color: c.ink, fontSize: pt })];
    slide.addText(runs, {
      x: (list.x + 92) * px,
      y: y * px,
      w: (list.w - 116) * px,
      h: h * px,
      valign: 'middle',
      margin: 0,
      fit: 'shrink',
    });
  });
  return true;
}

/** A training-layout slide on its master: heading, then the layout's own frames. */
export function trainingSlide(
  pptx: Pptx,
  info: SlideInfo,
  layout: TrainingLayout,
  timeBox: string | undefined,
  c: Colours,
  H: number,
  st: SlideStructure,
  measured?: SlideBoxes,
): Slide {
  const slide = pptx.addSlide({ masterName: masterName(layout) });
  slideChrome(slide, info, c, H);
  const p = trainingParts(info.body ?? '');
  const bg = st.blocks.find((b) => b.kind === 'background');
  if (p.background && bg?.kind === 'background' && bg.png) p.background.data = bg.png;
  const split = layout === 'split' && p.background;
  const textW = split ? W * (1 - p.background!.share) - 1.3 : W - 1.6;
  const textX = split && p.background!.side === 'left' ? W * p.background!.share + 0.5 : 0.8;
  // The heading where the slide shows it, with the theme's accent rule under it; a statement's
  // label stays with its quote, which is drawn on a fixed grid.
  const first = layout === 'statement' ? undefined : measured?.blocks[0];
  const head = first && /^H\d$/.test(first.tag) ? first : undefined;
  if (p.heading && head) placeBlock(pptx, slide, head, 'FFFFFF');
  else if (p.heading)
    slide.addText(p.heading, {
      x: textX,
      y: 0.6,
      w: textW,
      h: 0.85,
      fontFace: FONT,
      fontSize: layout === 'statement' ? 18 : 30,
      bold: true,
      color: layout === 'statement' ? c.accent : c.primary,
      valign: 'bottom',
    });
  if (timeBox)
    slide.addText(timeBox, {
      shape: pptx.ShapeType.roundRect,
      x: W - 4.2,
      y: 0.62,
      w: 3.4,
      h: 0.6,
      fontFace: FONT,
      fontSize: 18,
      bold: true,
      color: 'FFFFFF',
      align: 'center',
      fill: { color: c.accent },
      rectRadius: 0.3,
    });
  const top = 1.9;
  const bottom = H - 0.8;
  const body = (lines: TextProps[], y = top, h = bottom - top, x = textX, w = textW) =>
    lines.length && slide.addText(lines, { x, y, w, h, valign: 'top', fit: 'shrink' });
  const para = (t: string, o: object = {}) =>
    text(t, { fontSize: 20, color: c.ink, breakLine: true, paraSpaceAfter: 8, ...o });
  switch (layout) {
    case 'statement':
      body(
        [
          ...p.quote.map((q, i) =>
            para(
              q,
              i === 0 ? { fontSize: 34, bold: true, color: c.primary } : { fontSize: 18, color: c.muted },
            ),
          ),
        ],
        2.6,
        3,
        1.6,
        W - 3.2,
      );
      break;
    case 'case':
      slide.addText(
        p.quote.map((q) => para(q)),
        {
          x: 1.0,
          y: top,
          w: W - 2.0,
          h: bottom - top - 1.3,
          fill: { color: c.card },
          valign: 'middle',
          margin: 14,
          fit: 'shrink',
        },
      );
      if (p.paragraphs.length)
        slide.addText(`?  ${p.paragraphs.at(-1)}`, {
          x: 0.8,
          y: bottom - 1.0,
          w: W - 1.6,
          h: 0.8,
          fontFace: FONT,
          fontSize: 20,
          bold: true,
          color: c.primary,
          fill: { color: 'FDF3DC' },
          line: { color: c.accent, width: 2 },
          margin: 10,
        });
      break;
    case 'exercise':
    case 'roleplay': {
      if (layout === 'exercise' && measured && exerciseCards(pptx, slide, p, measured, c)) break;
      if (p.paragraphs.length)
        slide.addText(p.paragraphs.join('\n'), {
          x: 1.0,
          y: top,
          w: W - 1.8,
          h: 0.7,
          fontFace: FONT,
          fontSize: 18,
          color: c.ink,
          fill: { color: c.card },
          margin: 8,
        });
      const items = p.items.map(lead);
      if (layout === 'exercise')
        body(
          items.map((it, i) =>
            para(`${i + 1}.  ${it.name ? `${it.name}：` : ''}${it.rest}`, {
              fontSize: 22,
              paraSpaceAfter: 14,
            }),
          ),
          top + 1.0,
          bottom - top - 1.0,
        );
      else {
        const w = (W - 1.6 - 0.3 * (items.length - 1)) / Math.max(items.length, 1);
        items.forEach((it, i) =>
          slide.addText(
            [
              text(it.name ?? '', {
                fontSize: 20,
                bold: true,
                color: c.primary,
                breakLine: true,
                paraSpaceAfter: 6,
              }),
              text(it.rest, { fontSize: 16, color: c.ink }),
            ],
            {
              x: 0.8 + i * (w + 0.3),
              y: top + 1.0,
              w,
              h: bottom - top - 1.2,
              fill: { color: c.card },
              valign: 'top',
              margin: 12,
            },
          ),
        );
      }
      break;
    }
    case 'compare': {
      const w = (W - 2.1) / 2;
      p.columns.slice(0, 2).forEach((col, i) => {
        const x = 0.8 + i * (w + 0.5);
        slide.addText(col.title, {
          x,
          y: top,
          w,
          h: 0.6,
          fontFace: FONT,
          fontSize: 22,
          bold: true,
          color: 'FFFFFF',
          margin: 10,
        });
        slide.addText(
          col.items.map((it) =>
            text(line(it), {
              fontSize: 18,
              color: c.ink,
              bullet: { indent: 18 },
              breakLine: true,
              paraSpaceAfter: 8,
            }),
          ),
          {
            x,
            y: top + 0.6,
            w,
            h: bottom - top - 0.7,
            fill: { color: c.card },
            valign: 'top',
            margin: 12,
            fit: 'shrink',
          },
        );
      });
      break;
    }
    case 'checklist':
      p.items.forEach((it, i, all) => {
        const h = Math.min(0.8, (bottom - top) / all.length - 0.12);
        const y = top + i * (h + 0.12);
        slide.addShape(pptx.ShapeType.rect, {
          x: 0.8,
          y,
          w: W - 1.6,
          h,
          fill: { color: c.card },
          line: { color: c.card },
        });
        slide.addShape(pptx.ShapeType.rect, {
          x: 1.0,
          y: y + h / 2 - 0.15,
          w: 0.3,
          h: 0.3,
          fill: { color: 'FFFFFF' },
          line: { color: c.primary, width: 2 },
        });
        slide.addText(line(it), {
          x: 1.5,
          y,
          w: W - 2.5,
          h,
          fontFace: FONT,
          fontSize: 20,
          color: c.ink,
          valign: 'middle',
        });
      });
      break;
    case 'split':
      if (head)
        drawBlocks(
          pptx,
          slide,
          st.blocks.filter((b) => b.kind !== 'background'),
          { x: textX, y: top, w: textW, h: bottom - top },
          c,
          measured,
          true,
        );
      else
        body([
          ...p.paragraphs.map((t) => para(t)),
          ...p.items.map((it) =>
            text(line(it), {
              fontSize: 22,
              color: c.ink,
              bullet: { indent: 18 },
              breakLine: true,
              paraSpaceAfter: 10,
            }),
          ),
        ]);
      if (p.background) {
        const m = /^data:([^;]+);base64,(.*)$/.exec(p.background.data);
        const w = W * p.background.share;
        const x = p.background.side === 'right' ? W - w : 0;
        const n = p.background.fit === 'contain' ? imageSize(p.background.natural) : undefined;
        if (m && n) {
          // Marp's `contain`: the whole picture, centred in its part of the slide.
          const k = Math.min(w / n.width, H / n.height);
          slide.addImage({
            data: `${m[1]};base64,${m[2]}`,
            x: x + (w - n.width * k) / 2,
            y: (H - n.height * k) / 2,
            w: n.width * k,
            h: n.height * k,
          });
        } else if (m)
          slide.addImage({
            data: `${m[1]};base64,${m[2]}`,
            x,
            y: 0,
            // pptxgenjs crops `cover` from the picture's own proportions, given as w and h.
            ...coverSize(imageSize(p.background.natural), w, H),
            sizing: { type: 'cover', w, h: H },
          });
      }
      break;
    case 'table': {
      if (measured) {
        // The table and its caption where the PDF shows them, in the theme's sizes.
        drawBlocks(
          pptx,
          slide,
          st.blocks,
          { x: textX, y: top, w: textW, h: bottom - top },
          c,
          measured,
          st.heading !== undefined,
        );
        break;
      }
      const [head, ...rest] = p.rows;
      const cell = (t: string, header: boolean) => ({
        text: t,
        options: {
          bold: header,
          color: header ? 'FFFFFF' : c.ink,
          fill: { color: header ? c.primary : 'FFFFFF' },
        },
      });
      if (head)
        slide.addTable([head.map((t) => cell(t, true)), ...rest.map((r) => r.map((t) => cell(t, false)))], {
          x: 0.8,
          y: top,
          w: W - 1.6,
          fontFace: FONT,
          fontSize: 16,
          border: { type: 'solid', pt: 1, color: 'C9D2DE' },
          margin: 0.08,
        });
      body(
        p.paragraphs.map((t) => para(t, { fontSize: 16, color: c.muted })),
        bottom - 0.8,
        0.7,
      );
      break;
    }
  }
  return slide;
}
