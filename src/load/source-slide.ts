import type { SourceImage } from './slide-images.js';
import type { QuizReading } from '../engine/quiz-tokens.js';

// What the loader reads of a slide. The types have a file of their own so the splitter
// (split-slides.ts) and the slide reader (slide-content.ts) share them without importing
// each other.

export interface SourceSlide {
  /** The slide's markdown, notes included, as written. */
  markdown: string;
  /** 1-based line in the source file of the slide's first non-blank line. */
  line: number;
  /** Speaker notes: the HTML comments Marp shows as notes (not directives, `fit` or tools' comments). */
  notes: string[];
  headings: string[];
  images: SourceImage[];
  /** Whether the slide has anything besides notes and directives. */
  hasContent: boolean;
  /** Marp could not read it (past the nesting limit, an error of its own): nothing is said about its notes or heading. */
  unread?: true;
  /** Whether all it has is pictures and backgrounds (such a slide needs no heading). */
  pictureOnly: boolean;
  /**
   * A time box for the slide (an exercise, a role-play): `<!-- minutes: 10 -->`, as written
   * (validation checks that it is a positive number), with its line.
   */
  minutes?: { value: string; line: number };
  /** `<!-- _pptxLayout: 名称 -->`: the template layout this slide takes in the editable PPTX, as written. */
  pptxLayout?: { value: string; line: number };
  /** The directives Marp reads in the slide's comments (`_class`, `theme`), with their lines. */
  directives: { name: string; line: number }[];
  /** A knowledge check: the slide's question, options and explanation (validation checks them). */
  quiz?: QuizReading;
}

/**
 * A comment, code fence, math or HTML block that runs past the end of the body (`end`),
 * swallowing what follows, or a comment that runs into the next one (`next`), swallowing what
 * lies between: Marp reads both so, and the author meant neither.
 */
export interface Unclosed {
  what: string;
  line: number;
  /** `nesting`: lists or quotes as deep as markdown-it reads, at `line`; Marp reads nothing after it. */
  until: 'end' | 'next' | 'nesting';
}

export interface ReadSlides {
  slides: SourceSlide[];
  unclosed?: Unclosed;
}
