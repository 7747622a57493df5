// What the slides document shows of a slide, as block-boxes.ts measures it in Chromium: each
// block's box, text look, background and borders, pseudo-elements and list items, in the
// 1280-wide slide's CSS pixels.

/** A box in the slide's CSS pixels (1280 wide). */
export interface PxBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** How the theme draws a block's text: enough to draw it again as a text frame. */
export interface TextLook {
  /** The text as shown, lines split where the markup breaks them. */
  text: string;
  /** `RRGGBB` and the alpha the colour and the element's opacity leave (0–1). */
  color: string;
  alpha: number;
  bold: boolean;
  /** The element's own font size (a block's `fontPx` is its cells' or items' size). */
  sizePx: number;
  align: 'left' | 'center' | 'right';
  lineHeightPx: number;
  letterSpacingPx: number;
}

/** A run of a paragraph's text in its own colour and weight (`strong` in the brand colour). */
export interface TextRun {
  text: string;
  color: string;
  bold: boolean;
  /** Set where the theme slants it (an `em` most themes show in italics). */
  italic?: boolean;
  sizePx: number;
  /** A formula's no-break space: the letter spacing, in px, that gives it the formula's width. */
  gapPx?: number;
  /** The background the theme paints behind it (inline code's), `RRGGBB`. */
  bg?: string;
}

/** A box's background and borders as the theme paints them (colours `RRGGBB`, widths and radii in px). */
export interface Deco {
  /** The background colour, when it is not transparent. */
  bg?: string;
  /** Border width and colour per side: top, right, bottom, left. */
  border: { w: number; color: string }[];
  /** Corner radii: top-left, top-right, bottom-right, bottom-left. */
  radius: number[];
}

/** A table cell as the theme paints it: its text's look, its fill (the cell's, else its row's), its borders. */
export interface CellLook extends TextLook {
  bg?: string;
  border: { w: number; color: string }[];
  /** Padding top, right, bottom, left, in px. */
  pad: number[];
}

/** A `::before` drawn as a box (a step number, a check box, the case's question mark, a quote mark). */
export interface BeforeBox extends PxBox {
  deco?: Deco;
  /** Its text, when it shows one, with its look. */
  look?: TextLook;
}

/** A bar drawn by the block's `::after` (the accent rule under a title), at its place on the slide. */
export interface AfterBar extends PxBox {
  color: string;
}

export type MeasuredBlock = PxBox &
  TextLook & {
    tag: string;
    onlyPictures: boolean;
    fontPx: number;
    cols?: number[];
    rows?: number[];
    /** A table's cells' text as the browser breaks it into lines (`\n`), row by row; '' for one line. */
    cellLines?: string[][];
    /** A code block's padding, top, right, bottom, left, in px, and its code's colour. */
    pad?: number[];
    codeColor?: string;
    /** How far apart the code's lines are, in px. */
    codeLineHeightPx?: number;
    /** A code block's text in the colours the slide shows it (syntax highlighting), `RRGGBB`. */
    codeRuns?: { text: string; color: string }[];
    /** A table's header cell and its first two body rows' cells (a theme may band them). */
    cells?: { head?: CellLook; body: CellLook[] };
    after?: AfterBar;
    /** Where the block's own text is (its contents, without padding or pseudo-elements). */
    textBox?: PxBox;
    runs?: TextRun[];
    deco?: Deco;
    before?: BeforeBox;
    /** A block of raw HTML, part by part (html-measure-helpers.ts): boxes, pictures and text. */
    parts?: HtmlPart[];
    /** A blockquote's paragraphs, each where it shows. */
    paras?: (PxBox & TextLook & { runs: TextRun[]; shown?: string })[];
    /** A list's items: each item's box, and its first `strong` and `em` (the agenda's label and minutes). */
    items?: (PxBox & {
      /** The first `strong`: the agenda's chapter label, a badge when the theme gives it a background. */
      strong?: PxBox & TextLook & { deco?: Deco };
      em?: PxBox & TextLook;
      rest: string;
      /** The item's padding (top, right, bottom, left) and its `::before` number's size, in px. */
      pad: number[];
      beforePx: number;
      textBox?: PxBox;
      runs?: TextRun[];
      /**
       * Where the `::before` is inline (a number before a card's title, on its line): the
       * letter spacing of a no-break space that starts the item's first line where the text does.
       */
      leadGapPx?: number;
      /** The text after a first `strong` shown as a block of its own (a role's brief). */
      restBox?: PxBox & TextLook;
      /** The item's text as the browser breaks it into lines (`\n`), when it takes more than one. */
      shown?: string;
      /** That `strong` and the text after it as the browser breaks them into lines (`\n`). */
      lines?: { strong: string; rest: string };
      deco?: Deco;
      before?: BeforeBox;
      /** The colour of the item's bullet (`::marker`), `RRGGBB`, and the width of an outside one, in px. */
      marker?: string;
      markerW?: number;
    })[];
  };

/** What a block of raw HTML shows: a painted box, a picture, or an element's text. */
export type HtmlPart =
  | (PxBox & { kind: 'box'; deco: Deco })
  | (PxBox & { kind: 'picture'; src: string; alt: string })
  | (PxBox &
      TextLook & {
        kind: 'text';
        textBox: PxBox;
        runs: TextRun[];
        shown?: string;
        /** A bulleted list item's disc colour, `RRGGBB`. */
        marker?: string;
      });

/** A formula as the slide shows it (part-pictures.ts): its box and picture, and how much wider it is than a space. */
export interface MathPicture extends PxBox {
  /** A PNG data: URI of the formula and what lies under it. */
  png: string;
  /**
   * Its width less that of a no-break space in its line's face, in px: the letter spacing the
   * space standing for it in the text needs to leave its room.
   */
  gapPx: number;
}

/**
 * The section's computed background: its layers' images, positions, sizes and repeats as
 * Chromium lists them; its box in the slide's px and its padding box in its own CSS px.
 */
export interface SectionPaint extends PxBox {
  image: string;
  positionX: string;
  positionY: string;
  size: string;
  repeat: string;
  cssW: number;
  cssH: number;
}

/** A box the section's `::before` or `::after` paint: its colour and borders, and its computed `background-image`. */
export interface SectionMark extends PxBox {
  deco?: Deco;
  image: string;
}

/** Where the rendered slide shows its blocks: each child of the slide's section, and its pictures. */
export interface SlideBoxes {
  /** The section's children in order, by tag name (`P`, `UL`, `TABLE`, `PRE`, …). */
  blocks: MeasuredBlock[];
  /** The slide's pictures (not backgrounds), in order. */
  pictures: PxBox[];
  /** The section's background colour (`RRGGBB`, alpha 0–1) and text colour, as the theme and `_backgroundColor` / `_color` set them. */
  background: { hex: string; a: number };
  ink: string;
  /** Marp's header, footer and page number as the theme draws them, where the slide shows them. */
  marpChrome?: (PxBox & TextLook)[];
  /** The section's computed background (section-paint.ts reads it). */
  paint?: SectionPaint;
  /** What the section's `::before` and `::after` paint (theme-paint.ts draws them). */
  marks?: SectionMark[];
  /** Its formulas, pictured alone where they show, in document order (part-pictures.ts). */
  math?: MathPicture[];
  /** Its background layer baked into one picture, where CSS filters or several pictures draw it. */
  backdrop?: PxBox & { picture: string };
  /** The installed faces the deck's text and code are drawn in, when they are not web fonts (shown-face.ts). */
  faces?: { text?: string; code?: string };
}
