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
    let cards = 0;
    let multiLine = 0;
    const misses: string[] = [];
    for (const [name, doc] of parts) {
      const n = /^ppt\/slides\/slide(\d+)\.xml$/.exec(name)?.[1];
      if (!n) continue;
      for (const shape of [...doc.getElementsByTagNameNS(P, 'sp')]) {
        const paras = [...shape.getElementsByTagNameNS(A, 'p')].map((p) => letters(p.textContent ?? ''));
        // A card: its number alone in the first paragraph, its title and text after it.
        if (!/^0\d$/.test(paras[0] ?? '') || paras.length < 3) continue;
        cards++;
        if (paras.length > 3) multiLine++;
        for (const line of paras.slice(1))
          if (!pdfLines.get(Number(n))?.has(line)) misses.push(`slide ${n}: ${line}`);
      }
    }
    expect(cards).toBeGreaterThan(20);
    expect(multiLine).toBeGreaterThan(10);
    expect(misses).toEqual([]);

    // Every other text that wraps in a card-like list item (a role's brief, a step, a checklist
    // line) is broken where the PDF breaks it too: PowerPoint's own wrapping left "排。" alone on
    // the role-play's last line, which the slides keep with the character before it.
    let wrapped = 0;
    const wrapMisses: string[] = [];
    for (const [name, doc] of parts) {
      const n = /^ppt\/slides\/slide(\d+)\.xml$/.exec(name)?.[1];
      if (!n) continue;
      for (const shape of [...doc.getElementsByTagNameNS(P, 'sp')]) {
        const paras = [...shape.getElementsByTagNameNS(A, 'p')];
        const bulleted = paras.some(
          (p) =>
            p.getElementsByTagNameNS(A, 'buChar').length || p.getElementsByTagNameNS(A, 'buAutoNum').length,
        );
        const lines = paras.map((p) => letters(p.textContent ?? '')).filter(Boolean);
        if (bulleted || lines.length < 2 || /^0\d$/.test(lines[0]!)) continue;
        wrapped++;
        for (const line of lines)
          if (!pdfLines.get(Number(n))?.has(line)) wrapMisses.push(`slide ${n}: ${line}`);
      }
    }
    expect(wrapped).toBeGreaterThan(3);
    expect(wrapMisses).toEqual([]);
  }, 120_000);
});
