import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, lectern } from '../helpers/cli.js';
import { pdfBlocks } from '../helpers/line-breaks.js';
import { tempDir } from '../helpers/temp.js';
import { strictXmlParts } from '../helpers/xml-parts.js';

const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const letters = (s: string) => s.replace(/\s+/g, '');

/**
 * Point cards wrap balanced in the slides (corporate.css): the editable PPTX breaks each card's
 * title and text where the slides PDF does, so a colleague's PowerPoint shows the same lines
 * (before, PowerPoint filled each line and the words moved: 5 of 13 placed on the course's cards).
 */
describe('point cards in the editable PPTX', () => {
  it("break their lines where the course's slides PDF does, and so does every wrapped card text", async () => {
    const out = tempDir('lectern-cards-');
    const run = lectern(['build', join(ROOT, 'slides'), '--out', out, '--format', 'pdf,pptx']);
    expect(run.code, run.stderr).toBe(0);
    const pdfLines = new Map<number, Set<string>>();
    for (const { page, lines } of pdfBlocks(join(out, 'slides.pdf'))) {
      const seen = pdfLines.get(page) ?? new Set<string>();
      for (const l of lines) seen.add(letters(l));
      pdfLines.set(page, seen);
    }
    const parts = await strictXmlParts(join(out, 'slides.pptx'));
    // Each text frame of each slide: its slide's number, its paragraphs' letters, and whether it has bullets.
    const frames = [...parts].flatMap(([name, doc]) => {
      const n = Number(/^ppt\/slides\/slide(\d+)\.xml$/.exec(name)?.[1] ?? 0);
      if (!n) return [];
      return [...doc.getElementsByTagNameNS(P, 'sp')].map((shape) => {
        const paras = [...shape.getElementsByTagNameNS(A, 'p')];
        const bulleted = paras.some(
          (p) =>
            p.getElementsByTagNameNS(A, 'buChar').length || p.getElementsByTagNameNS(A, 'buAutoNum').length,
        );
        return { n, paras: paras.map((p) => letters(p.textContent ?? '')), bulleted };
      });
    });
    const missing = (n: number, lines: string[]) =>
      lines.filter((line) => !pdfLines.get(n)?.has(line)).map((line) => `slide ${n}: ${line}`);
    // A card: its number a frame of its own (the theme's `::before`), its title and its text
    // frames beside it, each broken into the lines the PDF shows.
    const numbers = frames.filter((f) => f.paras.length === 1 && /^0\d$/.test(f.paras[0] ?? ''));
    expect(numbers.length).toBeGreaterThan(20);

    // Every other text that wraps in a card-like list item (a role's brief, a step, a checklist
    // line) is broken where the PDF breaks it too: PowerPoint's own wrapping left "排。" alone on
    // the role-play's last line, which the slides keep with the character before it.
    const wrapped = frames
      .map((f) => ({ ...f, paras: f.paras.filter(Boolean) }))
      .filter((f) => !f.bulleted && f.paras.length >= 2);
    expect(wrapped.length).toBeGreaterThan(20);
    expect(wrapped.flatMap((f) => missing(f.n, f.paras))).toEqual([]);
  }, 120_000);
});
