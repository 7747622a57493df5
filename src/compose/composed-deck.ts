// What compose hands on: the Marp markdown and what lectern knows of each slide. The types
// have a file of their own so the composer and the generated slides share them.

export type SlideKind = 'title' | 'agenda' | 'divider' | 'content' | 'closing';

/** What lectern knows of each slide of the composed deck, in order. */
export interface SlideInfo {
  kind: SlideKind;
  /** The chapter a divider or content slide belongs to. */
  chapter?: { label: string; title: string; minutes?: number; isReview: boolean };
  /** The header a content slide shows: lectern's chapter header, or the deck's own (none when it sets none there). */
  header?: string;
  /** The source the slide comes from, for file:line messages. */
  file: string;
  line: number;
  /** The slide's first heading, or the generated title. */
  heading?: string;
  notes: string;
  /** A content slide's own markdown, images embedded, directives and notes included. */
  body?: string;
  /** A content slide's time box (`<!-- minutes: 10 -->`), for exercises and role-plays. */
  minutes?: number;
  /** A content slide's theme layout: its explicit `_class` or the one its shape chose. */
  layout?: string;
  /** A knowledge check's question, options, key and explanation. */
  quiz?: SlideQuiz;
  /** A generated slide: the setting it is made from, named for a hint (`title:` in deck.md). */
  generatedFrom?: string;
}

/** A knowledge check as the outputs need it, its texts plain. */
export interface SlideQuiz {
  question: string;
  options: string[];
  /** The right options' indices, in order. */
  correct: number[];
  /** The explanation's paragraphs, one a line; '' for none. */
  explanation: string;
}

export interface ComposedDeck {
  markdown: string;
  slides: SlideInfo[];
  /** The markdown as its front matter and one part per slide (joined by `---`), to find where Marp disagrees. */
  parts?: { head: string; slides: string[] };
}
