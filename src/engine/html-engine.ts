import { createMarp, type EngineOptions } from './marp-engine.js';

/**
 * The engine module marp-cli loads (`--engine`) for the bespoke HTML, so that the HTML renders
 * with the same plugins as every printed output. marp-cli passes the config's options
 * (MARP_OPTIONS) merged with its own.
 */
export default function htmlEngine(options: EngineOptions) {
  return createMarp(options);
}
