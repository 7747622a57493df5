import { describe, expect, it } from 'vitest';
import { outputFileName, parseFormats } from '../../src/formats.js';

describe('the PPTX formats', () => {
  it('writes the editable PPTX as pptx, by default, and the pictures only when asked', () => {
    expect(parseFormats(undefined)).toContain('pptx');
    expect(parseFormats(undefined)).not.toContain('pptx-pictures');
    expect(outputFileName('course', 'pptx')).toBe('course.pptx');
    expect(outputFileName('course', 'pptx-pictures')).toBe('course-pictures.pptx');
  });

  it('still reads pptx-editable, the name before the editable PPTX became pptx', () => {
    expect(parseFormats('pdf,pptx-editable')).toEqual(['pdf', 'pptx']);
    expect(parseFormats('pptx,pptx-editable')).toEqual(['pptx']);
  });
});
