import type { ComposedDeck, SlideInfo } from '../../compose/compose-deck.js';
import { labelsFor } from '../../compose/labels.js';
import type { DeckModel } from '../../deck-model.js';
import { warning, type Problem } from '../../problem.js';
import {
  FONT,
  W,
  agendaSlide,
  closingSlide,
  colours,
  defineMasters,
  dividerSlide,
  text,
  titleSlide,
  type Colours,
  type Pptx,
  type PptxClass,
  type Slide,
} from './pptx-layouts.js';
import type { SlideBoxes } from './block-boxes.js';
import { imageSize } from './image-size.js';
import { CODE_FONT, drawBlocks, runProps } from './pptx-blocks.js';
import { closingQrCodes } from './pptx-qr.js';
import { slideStructure, type SlideStructure } from './slide-structure.js';
import { defineTrainingMasters, trainingLayout, trainingSlide } from './pptx-training-layouts.js';

/** What the editable PPTX asks of the browser, only for the slides that need it. */
export interface SlideBrowser {
  /** Pictures of slides it cannot draw natively. */
  picture: (indices: number[]) => Promise<Map<number, Buffer>>;
  /** Where slides show their blocks, for slides whose placement matters. */
  measure: (indices: number[]) => Promise<Map<number, SlideBoxes>>;
  /** PNG data: URIs of SVG pictures, by their SVG data: URI. */
  svgToPng: (svgs: string[]) => Promise<Map<string, string>>;
}

export interface EditablePptx {
  data: Buffer;
  /** Slides lectern could not map to text and placed as pictures, named by file:line. */
  warnings: Problem[];
}

/**
 * A native PPTX a colleague can edit in PowerPoint: every title and point is a real text
 * frame, the theme's colours and layouts come from slide masters, notes sit in the notes
 * pane. Paragraphs, lists, tables, code, quotes and pictures are native shapes with their
 * inline formatting and links; slides with math, raw HTML or an SVG drawing become a picture
 * of the slide, with a warning naming it.
 */
export async function writeEditablePptx(
  deck: DeckModel,
  composed: ComposedDeck,
  height: number,
  browser: SlideBrowser,
): Promise<EditablePptx> {
  const PptxGenJS = (await import('pptxgenjs')).default as unknown as PptxClass;
  const pptx = new PptxGenJS();
  const H = (W * height) / 1280;
  pptx.defineLayout({ name: 'LECTERN', width: W, height: H });
  pptx.layout = 'LECTERN';
  pptx.title = deck.title;
  if (deck.presenter) pptx.author = deck.presenter;
  if (deck.organization) pptx.company = deck.organization;
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  const c = colours(deck);
  defineMasters(pptx, deck, c, H);
  defineTrainingMasters(pptx, deck, c, H);

  const structures = composed.slides.map((s) => {
    if (s.kind !== 'content') return undefined;
    return slideStructure(s.body ?? '');
  });
  const unmapped = structures.flatMap((st, i) => (st?.unmappable ? [i] : []));
  const placed = structures.flatMap((st, i) =>
    st && !st.unmappable && placementMatters(st, composed.slides[i]!) ? [i] : [],
  );
  const svgs = [...new Set(structures.flatMap((st) => (st && !st.unmappable ? svgSources(st) : [])))];
  const [pictures, boxes, pngs] = await Promise.all([
    unmapped.length ? browser.picture(unmapped) : new Map<number, Buffer>(),
    placed.length ? browser.measure(placed) : new Map<number, SlideBoxes>(),
    svgs.length ? browser.svgToPng(svgs) : new Map<string, string>(),
  ]);
  for (const st of structures) if (st) withPngs(st, pngs);
  const warnings: Problem[] = [];
  const t = labelsFor(deck.lang);

  composed.slides.forEach((info, i) => {
    const st = structures[i];
    let slide: Slide;
    if (info.kind === 'title') slide = titleSlide(pptx, deck, c, H, t.presenter, t.date);
    else if (info.kind === 'agenda') slide = agendaSlide(pptx, deck, c, t);
    else if (info.kind === 'divider') slide = dividerSlide(pptx, info, c, H, t.chapter);
    else if (info.kind === 'closing') {
      slide = closingSlide(pptx, deck, H);
      closingQrCodes(pptx, slide, deck, t, H);
    } else if (st?.unmappable) {
      slide = pptx.addSlide();
      slide.addImage({
        data: `image/jpeg;base64,${pictures.get(i)?.toString('base64') ?? ''}`,
        x: 0,
        y: 0,
        w: W,
        h: H,
      });
      warnings.push(
        warning(
          'pptx-picture',
          { file: info.file, line: info.line, slide: i + 1 },
          `slide ${i + 1} has ${st.unmappable}: the editable PPTX shows it as a picture`,
          'edit that slide in markdown, or rebuild it by hand in PowerPoint',
        ),
      );
    } else {
      const layout = trainingLayout(info);
      const timeBox = info.minutes
        ? t.timeBox(layout === 'roleplay' ? 'roleplay' : 'exercise', info.minutes)
        : undefined;
      slide = layout
        ? trainingSlide(pptx, info, layout, timeBox, c, H, st!, boxes.get(i))
        : contentSlide(pptx, info, st!, c, H, boxes.get(i));
    }
    if (info.notes.trim()) slide.addNotes(info.notes.trim());
  });
  const data = (await pptx.write({ outputType: 'nodebuffer', compression: true })) as Buffer;
  return { data: await withFontFallback(data), warnings };
}

/** A Chinese font every Windows viewer has; macOS maps it to PingFang SC. */
const FALLBACK_FONT = 'Microsoft YaHei';

/**
 * Runs name Noto Sans SC (the theme's font) with a GB2312 charset, so PowerPoint substitutes
 * a Chinese sans where it is missing; the theme's East Asian fonts name Microsoft YaHei too.
 */
async function withFontFallback(pptx: Buffer): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(pptx);
  const theme = zip.file('ppt/theme/theme1.xml');
  if (!theme) return pptx;
  const xml = (await theme.async('string'))
    .replace(/<a:ea typeface=""\/>/g, `<a:ea typeface="${FALLBACK_FONT}"/>`)
    .replace(
      /<a:font script="Hans" typeface="[^"]*"\/>/g,
      `<a:font script="Hans" typeface="${FALLBACK_FONT}"/>`,
    );
  zip.file('ppt/theme/theme1.xml', xml);
  // Code runs name the monospace face for Latin; their Chinese falls back to the deck's font.
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))) {
    const slide = await zip.file(name)!.async('string');
    zip.file(
      name,
      onePprPerParagraph(
        slide.replace(
          new RegExp(`<a:ea typeface="${CODE_FONT}"[^>]*/>`, 'g'),
          `<a:ea typeface="${FONT}" pitchFamily="34" charset="-122"/>`,
        ),
      ),
    );
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * pptxgenjs writes paragraph properties before every run of a paragraph; only the first is
 * valid DrawingML, and LibreOffice drops the bullet or number when more follow.
 */
function onePprPerParagraph(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_m, inner: string) => {
    let seen = false;
    const kept = inner.replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, (ppr) =>
      seen ? '' : ((seen = true), ppr),
    );
    return `<a:p>${kept}</a:p>`;
  });
}

const isSvg = (src: string) => src.startsWith('data:image/svg+xml');

function svgSources(st: SlideStructure): string[] {
  return st.blocks
    .flatMap((b) =>
      b.kind === 'pictures' ? b.pictures.map((p) => p.src) : b.kind === 'background' ? [b.src] : [],
    )
    .filter(isSvg);
}

/** SVG pictures and backgrounds get their PNG, which PowerPoint and LibreOffice both show. */
function withPngs(st: SlideStructure, pngs: Map<string, string>): void {
  for (const b of st.blocks) {
    if (b.kind === 'pictures') for (const p of b.pictures) p.png = pngs.get(p.src);
    else if (b.kind === 'background') b.png = pngs.get(b.src);
  }
}

/** Slides whose pictures, tables, code or quotes should sit where the PDF shows them. */
function placementMatters(st: SlideStructure, info: SlideInfo): boolean {
  const layout = trainingLayout(info);
  if (layout) return layout === 'table' || layout === 'split' || layout === 'exercise';
  if (info.layout?.startsWith('points')) return false;
  return st.blocks.some((b) => b.kind !== 'paragraph' && b.kind !== 'list' && b.kind !== 'heading');
}

function contentSlide(
  pptx: Pptx,
  info: SlideInfo,
  st: SlideStructure,
  c: Colours,
  H: number,
  measured?: SlideBoxes,
): Slide {
  const slide = pptx.addSlide({ masterName: 'LECTERN_CONTENT' });
  // A slide-number field, so numbers follow when a colleague reorders slides.
  slide.slideNumber = {
    x: W - 1.3,
    y: H - 0.58,
    w: 0.8,
    h: 0.38,
    fontFace: FONT,
    fontSize: 12,
    color: c.primary,
    bold: true,
    align: 'center',
  };
  const ch = info.chapter!;
  slide.addText(`${ch.label} · ${ch.title}`, {
    x: 0.8,
    y: 0.18,
    w: 9,
    h: 0.35,
    fontFace: FONT,
    fontSize: 12,
    bold: true,
    color: c.primary,
  });
  if (st.heading) {
    slide.addText(
      runProps(st.headingRuns ?? [{ text: st.heading }], { ...c, ink: c.primary }, 30, { bold: true }),
      { x: 0.8, y: 0.6, w: W - 2.4, h: 0.85, valign: 'bottom', fit: 'shrink' },
    );
    slide.addShape(pptx.ShapeType.rect, {
      x: 0.82,
      y: 1.52,
      w: 0.75,
      h: 0.06,
      fill: { color: c.accent },
      line: { color: c.accent },
    });
  }
  const top = 1.9;
  const bottom = H - 0.8;
  if (st.points.length) {
    const n = st.points.length;
    const cols = n === 4 ? 2 : n;
    const rows = Math.ceil(n / cols);
    const gap = 0.35;
    const w = (W - 1.6 - gap * (cols - 1)) / cols;
    const h = Math.min((bottom - top - gap * (rows - 1)) / rows, rows === 1 ? 3.6 : 2.2);
    st.points.forEach((p, i) => {
      const x = 0.8 + (i % cols) * (w + gap);
      const y = top + Math.floor(i / cols) * (h + gap);
      slide.addShape(pptx.ShapeType.rect, {
        x,
        y,
        w,
        h: 0.07,
        fill: { color: c.primary },
        line: { color: c.primary },
      });
      slide.addText(
        [
          text(String(i + 1).padStart(2, '0'), {
            fontSize: 26,
            bold: true,
            color: c.accent,
            breakLine: true,
            paraSpaceAfter: 6,
          }),
          text(p.heading, { fontSize: 20, bold: true, color: c.primary, breakLine: true, paraSpaceAfter: 6 }),
          text(p.text, { fontSize: 16, color: c.ink }),
        ],
        {
          x,
          y: y + 0.07,
          w,
          h: h - 0.07,
          fill: { color: c.card },
          valign: 'top',
          margin: 12,
          lineSpacingMultiple: 1.15,
        },
      );
    });
    return slide;
  }
  const bg = st.blocks.find((b) => b.kind === 'background');
  let box = { x: 0.8, y: top, w: W - 1.6, h: bottom - top };
  if (bg?.kind === 'background') {
    const m = /^data:([^;]+);base64,(.*)$/s.exec(bg.png ?? bg.src);
    const w = W * bg.share;
    const x = bg.split === 'right' ? W - w : 0;
    if (m && bg.fit === 'contain') {
      // Marp's `contain`: the whole picture, centred in its part of the slide.
      const n = imageSize(bg.src) ?? { width: w, height: H };
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
        w,
        h: H,
        sizing: { type: 'cover', w, h: H },
      });
    if (bg.split === 'right') box = { ...box, w: W - w - 1.3 };
    else if (bg.split === 'left') box = { ...box, x: w + 0.5, w: W - w - 1.3 };
  }
  drawBlocks(
    pptx,
    slide,
    st.blocks.filter((b) => b.kind !== 'background'),
    box,
    c,
    measured,
    st.heading !== undefined,
  );
  return slide;
}
