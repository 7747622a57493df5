import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { contrast, parseColour } from '../../src/core/colour.js';
import { templateBrand, whiteContrast } from '../../src/validate/template-palette.js';

const OFFICE = {
  dk1: '000000',
  lt1: 'FFFFFF',
  dk2: '1F497D',
  lt2: 'EEECE1',
  accent1: '4F81BD',
  accent2: 'C0504D',
  accent3: '9BBB59',
  accent4: '8064A2',
  accent5: '4BACC6',
  accent6: 'F79646',
};
const theme = (colours: Record<string, string>) => ({ colours, major: {}, minor: {} });

describe('templateBrand', () => {
  it('takes dk2 as the primary and accent2 as the accent when it reads on dk2 as large text', () => {
    const scheme = { ...OFFICE, accent2: 'F4A259' };
    expect(templateBrand(theme(scheme))).toEqual({ primary: '#1f497d', accent: '#f4a259' });
  });

  it("passes over accents that do not read on the primary: Office's red and blue on its dark blue", () => {
    // The divider's 180 px number stands in the accent on the primary: 3:1 at least.
    const on = (a: string, b: string) => contrast(parseColour(`#${a}`)!, parseColour(`#${b}`)!);
    expect(on('C0504D', '1F497D')).toBeLessThan(3);
    expect(on('4F81BD', '1F497D')).toBeLessThan(3);
    expect(on('9BBB59', '1F497D')).toBeGreaterThanOrEqual(3);
    expect(templateBrand(theme(OFFICE))).toEqual({ primary: '#1f497d', accent: '#9bbb59' });
  });

  it('takes the accent that reads best when none reads at 3:1', () => {
    const dim = { dk2: '1F497D', accent1: '4F81BD', accent2: 'C0504D', accent3: '8064A2' };
    expect(templateBrand(theme(dim))).toEqual({ primary: '#1f497d', accent: '#4f81bd' });
  });

  it('passes over colours white titles would not read on', () => {
    // A pale dk2 and accent1 under white text: accent2 is the first dark enough; the accent, accent1.
    const pale = { ...OFFICE, dk2: '7F9FC8', accent1: 'F2F2F2' };
    expect(whiteContrast('7F9FC8')).toBeLessThan(4.5);
    expect(templateBrand(theme(pale))).toEqual({ primary: '#c0504d', accent: '#f2f2f2' });
  });

  it("reads a scheme's colours without loading css-tree's parser (its grammar costs every build some 80 ms)", () => {
    templateBrand(theme(OFFICE));
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    expect(loaded.filter((k) => /css-tree[\\/]cjs[\\/]index\.cjs$/.test(k))).toEqual([]);
  });

  it('gives no colour where the scheme has none', () => {
    expect(templateBrand(theme({}))).toEqual({});
  });
});
