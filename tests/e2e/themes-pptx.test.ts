import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, lectern } from '../helpers/cli.js';
import { ooxmlErrors } from '../helpers/ooxml.js';
import { pdfWords, renderPdfGrey } from '../helpers/pixels.js';
import { libreOfficePdf, pptxOutline } from '../helpers/readers.js';
import { tempDir } from '../helpers/temp.js';
import { parseXml } from '../../src/core/xml-tree.js';

// A deck in Marp's default theme: its editable PPTX takes the theme's colours from the slides
// as the browser shows them, and none of lectern's corporate theme.

const dir = tempDir('lectern-themes-pptx-');
const out = join(dir, 'out');
const file = join(out, 'themes-default.pptx');
let zip: JSZip;
let run: ReturnType<typeof lectern>;
let pdf: string | undefined;
/** The PPTX as LibreOffice draws it, converted once. */
const opened = () => (pdf ??= libreOfficePdf(file, dir));

/** The corporate theme's navy, orange, ink, muted grey, card and table rule (pptx-layouts.ts). */
const CORPORATE = ['0B3D6E', 'E8A317', '1D2633', '5B6778', 'F2F5F9', 'C9D2DE', 'DFE5EE'];

beforeAll(async () => {
  run = lectern(['build', join(FIXTURES, 'themes-default'), '--out', out, '--format', 'pptx']);
  zip = await JSZip.loadAsync(readFileSync(file));
});

describe("a default-theme deck's editable PPTX", () => {
  it('builds, with 0 Open XML SDK validator errors', async () => {
    expect(run.code, run.stderr).toBe(0);
    expect(await ooxmlErrors(file)).toEqual([]);
  });

  it("holds none of the corporate theme's colours", async () => {
    const parts = Object.keys(zip.files).filter((n) =>
      /^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(n),
    );
    const found: string[] = [];
    for (const name of parts) {
      const xml = (await zip.file(name)!.async('string')).toUpperCase();
      for (const colour of CORPORATE) if (xml.includes(`VAL="${colour}"`)) found.push(`${name}: ${colour}`);
    }
    expect(found).toEqual([]);
  });

  it("titles each slide with its heading, in the deck's language", async () => {
    const outline = await pptxOutline(file);
    expect(outline.slice(3, 6)).toEqual(['Three habits', 'A dark slide', 'Notes on method']);
    expect(await zip.file('ppt/slides/slide4.xml')!.async('string')).toContain('lang="en-US"');
  });

  it('shows the `_backgroundColor` slide dark and the others light, opened in LibreOffice', () => {
    const pages = renderPdfGrey(opened(), 20);
    const mean = (p: { data: Uint8Array }) => p.data.reduce((n, v) => n + v, 0) / p.data.length;
    // Slide 5 sets `_backgroundColor: #1e2a38` (grey 40) and `_color: #f5f5f5`.
    expect(mean(pages[4]!)).toBeLessThan(70);
    expect(mean(pages[3]!)).toBeGreaterThan(200);
  });

  it("places the theme's page number where Marp draws it, bottom right, opened in LibreOffice", () => {
    const words = pdfWords(opened());
    // A 16:9 page in points (LibreOffice keeps the PPTX's 13.33 × 7.5 in).
    for (const page of [4, 5, 6]) {
      const number = words.filter((w) => w.page === page && w.text === String(page));
      expect(
        number.some((w) => w.x0 > 720 && w.y0 > 405),
        `slide ${page}`,
      ).toBe(true);
    }
  });

  it('sets inline code at the size the theme shows it, smaller than the text around it', async () => {
    const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
    const doc = parseXml(await zip.file('ppt/slides/slide5.xml')!.async('string'));
    const size = (text: string) => {
      const run = doc.getElementsByTagNameNS(A, 'r').find((r) => r.textContent.trim() === text);
      return Number(run?.getElementsByTagNameNS(A, 'rPr')[0]?.getAttribute('sz'));
    };
    // The default theme sets `code` at 85 % of its paragraph's size.
    expect(size('_backgroundColor') / size('set it.')).toBeCloseTo(0.85, 1);
  });
});
