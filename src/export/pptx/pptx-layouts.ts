import type { DeckModel } from '../../validate/deck-model.js';

// Slide masters of the editable PPTX, in the corporate theme's colours and layouts.

// pptxgenjs's types are a CommonJS namespace; these name the parts lectern uses.
export type PptxClass = typeof import('pptxgenjs').default;
export type Pptx = InstanceType<PptxClass>;
export type Slide = ReturnType<Pptx['addSlide']>;
export type TextProps = Extract<Parameters<Slide['addText']>[0], unknown[]>[number];
type TextOptions = NonNullable<TextProps['options']>;

/** 16:9 in inches, as PowerPoint's widescreen. */
export const W = 13.333;
/** Inches per CSS pixel of the 1280-wide slide the measurements use. */
export const PX = W / 1280;
export const FONT = 'Noto Sans SC';
const DEFAULTS = {
  primary: '0B3D6E',
  accent: 'E8A317',
  /** The accent where it is text or under white text: corporate.css's --lectern-accent-ink. */
  accentInk: '976A0F',
  ink: '1D2633',
  muted: '5B6778',
  card: 'F2F5F9',
};

/** color-mix(in srgb, accent 65%, #000), as corporate.css darkens the accent for text (4.8:1 on white for the default amber). */
const accentInk = (accent: string): string =>
  [0, 2, 4]
    .map((i) =>
      Math.round(parseInt(accent.slice(i, i + 2), 16) * 0.65)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();

/** The deck's colours; `measured` when they come from a theme other than lectern's, as the slides show it. */
/** `templated`: built on the company's template (deck.md `pptxTemplate:`), whose masters carry the chrome. */
export type Colours = typeof DEFAULTS & { measured?: boolean; templated?: boolean };

export function colours(deck: DeckModel): Colours {
  const hex = (v: string | undefined) => {
    const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(v ?? '');
    if (!m) return undefined;
    const h = m[1] as string;
    return (h.length === 3 ? [...h].map((x) => x + x).join('') : h).toUpperCase();
  };
  const accent = hex(deck.brand.accent) ?? DEFAULTS.accent;
  return {
    ...DEFAULTS,
    primary: hex(deck.brand.primary) ?? DEFAULTS.primary,
    accent,
    accentInk: accentInk(accent),
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
  const content = contentBase(deck, c, H);
  pptx.defineSlideMaster({
    title: 'LECTERN_CONTENT',
    background: { color: 'FFFFFF' },
    objects: [...content, ...logoObject],
  });
  // The agenda has the brand bar, and neither footer nor page number.
  pptx.defineSlideMaster({
    title: 'LECTERN_AGENDA',
    background: { color: 'FFFFFF' },
    objects: [...content.slice(0, 2), ...logoObject],
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

/**
 * What every content master draws (themes/corporate.css): the brand bar along the top edge
 * (10 px, primary to 78 %, then accent) and the deck title in the footer (20 px, 22 px from
 * the bottom), in CSS pixels of the 1280-wide slide.
 */
export function contentBase(deck: DeckModel, c: Colours, H: number) {
  const k = cssScale(H);
  const px = PX * k;
  return [
    { rect: { x: 0, y: 0, w: W * 0.78, h: 10 * px, fill: { color: c.primary } } },
    { rect: { x: W * 0.78, y: 0, w: W * 0.22, h: 10 * px, fill: { color: c.accent } } },
    {
      text: {
        text: deck.title,
        options: {
          x: 80 * px,
          y: H - 52 * px,
          w: W - 240 * px,
          h: 30 * px,
          margin: 0,
          valign: 'top' as const,
          fontFace: FONT,
          fontSize: 15 * k,
          lineSpacing: 22.5 * k,
          color: c.muted,
        },
      },
    },
  ];
}

/**
 * How many of the 1280-wide units the PPTX is laid out in make one CSS pixel of the slide: 1 at
 * 16:9 (1280×720), 4/3 at 4:3 (Marp's 960×720). Every slide is 720 CSS pixels high.
 */
export function cssScale(H: number): number {
  return ((H / W) * 1280) / 720;
}
