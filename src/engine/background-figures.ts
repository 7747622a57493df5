// A Marp background picture is a <figure> drawn by CSS, its alt text (if any) a <figcaption>
// Marp hides. Chromium tags every <figure> as a Figure in the printed PDF, so a background
// without alt text became a Figure without /Alt, and one with alt text a Figure whose /Alt is
// missing too (the caption is a child, not the figure's name). A background without words is
// decoration: hidden from assistive technology, an artifact in the PDF. One with words is a
// picture named by them, in every output that shows the slides.

interface Token {
  attrSet: (name: string, value: string) => void;
  meta?: { marpitBackgroundAlt?: string };
}
type Rule = (tokens: Token[], idx: number, ...rest: unknown[]) => string;
interface MarkdownIt {
  renderer: { rules: Record<string, Rule | undefined> };
}

const RULE = 'marpit_advanced_background_image_open';

export function backgroundFigures(md: MarkdownIt): void {
  const render = md.renderer.rules[RULE];
  if (!render) return;
  md.renderer.rules[RULE] = (tokens, idx, ...rest) => {
    const token = tokens[idx]!;
    const alt = token.meta?.marpitBackgroundAlt?.trim();
    if (alt) {
      token.attrSet('role', 'img');
      token.attrSet('aria-label', alt);
    } else token.attrSet('aria-hidden', 'true');
    return render(tokens, idx, ...rest);
  };
}
