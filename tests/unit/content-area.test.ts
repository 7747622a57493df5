import { describe, expect, it } from 'vitest';
import { contentArea } from '../../src/export/pptx/template/place-frames.js';
import type { TemplateLayout } from '../../src/load/template/template-model.js';

// The area a template's layout gives lectern's measured frames (tables, cards, code): its body
// placeholder's, ending above the footer, date and number placeholders content slides hold.

const PT = 12700;
const box = (x: number, y: number, w: number, h: number) => ({ x: x * PT, y: y * PT, w: w * PT, h: h * PT });
const SLIDE = { cx: 794 * PT, cy: 447 * PT };
const layout = (body: ReturnType<typeof box>, footY: number): TemplateLayout => ({
  name: 'Title, Content',
  part: 'ppt/slideLayouts/slideLayout2.xml',
  master: 'ppt/slideMasters/slideMaster1.xml',
  placeholders: [
    { type: 'title', box: box(43, 21, 709, 78) },
    { type: 'obj', box: body },
    { type: 'dt', box: box(35, footY, 184, 35) },
    { type: 'ftr', box: box(269, footY, 255, 35) },
    { type: 'sldNum', box: box(567, footY, 184, 35) },
  ],
});

describe('contentArea', () => {
  it("ends above the footer row where the body placeholder runs into it (LibreOffice's Vivid)", () => {
    const area = contentArea(layout(box(43, 113, 709, 319), 404), SLIDE);
    expect(area).toEqual(box(43, 113, 709, 404 - 113));
  });

  it('is the body placeholder where it ends above the footer row (Focus)', () => {
    expect(contentArea(layout(box(57, 113, 680, 283), 411), SLIDE)).toEqual(box(57, 113, 680, 283));
  });

  it('below the title, above the footer, on a title-only layout', () => {
    const only = layout(box(0, 0, 0, 0), 404);
    only.placeholders = only.placeholders.filter((p) => p.type !== 'obj');
    const area = contentArea(only, SLIDE);
    expect(area.y).toBeGreaterThan(99 * PT);
    expect(area.y + area.h).toBeLessThanOrEqual(404 * PT);
  });
});
