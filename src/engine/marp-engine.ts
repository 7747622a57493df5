import type { Marp, MarpOptions } from '@marp-team/marp-core';
import { marpCore } from './marp-core.js';
import { lastLineKeep } from './last-line-keep.js';
import { termColon } from './term-colon.js';
import { backgroundFigures } from './background-figures.js';
import { MARP_OPTIONS } from './marp-options.js';
import { diagramFences, type DiagramSvgs } from './diagram-fence.js';

/** Pictures lectern embeds as data: URIs; markdown-it alone allows every one but SVG. */
const EMBEDDED_IMAGE = /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,/i;

interface LinkValidating {
  validateLink: (url: string) => boolean;
}

/**
 * markdown-it refuses `data:image/svg+xml` links (an SVG page can run script), so an SVG
 * diagram was shown as its markdown text. lectern embeds every local image itself as a
 * base64 data: URI, and an SVG shown through <img> or a CSS background runs no script and
 * loads nothing, so embedded SVG is let through; everything else keeps markdown-it's rule.
 */
export function allowEmbeddedSvg(md: LinkValidating): void {
  const validate = md.validateLink.bind(md);
  md.validateLink = (url: string) => EMBEDDED_IMAGE.test(url.trim()) || validate(url);
}

/**
 * Marp's options and lectern's own: the deck's rendered diagrams travel with the options, so
 * marp-cli, which passes its config's options to the engine module (html-engine.ts), renders
 * them too.
 */
export type EngineOptions = MarpOptions & { lecternDiagrams?: DiagramSvgs };

/**
 * The one Marp engine of every output: marp-core with lectern's options and plugins. marp-core
 * loads on the first call, not on import (see marp-core.ts): loading it took about 250 ms, and the unchanged-rebuild path imports the modules that use it without calling them.
 */
export function createMarp(options: EngineOptions = MARP_OPTIONS): Marp {
  const { Marp: MarpEngine } = marpCore();
  const { lecternDiagrams, ...marpOptions } = options;
  const marp = new MarpEngine(marpOptions).use(allowEmbeddedSvg).use(termColon).use(lastLineKeep);
  backgroundFigures(marp.markdown as Parameters<typeof backgroundFigures>[0]);
  if (lecternDiagrams) marp.use(diagramFences(lecternDiagrams));
  // `<!-- minutes: 10 -->` is lectern's time box, a setting: as a directive (that sets nothing)
  // Marp keeps it out of the speaker notes, and every reader of the tokens sees a setting.
  marp.customDirectives.local.minutes = () => ({});
  // `<!-- _pptxLayout: 标题和内容 -->`: the template layout of this slide in the editable PPTX, a setting too.
  marp.customDirectives.local.pptxLayout = () => ({});
  // A shortcode's emoji is marked, so the deck theme draws it with the embedded emoji face even
  // where a deck's own font-family leaves that face out of its stack (the browser falls back
  // only to system fonts, which may have no emoji).
  const escape = marp.markdown.utils.escapeHtml;
  marp.markdown.renderer.rules.marp_emoji = (tokens: { content: string }[], i: number) =>
    `<span data-lectern-emoji="">${escape(tokens[i]!.content)}</span>`;
  return marp;
}
