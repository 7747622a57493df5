import type { LabelOverrides } from '../core/label-overrides.js';
import type { ImageAsset } from '../load/load-images.js';
import type { SourceSlide } from '../load/split-slides.js';
import type { HANDOUT_PER_PAGE, HandoutExtra } from './fields.js';
import type { PptxTemplate } from '../load/template/template-model.js';

export type HandoutPerPage = (typeof HANDOUT_PER_PAGE)[number];

/** A validated deck, with every setting resolved to its type and default. */
export interface DeckModel {
  dir: string;
  /** Output base name: deck.md `name:` or the folder's name. */
  name: string;
  title: string;
  subtitle?: string;
  presenter?: string;
  date?: string;
  organization?: string;
  lang: string;
  theme: string;
  size: '16:9' | '4:3';
  /** Minutes planned for the whole course. */
  duration?: number;
  /** deck.md `start: "09:00"`: when the course begins, in minutes after midnight (the script's time plan). */
  start?: number;
  closing: string;
  brand: Brand;
  titleNotes: string[];
  agendaNotes?: string;
  closingNotes?: string;
  /** Web addresses shown as QR codes on the closing slide and the handout's last page. */
  feedback?: string;
  materials?: string;
  /** The percentage of the knowledge checks' points that passes (SCORM passed / failed); none: completion only. */
  masteryScore?: number;
  /** deck.md `labels:`: the words lectern writes, reworded (deckLabels gives the whole set). */
  labels: LabelOverrides;
  /** The handout's slides a page and the generated slides it keeps (deck.md `handout:`). */
  handout: { perPage: HandoutPerPage; include: HandoutExtra[] };
  /** Chapters 01 … N and, last, the closing review (only the chosen ones for `--chapters`). */
  chapters: ChapterModel[];
  /** With `--chapters`: the whole course, which the agenda shows with the chosen chapters highlighted. */
  course?: ChapterModel[];
  assets: Map<string, ImageAsset>;
  /**
   * Marp's directives from deck.md that hold for every slide (`paginate`, `header`, `footer`,
   * `class`, `backgroundColor`, `style`, …), as Marpit reads them: text. `headingDivider` is
   * applied when the chapters are read, `math` is always MathJax, and lectern's own keys are fields.
   */
  directives: Record<string, string>;
  /** Whether any slide or deck.md sets `header` / `footer`: then the deck's are shown, never lectern's. */
  ownsHeader: boolean;
  ownsFooter: boolean;
  /** deck.md `pptxTemplate:`: the company's PowerPoint template the editable PPTX is built on. */
  pptxTemplate?: PptxTemplate;
  /** deck.md `pptxLayouts:`: a template layout's name for a kind of slide (title, agenda, divider, content, closing, …). */
  pptxLayouts: Record<string, string>;
  /** deck.md as shown in messages. */
  deckFile: string;
  /** deck.md's line of each front matter key, for findings about the slides a key makes. */
  keyLines: Record<string, number>;
}

export interface Brand {
  primary?: string;
  accent?: string;
  /** Real path of the logo inside the deck folder. */
  logo?: string;
}

export interface ChapterModel {
  number: number;
  /** Two digits, as on the agenda: 01. */
  label: string;
  title: string;
  subtitle?: string;
  minutes?: number;
  /** Speaker notes for the chapter's divider slide. */
  notes?: string;
  isReview: boolean;
  file: string;
  /** The chapter file's line of each front matter key (its `title:` makes the divider). */
  keyLines: Record<string, number>;
  slides: SourceSlide[];
}

/**
 * Minutes the chapters plan in all. Read from a validated model or from raw front matter, so
 * anything but a positive number counts as none.
 */
export function plannedMinutes(chapters: readonly { minutes?: unknown }[]): number {
  return chapters.reduce<number>(
    (sum, c) => sum + (typeof c.minutes === 'number' && c.minutes > 0 ? c.minutes : 0),
    0,
  );
}
