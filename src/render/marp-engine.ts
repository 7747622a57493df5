import { Marp, type MarpOptions } from '@marp-team/marp-core';
import { MARP_OPTIONS } from './marp-options.js';

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

/** The one Marp engine of every output: marp-core with lectern's options and plugins. */
export function createMarp(options: MarpOptions = MARP_OPTIONS): Marp {
  return new Marp(options).use(allowEmbeddedSvg);
}
