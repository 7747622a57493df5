import { basename, resolve } from 'node:path';
import type { LabelOverrides } from '../core/label-overrides.js';
import { defaultClosing } from '../core/labels.js';
import type { Brand, ChapterModel, DeckModel } from './deck-model.js';
import type { LoadedDeck } from '../load/load-deck.js';
import { normalizeImageSrc } from '../load/load-images.js';
import { LecternError } from '../core/errors.js';
import { errorsOf, type Problem } from '../core/problem.js';
import { asText, clockMinutes, webAddress, type HandoutExtra } from './fields.js';
import { chapterCount, rules } from './rules.js';
import { MARP_LOCAL_DIRECTIVES, directiveText } from '../engine/marp-directives.js';
import { layoutsOf, TEMPLATE_THEME } from './template-rules.js';
import { templateBrand } from './template-palette.js';
import { templateLogoKey } from '../load/template/template-model.js';

/** deck.md's Marp directives the composed deck carries for every slide. */
const PASSED_ON: readonly string[] = [
  ...MARP_LOCAL_DIRECTIVES,
  'style',
  'author',
  'description',
  'keywords',
  'url',
  'image',
];

export interface Validation {
  problems: Problem[];
  /** Present only when there are no errors. */
  model?: DeckModel;
}

/** The model of a deck that validated; otherwise the error that lists every problem. */
export function requireValid(loaded: LoadedDeck, validation: Validation): DeckModel {
  const errors = errorsOf(validation.problems);
  if (errors.length === 0 && validation.model) return validation.model;
  throw new LecternError(
    `${loaded.shownDir} has ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was written`,
    {
      exit: 'INVALID_DECK',
      problems: validation.problems,
    },
  );
}

/** Runs every rule, then, when nothing blocks, resolves settings and defaults into a DeckModel. */
export function validateDeck(loaded: LoadedDeck): Validation {
  const problems = [...loaded.problems, ...rules.flatMap((r) => r.check(loaded))];
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  if (errorsOf(problems).length > 0 || !loaded.deck) return { problems };
  return { problems, model: toModel(loaded) };
}

function toModel(loaded: LoadedDeck): DeckModel {
  const deck = loaded.deck!;
  const d = deck.data;
  const n = chapterCount(loaded);
  const lang = asText(d.lang) ?? 'zh-CN';
  const chapters: ChapterModel[] = loaded.chapters
    .filter((c) => c.number >= 1 && c.number <= n + 1)
    .sort((a, b) => a.number - b.number)
    .map((c) => ({
      number: c.number,
      label: String(c.number).padStart(2, '0'),
      title: asText(c.data.title)!,
      subtitle: asText(c.data.subtitle),
      minutes: typeof c.data.minutes === 'number' ? c.data.minutes : undefined,
      notes: asText(c.data.notes),
      isReview: c.number === n + 1,
      file: c.shownAs,
      keyLines: c.keyLines,
      slides: c.slides.filter((s) => s.markdown !== ''),
    }));
  return {
    dir: loaded.dir,
    name: asText(d.name) ?? basename(loaded.dir),
    title: asText(d.title)!,
    subtitle: asText(d.subtitle),
    presenter: asText(d.presenter),
    date: asText(d.date),
    organization:
      asText(d.organization) ?? asText((d.brand as Record<string, unknown> | undefined)?.organization),
    lang,
    // `theme: template`: lectern's theme in the template's colours (template-palette.ts).
    theme: asText(d.theme) === TEMPLATE_THEME ? 'corporate' : (asText(d.theme) ?? 'corporate'),
    size: d.size === '4:3' ? '4:3' : '16:9',
    duration: typeof d.duration === 'number' ? d.duration : undefined,
    ...(clockMinutes(d.start) === undefined ? {} : { start: clockMinutes(d.start) }),
    closing: asText(d.closing) ?? defaultClosing(lang),
    brand: {
      ...(asText(d.theme) === TEMPLATE_THEME && loaded.template ? templateBrand(loaded.template.theme) : {}),
      ...(asText(d.theme) === TEMPLATE_THEME && loaded.template?.logo
        ? { logo: templateLogoKey(loaded.template.file, loaded.template.logo) }
        : {}),
      // deck.md's own brand colours win over the template's.
      ...Object.fromEntries(Object.entries(toBrand(loaded)).filter(([, v]) => v !== undefined)),
    },
    titleNotes: deck.notes,
    agendaNotes: asText(d.agendaNotes),
    closingNotes: asText(d.closingNotes),
    feedback: webAddress(d.feedback),
    materials: webAddress(d.materials),
    ...(typeof d.masteryScore === 'number' ? { masteryScore: d.masteryScore } : {}),
    handout: handoutOf(d.handout),
    labels: labelsOf(d.labels),
    chapters,
    assets: loaded.assets,
    directives: directivesOf(d),
    ownsHeader: owns(loaded, 'header'),
    ownsFooter: owns(loaded, 'footer'),
    ...(loaded.template ? { pptxTemplate: loaded.template } : {}),
    pptxLayouts: layoutsOf(d.pptxLayouts),
    deckFile: deck.shownAs,
    keyLines: deck.keyLines,
  };
}

/** deck.md `handout:`, validated already (fields.ts): three slides a page and no extras unless it says so. */
function handoutOf(v: unknown): DeckModel['handout'] {
  const h = (v ?? {}) as {
    perPage?: DeckModel['handout']['perPage'];
    include?: HandoutExtra | HandoutExtra[];
  };
  const include = h.include === undefined ? [] : Array.isArray(h.include) ? h.include : [h.include];
  return { perPage: h.perPage ?? 3, include: [...new Set(include)] };
}

/** deck.md `labels:`, validated already (fields.ts); an empty value is kept: it drops its line. */
function labelsOf(v: unknown): LabelOverrides {
  if (v === null || typeof v !== 'object') return {};
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>).map(([key, value]) => [key, asText(value) ?? '']),
  );
}

function directivesOf(data: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of PASSED_ON) {
    const text = directiveText(data[key]);
    if (text !== undefined) out[key] = Array.isArray(text) ? text.join(' ') : text;
  }
  return out;
}

/** Whether deck.md or any slide sets the directive (`header:` or `_header:`), as Marp reads it. */
function owns(loaded: LoadedDeck, key: 'header' | 'footer'): boolean {
  if (loaded.deck && key in loaded.deck.data) return true;
  return loaded.chapters.some((c) =>
    c.slides.some((s) => s.directives.some((d) => d.name === key || d.name === `_${key}`)),
  );
}

function toBrand(loaded: LoadedDeck): Brand {
  const b = loaded.deck?.data.brand as Record<string, unknown> | undefined;
  if (!b || typeof b !== 'object') return {};
  return {
    primary: typeof b.primary === 'string' ? b.primary.trim() : undefined,
    accent: typeof b.accent === 'string' ? b.accent.trim() : undefined,
    logo: typeof b.logo === 'string' ? resolve(loaded.dir, normalizeImageSrc(b.logo)) : undefined,
  };
}
