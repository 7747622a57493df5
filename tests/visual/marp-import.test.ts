import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/compose/compose-deck.js';
import { loadDeck } from '../../src/load/load-deck.js';
import { validateDeck } from '../../src/validate/validate-deck.js';
import { FIXTURES, ROOT, lectern } from '../helpers/cli.js';
import { renderPdfGrey, type Grey } from '../helpers/pixels.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Marp decks written as Marp users write them (global directives in front matter, a background
 * image directive, shortcodes, a header per section, headingDivider, a style with a commented-out
 * @import, `: ` in a footer) go through `lectern import` untouched and build without errors, and
 * each content page of lectern's PDF is the page marp-cli prints from the source file, pixel for
 * pixel, outside the header and footer band (where lectern's page number counts its own slides).
 */
const THEMES = ['default', 'gaia', 'uncover'] as const;
const MARP = join(ROOT, 'node_modules', '.bin', 'marp');
const DPI = 48;
/** The header's and footer's band at the top and bottom: 80 of the slide's 720 pixels. */
const BAND = 80 / 720;
/** Share of pixels outside the band that may differ (beyond pixelmatch's anti-aliasing tolerance). */
const MAX_DIFFERING = 0.01;
/** Every request to the network fails at once: marp-cli's twemoji and Gaia's web font stay unloaded. */
const OFFLINE = {
  ALL_PROXY: 'http://127.0.0.1:9',
  HTTP_PROXY: 'http://127.0.0.1:9',
  HTTPS_PROXY: 'http://127.0.0.1:9',
};

function rgba(g: Grey): Uint8Array {
  const out = new Uint8Array(g.width * g.height * 4);
  g.data.forEach((v, i) => out.set([v, v, v, 255], i * 4));
  return out;
}

/** The share of pixels outside the header and footer band that differ between two pages. */
function differing(a: Grey, b: Grey): number {
  const top = Math.ceil(a.height * BAND);
  const rows = a.height - 2 * top;
  const cut = (g: Grey) =>
    rgba({ ...g, height: rows, data: g.data.subarray(top * g.width, (top + rows) * g.width) });
  const diff = pixelmatch(cut(a), cut(b), undefined, a.width, rows, { threshold: 0.1 });
  return diff / (a.width * rows);
}

describe.each(THEMES)('a Marp deck in the %s theme', (theme) => {
  it('imports with no hand edit, builds with 0 errors, and its content pages match marp-cli’s PDF', async () => {
    const dir = tempDir('lectern-marp-import-');
    const source = join(FIXTURES, 'marp-import', theme, 'talk.md');
    const deck = join(dir, 'deck');
    const imported = lectern(['import', source, '--out', deck]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);

    const built = lectern(['build', deck, '--out', join(dir, 'out'), '--format', 'pdf'], {
      env: { CHROME_PATH: '/usr/bin/chromium' },
    });
    expect(built.stderr).not.toMatch(/error:/);
    expect(built.code).toBe(0);

    const marpPdf = join(dir, 'marp.pdf');
    const marp = spawnSync(MARP, ['--pdf', '--allow-local-files', source, '-o', marpPdf], {
      env: { ...process.env, CHROME_PATH: '/usr/bin/chromium', ...OFFLINE },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(marp.status, marp.stderr).toBe(0);

    // Which pages of lectern's PDF are the source's slides: content pages outside the review.
    const loaded = await loadDeck(deck);
    const composed = composeDeck(validateDeck(loaded).model!);
    const contentPages = composed.slides.flatMap((s, i) =>
      s.kind === 'content' && !s.chapter?.isReview ? [i] : [],
    );
    const theirs = renderPdfGrey(marpPdf, DPI);
    const ours = renderPdfGrey(join(dir, 'out', 'deck.pdf'), DPI);
    expect(contentPages.length).toBe(theirs.length);
    const shares = theirs.map((page, i) => differing(page, ours[contentPages[i]!]!));
    for (const [i, share] of shares.entries())
      expect(share, `slide ${i + 1}: ${(share * 100).toFixed(2)} %`).toBeLessThan(MAX_DIFFERING);
  }, 240_000);
});
