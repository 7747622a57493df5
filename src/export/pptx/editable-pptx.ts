import type { ComposedDeck, SlideInfo } from '../../compose/compose-deck.js';
import { labelsFor } from '../../compose/labels.js';
import type { DeckModel } from '../../deck-model.js';
import type { Problem } from '../../problem.js';
import { FONT, W, agendaSlide, closingSlide, colours, defineMasters, dividerSlide, text, titleSlide, type Colours, type Pptx, type PptxClass, type Slide } from './pptx-layouts.js';
import { slideStructure, type SlideStructure } from './slide-structure.js';
import { defineTrainingMasters, trainingLayout, trainingSlide } from './pptx-training-layouts.js';

/** What a training layout draws natively though the plain mapping could not. */
const DRAWN_BY_LAYOUT = ['a quote', 'a table', 'a background image', 'struck-through text'];


export interface EditablePptx {
  data: Buffer;
  /** Slides lectern could not map to text and placed as pictures, named by file:line. */
  warnings: Problem[];
}

/**
 * A native PPTX a colleague can edit in PowerPoint: every title and point is a real text
 * frame, the theme's colours and layouts come from slide masters, notes sit in the notes
 * pane. Slides with markdown lectern cannot map (tables, code, math, raw HTML) become a
 * picture of the slide, with a warning naming it.
 */
export async function writeEditablePptx(
  deck: DeckModel,
  composed: ComposedDeck,
  height: number,
  picture: (indices: number[]) => Promise<Map<number, Buffer>>,
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
    const st = slideStructure(s.body ?? '');
    return trainingLayout(s) && st.unmappable && DRAWN_BY_LAYOUT.includes(st.unmappable) ? { ...st, unmappable: undefined } : st;
  });
  const unmapped = structures.flatMap((st, i) => (st?.unmappable ? [i] : []));
  const pictures = unmapped.length ? await picture(unmapped) : new Map<number, Buffer>();
  const warnings: Problem[] = [];
  const t = labelsFor(deck.lang);

  composed.slides.forEach((info, i) => {
    const st = structures[i];
    let slide: Slide;
    if (info.kind === 'title') slide = titleSlide(pptx, deck, c, H, t.presenter, t.date);
    else if (info.kind === 'agenda') slide = agendaSlide(pptx, deck, c, t);
    else if (info.kind === 'divider') slide = dividerSlide(pptx, info, c, H, t.chapter);
    else if (info.kind === 'closing') slide = closingSlide(pptx, deck, H);
    else if (st?.unmappable) {
      slide = pptx.addSlide();
      slide.addImage({ data: `image/jpeg;base64,${pictures.get(i)?.toString('base64') ?? ''}`, x: 0, y: 0, w: W, h: H });
      warnings.push({
        severity: 'warning',
        code: 'pptx-picture',
        file: info.file,
        line: info.line,
        slide: i + 1,
        message: `slide ${i + 1} has ${st.unmappable}: the editable PPTX shows it as a picture`,
        hint: 'edit that slide in markdown, or rebuild it by hand in PowerPoint',
      });
    } else {
      const layout = trainingLayout(info);
      const timeBox = info.minutes ? t.timeBox(layout === 'roleplay' ? 'roleplay' : 'exercise', info.minutes) : undefined;
      slide = layout ? trainingSlide(pptx, info, layout, timeBox, c, H) : contentSlide(pptx, info, st!, c, H);
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
    .replace(/<a:font script="Hans" typeface="[^"]*"\/>/g, `<a:font script="Hans" typeface="${FALLBACK_FONT}"/>`);
  zip.file('ppt/theme/theme1.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function contentSlide(pptx: Pptx, info: SlideInfo, st: SlideStructure, c: Colours, H: number): Slide {
  const slide = pptx.addSlide({ masterName: 'LECTERN_CONTENT' });
  // A slide-number field, so numbers follow when a colleague reorders slides.
  slide.slideNumber = { x: W - 1.3, y: H - 0.58, w: 0.8, h: 0.38, fontFace: FONT, fontSize: 12, color: c.primary, bold: true, align: 'center' };
  const ch = info.chapter!;
  slide.addText(`${ch.label} · ${ch.title}`, { x: 0.8, y: 0.18, w: 9, h: 0.35, fontFace: FONT, fontSize: 12, bold: true, color: c.primary });
  if (st.heading) {
    slide.addText(st.heading, { x: 0.8, y: 0.6, w: W - 2.4, h: 0.85, fontFace: FONT, fontSize: 30, bold: true, color: c.primary, valign: 'bottom' });
    slide.addShape(pptx.ShapeType.rect, { x: 0.82, y: 1.52, w: 0.75, h: 0.06, fill: { color: c.accent }, line: { color: c.accent } });
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
      slide.addShape(pptx.ShapeType.rect, { x, y, w, h: 0.07, fill: { color: c.primary }, line: { color: c.primary } });
      slide.addText(
        [
          text(String(i + 1).padStart(2, '0'), { fontSize: 26, bold: true, color: c.accent, breakLine: true, paraSpaceAfter: 6 }),
          text(p.heading, { fontSize: 20, bold: true, color: c.primary, breakLine: true, paraSpaceAfter: 6 }),
          text(p.text, { fontSize: 16, color: c.ink }),
        ],
        { x, y: y + 0.07, w, h: h - 0.07, fill: { color: c.card }, valign: 'top', margin: 12, lineSpacingMultiple: 1.15 },
      );
    });
    return slide;
  }
  const image = st.images[0];
  const textWidth = image ? (W - 1.6) * 0.55 : W - 1.6;
  const runs = [
    ...st.paragraphs.map((p) => text(p, { fontSize: 20, color: c.ink, breakLine: true, paraSpaceAfter: 8 })),
    ...st.bullets.map((b) => text(b.text, { fontSize: 20, color: c.ink, bullet: { indent: 18 }, indentLevel: b.level, breakLine: true, paraSpaceAfter: 8 })),
  ];
  if (runs.length) slide.addText(runs, { x: 0.8, y: top, w: textWidth, h: bottom - top, valign: 'top' });
  if (image) {
    const m = /^data:([^;]+);base64,(.*)$/.exec(image);
    if (m) slide.addImage({ data: `${m[1]};base64,${m[2]}`, x: 0.8 + textWidth + 0.3, y: top, w: W - 1.6 - textWidth - 0.3, h: bottom - top, sizing: { type: 'contain', w: W - 1.6 - textWidth - 0.3, h: bottom - top } });
  }
  return slide;
}
