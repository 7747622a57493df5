import { describe, expect, it } from 'vitest';
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
  it("takes dk2 as the primary and accent2 as the accent from Office's scheme", () => {
    expect(templateBrand(theme(OFFICE))).toEqual({ primary: '#1f497d', accent: '#c0504d' });
  });

  it('passes over colours white titles would not read on', () => {
    // A pale dk2 and accent1 under white text: accent2 is the first dark enough; the accent, accent1.
    const pale = { ...OFFICE, dk2: '7F9FC8', accent1: 'F2F2F2' };
    expect(whiteContrast('7F9FC8')).toBeLessThan(4.5);
    expect(templateBrand(theme(pale))).toEqual({ primary: '#c0504d', accent: '#f2f2f2' });
  });

  it('gives no colour where the scheme has none', () => {
    expect(templateBrand(theme({}))).toEqual({});
  });
});
