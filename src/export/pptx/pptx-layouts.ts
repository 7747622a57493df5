// The editable PPTX's units, its default face and the colours it draws in.

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
/**
 * The deck's colours as its slides show them (theme-colours.ts measures them): the text's,
 * the headings' as primary, the list markers' as accent, code's background as card.
 * `templated`: built on the company's template (deck.md `pptxTemplate:`), whose masters carry the chrome.
 */
export interface Colours {
  primary: string;
  accent: string;
  ink: string;
  muted: string;
  card: string;
  templated?: boolean;
}

export const text = (value: string, options: TextOptions = {}): TextProps => ({
  text: value,
  options: { fontFace: FONT, ...options },
});
