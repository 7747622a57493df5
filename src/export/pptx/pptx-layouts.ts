import type { SlideInfo } from '../../compose/compose-deck.js';
import type { labelsFor } from '../../compose/labels.js';
import { plannedMinutes, type DeckModel } from '../../deck-model.js';

// Slide masters and the generated slides (title, agenda, divider, closing) of the editable
// PPTX, in the corporate theme's colours and layouts.

// pptxgenjs's types are a CommonJS namespace; these name the parts lectern uses.
export type PptxClass = typeof import('pptxgenjs').default;
export type Pptx = InstanceType<PptxClass>;
export type Slide = ReturnType<Pptx['addSlide']>;
export type TextProps = Extract<Parameters<Slide['addText']>[0], unknown[]>[number];
type TextOptions = NonNullable<TextProps['options']>;

/** 16:9 in inches, as PowerPoint's widescreen. */
export const W = 13.333;
export const FONT = 'Noto Sans SC';
const DEFAULTS = { primary: '0B3D6E', accent: 'E8A317', ink: '1D2633', muted: '5B6778', card: 'F2F5F9' };

export type Colours = typeof DEFAULTS;

export function colours(deck: DeckModel): Colours {
  const hex = (v: string | undefined) => {
    const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(v ?? '');
    if (!m) return undefined;
    const h = m[1] as string;
    return (h.length === 3 ? [...h].map((x) => x + x).join('') : h).toUpperCase();
  };
  return {
    ...DEFAULTS,
    primary: hex(deck.brand.primary) ?? DEFAULTS.primary,
    accent: hex(deck.brand.accent) ?? DEFAULTS.accent,
  };
}

export function defineMasters(pptx: Pptx, deck: DeckModel, c: Colours, H: number): void {
  const logo = deck.brand.logo ? deck.assets.get(deck.brand.logo) : undefined;
  const logoObject = logo
    ? [
        {
          image: {
            x: W - 1.3,
            y: 0.25,
            w: 0.9,
            h: 0.45,
            data: `${logo.mime};base64,${logo.bytes.toString('base64')}`,
            sizing: { type: 'contain' as const, w: 0.9, h: 0.45 },
          },
        },
      ]
    : [];
  pptx.defineSlideMaster({
    title: 'LECTERN_CONTENT',
    background: { color: 'FFFFFF' },
    objects: [
      { rect: { x: 0, y: 0, w: W * 0.78, h: 0.1, fill: { color: c.primary } } },
      { rect: { x: W * 0.78, y: 0, w: W * 0.22, h: 0.1, fill: { color: c.accent } } },
      {
        text: {
          text: deck.title,
          options: { x: 0.8, y: H - 0.55, w: 8, h: 0.35, fontFace: FONT, fontSize: 11, color: c.muted },
        },
      },
      ...logoObject,
    ],
  });
  for (const name of ['LECTERN_COVER', 'LECTERN_DIVIDER']) {
    pptx.defineSlideMaster({
      title: name,
      background: { color: c.primary },
      objects: [
        { rect: { x: 0, y: H - 0.15, w: W, h: 0.15, fill: { color: c.accent } } },
        ...(name === 'LECTERN_COVER' ? logoObject : []),
      ],
    });
  }
}

export const text = (value: string, options: TextOptions = {}): TextProps => ({
  text: value,
  options: { fontFace: FONT, ...options },
});

export function titleSlide(
  pptx: Pptx,
  deck: DeckModel,
  c: Colours,
  H: number,
  presenter: string,
  date: string,
): Slide {
  const slide = pptx.addSlide({ masterName: 'LECTERN_COVER' });
  slide.addText([text(deck.title, { fontSize: 44, bold: true, color: 'FFFFFF' })], {
    x: 1.1,
    y: H * 0.3,
    w: W - 2.2,
    h: 1.1,
    valign: 'bottom',
  });
  slide.addShape(pptx.ShapeType.rect, {
    x: 1.15,
    y: H * 0.3 + 1.2,
    w: 1.2,
    h: 0.07,
    fill: { color: c.accent },
    line: { color: c.accent },
  });
  const meta = [deck.presenter && `${presenter}：${deck.presenter}`, deck.date && `${date}：${deck.date}`]
    .filter(Boolean)
    .join('　　');
  const lines = [
    deck.subtitle
      ? text(deck.subtitle, { fontSize: 22, color: 'FFFFFF', breakLine: true, paraSpaceAfter: 14 })
      : undefined,
    meta ? text(meta, { fontSize: 16, color: 'E6ECF3', breakLine: true }) : undefined,
    deck.organization ? text(deck.organization, { fontSize: 16, color: 'E6ECF3' }) : undefined,
  ].filter((x): x is TextProps => x !== undefined);
  if (lines.length) slide.addText(lines, { x: 1.1, y: H * 0.3 + 1.45, w: W - 2.2, h: 1.8, valign: 'top' });
  return slide;
}

export function agendaSlide(pptx: Pptx, deck: DeckModel, c: Colours, t: ReturnType<typeof labelsFor>): Slide {
  const slide = pptx.addSlide({ masterName: 'LECTERN_CONTENT' });
  slide.addText(
    [
      text(t.agenda, { fontSize: 32, bold: true, color: c.primary, breakLine: true }),
      text(t.agendaKicker, { fontSize: 13, color: c.accent, charSpacing: 6 }),
    ],
    { x: 0.8, y: 0.45, w: 8, h: 1.1 },
  );
  const columns = deck.chapters.length > 5 ? 2 : 1;
  const rows = Math.ceil(deck.chapters.length / columns);
  const colWidth = (W - 1.6 - (columns - 1) * 0.5) / columns;
  deck.chapters.forEach((ch, i) => {
    const x = 0.8 + Math.floor(i / rows) * (colWidth + 0.5);
    const y = 1.8 + (i % rows) * 0.72;
    slide.addText(ch.label, {
      x,
      y,
      w: 0.75,
      h: 0.5,
      fontFace: FONT,
      fontSize: 16,
      bold: true,
      color: 'FFFFFF',
      align: 'center',
      fill: { color: c.primary },
    });
    slide.addText(
      [
        text(ch.title, { fontSize: 18, color: c.ink }),
        ...(ch.minutes ? [text(`  ${t.minutes(ch.minutes)}`, { fontSize: 14, color: c.muted })] : []),
      ],
      { x: x + 0.9, y, w: colWidth - 0.9, h: 0.5 },
    );
  });
  const total = plannedMinutes(deck.chapters);
  if (total)
    slide.addText(t.total(total), {
      x: W - 4.8,
      y: 1.8 + rows * 0.72 + 0.1,
      w: 4,
      h: 0.4,
      fontFace: FONT,
      fontSize: 14,
      color: c.muted,
      align: 'right',
    });
  return slide;
}

export function dividerSlide(pptx: Pptx, info: SlideInfo, c: Colours, H: number, chapter: string): Slide {
  const slide = pptx.addSlide({ masterName: 'LECTERN_DIVIDER' });
  const ch = info.chapter!;
  slide.addText(
    [
      text(ch.label, { fontSize: 96, bold: true, color: c.accent, breakLine: true }),
      text(chapter, { fontSize: 18, color: 'DDE5EE', charSpacing: 10, breakLine: true }),
      text(ch.title, { fontSize: 40, bold: true, color: 'FFFFFF' }),
    ],
    { x: 1.4, y: H * 0.18, w: W - 2.4, h: H * 0.62, valign: 'middle' },
  );
  return slide;
}

export function closingSlide(pptx: Pptx, deck: DeckModel, H: number): Slide {
  const slide = pptx.addSlide({ masterName: 'LECTERN_COVER' });
  slide.addText(
    [
      text(deck.closing, { fontSize: 60, bold: true, color: 'FFFFFF', breakLine: true }),
      text(deck.title, { fontSize: 22, color: 'E6ECF3', breakLine: Boolean(deck.organization) }),
      ...(deck.organization ? [text(deck.organization, { fontSize: 16, color: 'E6ECF3' })] : []),
    ],
    { x: 1, y: H * 0.25, w: W - 2, h: H * 0.5, align: 'center', valign: 'middle' },
  );
  return slide;
}
