import { createHash } from 'node:crypto';

// ```mermaid fences become the drawings lectern rendered for them (build/diagrams.ts): the
// fence renderer, not the markdown, carries the SVG, so Marp's HTML allowlist, which would
// escape an <svg> written in a slide, stays as strict as it is for everything the author writes.

/** The fence language that marks a diagram. */
export const DIAGRAM_LANG = 'mermaid';

/** Rendered drawings by diagramKey of their source: what the engine shows in place of a fence. */
export type DiagramSvgs = Readonly<Record<string, string>>;

/** What this module reads of a markdown-it token (markdown-tokens.ts has the whole type). */
interface FenceToken {
  type: string;
  info: string;
  content: string;
}

/** Whether a markdown-it token is a diagram's fence (```mermaid, ~~~ mermaid, ```mermaid {attrs}). */
export function isDiagramFence(t: Pick<FenceToken, 'type' | 'info'>): boolean {
  return t.type === 'fence' && t.info.trim().split(/\s+/)[0]?.toLowerCase() === DIAGRAM_LANG;
}

/** A diagram's name among the rendered drawings: the hash of its source as markdown-it reads it. */
export function diagramKey(source: string): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 32);
}

interface FenceRenderer {
  renderer: {
    rules: Record<string, ((tokens: FenceToken[], idx: number, ...rest: unknown[]) => string) | undefined>;
  };
}

/**
 * A markdown-it plugin: a diagram fence whose drawing was rendered shows as that drawing, in a
 * paragraph of its own (the editable PPTX measures it as a picture); any other fence, and a
 * diagram not rendered, shows as markdown-it shows it.
 */
export function diagramFences(svgs: DiagramSvgs) {
  return (md: FenceRenderer): void => {
    const fence = md.renderer.rules.fence!;
    md.renderer.rules.fence = (tokens, idx, ...rest) => {
      const t = tokens[idx]!;
      const svg = isDiagramFence(t) ? svgs[diagramKey(t.content)] : undefined;
      return svg === undefined ? fence(tokens, idx, ...rest) : `<p class="lectern-diagram">${svg}</p>\n`;
    };
  };
}
