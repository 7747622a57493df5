import { describe, expect, it } from 'vitest';
import { LecternError } from '../../src/core/errors.js';
import { outputFiles, parseFormats } from '../../src/build/formats.js';

describe('parseFormats', () => {
  it('reads nothing and all as the default five, in their order', () => {
    const five = ['html', 'pdf', 'handout', 'script', 'pptx'];
    expect(parseFormats(undefined)).toEqual(five);
    expect(parseFormats('all')).toEqual(five);
  });

  it('reads a comma list in any case and spacing, once each, in the table order', () => {
    expect(parseFormats(' PDF , html,pdf,,')).toEqual(['html', 'pdf']);
    expect(parseFormats('share,images,pptx-pictures')).toEqual(['pptx-pictures', 'images', 'share']);
    expect(parseFormats('all,images')).toEqual(['html', 'pdf', 'handout', 'script', 'pptx', 'images']);
  });

  it.each([
    ['html,docx', /unknown format docx/],
    ['', /unknown format \(empty\)/],
    [' , ', /unknown format \(empty\)/],
  ])('refuses %j as a usage error (exit 2) with the list in its hint', (value, message) => {
    let thrown: unknown;
    try {
      parseFormats(value);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(LecternError);
    const error = thrown as LecternError;
    expect(error.message).toMatch(message);
    expect(error.exitCode).toBe(2);
    expect(error.hint).toMatch(/html, pdf, handout, script, pptx, pptx-pictures, images, share/);
  });
});

describe('the PPTX formats', () => {
  it('writes the editable PPTX as pptx, by default, and the pictures only when asked', () => {
    expect(parseFormats(undefined)).toContain('pptx');
    expect(parseFormats(undefined)).not.toContain('pptx-pictures');
    expect(outputFiles('course', 'pptx')).toEqual(['course.pptx']);
    expect(outputFiles('course', 'pptx-pictures')).toEqual(['course-pictures.pptx']);
  });

  it('still reads pptx-editable, the name before the editable PPTX became pptx', () => {
    expect(parseFormats('pdf,pptx-editable')).toEqual(['pdf', 'pptx']);
    expect(parseFormats('pptx,pptx-editable')).toEqual(['pptx']);
  });
});
