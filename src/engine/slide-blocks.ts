// What a content slide is made of, as read from Marp's tokens (slide-tokens.ts).

/** A stretch of text with one formatting. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: string;
  /**
   * A formula's TeX: the run is a no-break space standing in the text where the formula shows,
   * for outputs that picture the formula there (the editable PPTX).
   */
  math?: string;
  /** The letter spacing, in px, that gives the formula's space its width (set by the editable PPTX). */
  gapPx?: number;
}

export interface ListItem {
  runs: Run[];
  /** Nesting, 0 = top. */
  level: number;
  /** The item's number in an ordered list. */
  number?: number;
  /** Numbered A, B, C … instead of 1, 2, 3 (a knowledge check's options). */
  lettered?: boolean;
}

export interface Picture {
  src: string;
  /** The markdown's alt text, Marp's size keywords removed ('' for none). */
  alt: string;
  /** Marp's `w:` / `h:` size in CSS pixels. */
  width?: number;
  height?: number;
  /** A PNG of an SVG picture, for outputs that need a bitmap (set by the editable PPTX). */
  png?: string;
}

export type Block =
  | { kind: 'heading'; level: number; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'list'; items: ListItem[] }
  | { kind: 'table'; rows: Run[][][] }
  | { kind: 'code'; text: string; lang: string }
  | { kind: 'quote'; paragraphs: Run[][] }
  /** Pictures in one paragraph, shown side by side. */
  | { kind: 'pictures'; pictures: Picture[] }
  | {
      kind: 'background';
      src: string;
      /** The markdown's alt text ('' for none: decoration). */
      alt: string;
      png?: string;
      split?: 'left' | 'right';
      share: number;
      /** Marp's background-size: cover (the default), contain (`fit`), auto (the picture's own size). */
      fit: 'cover' | 'contain' | 'auto';
      /** `![bg 40%]`: the picture 40 % as wide as its part of the slide, centred, in place of `fit`. */
      scale?: number;
    }
  /** A display formula, by its TeX. */
  | { kind: 'math'; tex: string }
  | { kind: 'html' };
