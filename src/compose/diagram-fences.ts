import { parseMarkdown } from '../engine/markdown-tokens.js';
import { diagramKey, isDiagramFence } from '../engine/diagram-fence.js';
import type { ComposedDeck } from './composed-deck.js';

/** A ```mermaid fence of a content slide, with where it is written. */
export interface DiagramFence {
  /** The diagram's text, as markdown-it reads the fence's content. */
  source: string;
  /** Its name among the rendered drawings (diagramKey). */
  key: string;
  file: string;
  /** 1-based line of the opening ``` in the source file. */
  line: number;
  /** 0-based index of the slide in the composed deck. */
  slide: number;
}

/**
 * Every diagram fence of the composed deck, from Marp's tokens of each content slide's own
 * markdown: its first line is the slide's `line` (the slide's first non-blank line), so a
 * token's map gives the fence's line in the chapter file. Pure apart from a cached engine.
 */
export function diagramFences(composed: ComposedDeck): DiagramFence[] {
  return composed.slides.flatMap((info, slide) => {
    // A cheap test first: most slides have no diagram and need no second parse.
    if (info.kind !== 'content' || !info.body?.includes('mermaid')) return [];
    return parseMarkdown(info.body)
      .filter(isDiagramFence)
      .map((t) => ({
        source: t.content,
        key: diagramKey(t.content),
        file: info.file,
        line: info.line + (t.map?.[0] ?? 0),
        slide,
      }));
  });
}
