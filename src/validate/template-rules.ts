import { error, warning, type Problem } from '../core/problem.js';
import { EMBEDDED_FACE, EMBEDDED_FACE_NAMES } from '../fonts/embedded-font.js';
import type { LoadedDeck } from '../load/load-deck.js';
import { at } from './field-problems.js';
import type { Rule } from './rule.js';

/** The kinds of slide deck.md `pptxLayouts:` may give a template layout (README: the mapping table). */
export const LAYOUT_KINDS = [
  'title',
  'agenda',
  'divider',
  'content',
  'comparison',
  'picture',
  'closing',
] as const;
export type LayoutKind = (typeof LAYOUT_KINDS)[number];

/** deck.md `pptxLayouts:` as validated: kind → layout name. */
export function layoutsOf(v: unknown): Record<string, string> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return {};
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>).flatMap(([k, name]) =>
      typeof name === 'string' ? [[k, name.trim()]] : [],
    ),
  );
}

/** deck.md `theme: template`: lectern's theme in the colours of the `pptxTemplate:` (template-palette.ts). */
export const TEMPLATE_THEME = 'template';

const names = (loaded: LoadedDeck) => loaded.template!.layouts.map((l) => `"${l.name}"`).join(', ');

/**
 * The template's settings: `pptxLayouts:` and each slide's `_pptxLayout` name layouts the
 * template has, and neither means anything without `pptxTemplate:`.
 */
export const templateRules: Rule[] = [
  {
    name: 'template-theme',
    check: (loaded) => {
      const deck = loaded.deck;
      if (!deck || deck.data.theme !== TEMPLATE_THEME || deck.data.pptxTemplate !== undefined) return [];
      return [
        error(
          'theme-invalid',
          { file: deck.shownAs, line: at(deck, 'theme') },
          "theme: template takes its colours from the company's template, and deck.md names none",
          'add pptxTemplate: brand/company.potx, or choose another theme (corporate, default, gaia, uncover)',
        ),
      ];
    },
  },
  {
    // The HTML and the PDFs carry their font inside them; lectern ships one face, so a template's
    // Calibri or 微软雅黑 cannot follow it there (the PPTX names the template's own faces).
    name: 'template-fonts',
    check: (loaded) => {
      const deck = loaded.deck;
      if (!deck || deck.data.theme !== TEMPLATE_THEME || !loaded.template) return [];
      const { major, minor } = loaded.template.theme;
      const faces = [major.latin, major.ea, minor.latin, minor.ea].filter(
        (f): f is string => !!f && !EMBEDDED_FACE_NAMES.includes(f),
      );
      const named = [...new Set(faces)];
      if (!named.length) return [];
      return [
        warning(
          'template-fonts',
          { file: deck.shownAs, line: at(deck, 'theme') },
          `the template's fonts (${named.join(', ')}) cannot be embedded: the HTML and the PDFs show ${EMBEDDED_FACE}`,
          `the PPTX keeps the template's fonts; for one face everywhere, set the template's theme fonts to ${EMBEDDED_FACE}`,
        ),
      ];
    },
  },
  {
    name: 'pptx-layouts',
    check: (loaded) => {
      const deck = loaded.deck;
      const v = deck?.data.pptxLayouts;
      if (!deck || v === undefined) return [];
      const where = (key: string) => ({
        file: deck.shownAs,
        line: deck.keyLines[`pptxLayouts.${key}`] ?? at(deck, 'pptxLayouts'),
      });
      if (deck.data.pptxTemplate === undefined)
        return [
          error(
            'pptx-template',
            where(''),
            "pptxLayouts needs pptxTemplate: the layouts it names are a template's",
            'add pptxTemplate: brand/company.potx, or delete pptxLayouts',
          ),
        ];
      if (v === null || typeof v !== 'object' || Array.isArray(v))
        return [
          error(
            'field-type',
            where(''),
            'pptxLayouts must be a mapping of slide kinds to layout names',
            `e.g. pptxLayouts: { divider: "节标题" } (kinds: ${LAYOUT_KINDS.join(', ')})`,
          ),
        ];
      const out: Problem[] = [];
      for (const [kind, name] of Object.entries(v as Record<string, unknown>)) {
        if (!(LAYOUT_KINDS as readonly string[]).includes(kind))
          out.push(
            error(
              'field-type',
              where(kind),
              `pptxLayouts has an unknown kind of slide "${kind}"`,
              `it takes ${LAYOUT_KINDS.join(', ')}`,
            ),
          );
        else if (typeof name !== 'string' || !name.trim())
          out.push(
            error(
              'field-type',
              where(kind),
              `pptxLayouts.${kind} must be a layout's name`,
              'quote the name as the template shows it',
            ),
          );
        else if (loaded.template && !loaded.template.layouts.some((l) => l.name === name.trim()))
          out.push(
            error(
              'pptx-template',
              where(kind),
              `pptxLayouts.${kind}: the template has no layout "${name.trim()}"`,
              `its layouts: ${names(loaded)}`,
            ),
          );
      }
      return out;
    },
  },
  {
    name: 'slide-pptx-layout',
    check: (loaded) => {
      const out: Problem[] = [];
      for (const c of loaded.chapters)
        for (const s of c.slides) {
          const set = s.pptxLayout;
          if (!set) continue;
          const where = { file: c.shownAs, line: set.line };
          if (loaded.deck && loaded.deck.data.pptxTemplate === undefined)
            out.push(
              error(
                'pptx-template',
                where,
                `_pptxLayout: ${set.value} needs pptxTemplate in deck.md`,
                'add pptxTemplate: brand/company.potx to deck.md, or delete the comment',
              ),
            );
          else if (loaded.template && !loaded.template.layouts.some((l) => l.name === set.value))
            out.push(
              error(
                'pptx-template',
                where,
                `_pptxLayout: the template has no layout "${set.value}"`,
                `its layouts: ${names(loaded)}`,
              ),
            );
        }
      return out;
    },
  },
];
