import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside } from '../../src/core/path-within.js';
import { tempDir } from '../helpers/temp.js';

describe('isInside', () => {
  it('counts a name that starts with two dots as inside, and a step up as outside', () => {
    expect(isInside('/deck', '/deck/..brand.css')).toBe(true);
    expect(isInside('/deck', '/deck/..')).toBe(false);
    expect(isInside('/deck', '/deck/../out')).toBe(false);
    expect(isInside('/deck', '/deck/assets/../../out')).toBe(false);
    expect(isInside('/deck', '/deck/assets/../pic.png')).toBe(true);
    expect(isInside('/deck', '/deck-out/x')).toBe(false);
  });

  it('counts the folder itself unless strict', () => {
    expect(isInside('/deck', '/deck')).toBe(true);
    expect(isInside('/deck', '/deck/')).toBe(true);
    expect(isInside('/deck', '/deck', { strict: true })).toBe(false);
    expect(isInside('/deck', '/deck/.', { strict: true })).toBe(false);
    expect(isInside('/deck', '/deck/a.md', { strict: true })).toBe(true);
  });

  it('compares absolute paths and resolves relative ones against the working folder', () => {
    expect(isInside('/deck', '/etc/passwd')).toBe(false);
    expect(isInside(process.cwd(), 'slides/deck.md')).toBe(true);
    expect(isInside('slides', join(process.cwd(), 'slides', 'a.md'))).toBe(true);
    expect(isInside('slides', '../slides/a.md')).toBe(false);
  });

  it('reads Windows paths as Windows does: either slash, any case, other drives outside', () => {
    const paths = win32;
    expect(isInside('C:\\deck', 'C:\\deck\\..brand.css', { paths })).toBe(true);
    expect(isInside('C:\\deck', 'C:\\deck\\..\\out', { paths })).toBe(false);
    expect(isInside('C:\\deck', 'C:/deck/assets/a.png', { paths })).toBe(true);
    expect(isInside('C:\\Deck', 'c:\\DECK\\a.md', { paths })).toBe(true);
    expect(isInside('C:\\deck', 'D:\\deck\\a.md', { paths })).toBe(false);
    expect(isInside('C:\\deck', '\\\\server\\share\\deck\\a.md', { paths })).toBe(false);
    // On POSIX a backslash is part of a name: `..\out` is a file inside the deck.
    expect(isInside('/deck', '/deck/..\\out', { paths: posix })).toBe(true);
  });

  it('does not follow links: callers compare real paths where a link could lead out', () => {
    const root = tempDir('lectern-inside-');
    mkdirSync(join(root, 'deck'));
    writeFileSync(join(root, 'secret.md'), 'x');
    symlinkSync(join(root, 'secret.md'), join(root, 'deck', 'link.md'));
    const deck = join(root, 'deck');
    expect(isInside(deck, join(deck, 'link.md'))).toBe(true);
    expect(isInside(realpathSync(deck), realpathSync(join(deck, 'link.md')))).toBe(false);
  });
});
