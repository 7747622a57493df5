import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/load/front-matter.js';

const parsed = (text: string) => {
  const r = parseFrontMatter(text, 'f.md');
  if (!r.ok) throw new Error(`expected front matter to parse: ${r.problem.message}`);
  return r.value;
};
const problem = (text: string) => {
  const r = parseFrontMatter(text, 'f.md');
  if (r.ok) throw new Error('expected a problem');
  return r.problem;
};

describe('parseFrontMatter', () => {
  it('gives every key, nested ones and list items included, the line it is written on', () => {
    const { data, keyLines, body, bodyLine } = parsed(
      [
        '---',
        'title: 沟通技巧',
        'brand:',
        '  primary: "#7a1f3d"',
        '',
        '  # the accent of the logo',
        '  accent: teal',
        'notes: |',
        '  title: not a key, a line of text',
        'tags: [a, b]',
        'steps:',
        '  - first',
        '  - name: second',
        '---',
        '',
        'body',
      ].join('\n'),
    );
    expect(keyLines).toEqual({
      title: 2,
      brand: 3,
      'brand.primary': 4,
      'brand.accent': 7,
      notes: 8,
      tags: 10,
      'tags.0': 10,
      'tags.1': 10,
      steps: 11,
      'steps.0': 12,
      'steps.1': 13,
      'steps.1.name': 13,
    });
    expect(data).toMatchObject({ title: '沟通技巧', brand: { primary: '#7a1f3d', accent: 'teal' } });
    expect(body).toBe('\nbody');
    expect(bodyLine).toBe(15);
  });

  it('reads dates as dates, as before, and 16:9 as text', () => {
    const { data } = parsed('---\ndate: 2026-12-01\nsize: 16:9\npresenter: 007\n---\n');
    expect(data.date).toEqual(new Date('2026-12-01T00:00:00Z'));
    expect(data.size).toBe('16:9');
    expect(data.presenter).toBe(7);
  });

  it('reads a file without front matter, or with an empty one, as no settings', () => {
    expect(parsed('## slide\n')).toEqual({ data: {}, body: '## slide\n', bodyLine: 1, keyLines: {} });
    expect(parsed('---\n---\ntext')).toEqual({ data: {}, body: 'text', bodyLine: 3, keyLines: {} });
  });

  it.each([
    ['an over-indented nested key', '---\ntitle: x\nbrand:\n  primary: red\n   accent: blue\n---\n', 5],
    ['an over-indented key', '---\ntitle: x\n  minutes: 3\n---\n', 3],
    ['an unclosed list', '---\ntitle: x\nminutes: [12\n---\n', 3],
    ['a key written twice', '---\ntitle: x\nminutes: 1\ntitle: y\n---\n', 4],
    ['an unknown tag', '---\ntitle: x\nrun: !!js/function f\n---\n', 3],
  ])('points a YAML error in %s at its line, with a hint', (_, text, line) => {
    expect(problem(text)).toMatchObject({
      severity: 'error',
      code: 'yaml-invalid',
      file: 'f.md',
      line,
      message: expect.stringMatching(/^front matter is not valid YAML: /) as unknown,
      hint: expect.stringMatching(/indentation/) as unknown,
    });
  });

  it('puts an unclosed quote at the line that opens it (more in trainer-messages.test.ts)', () => {
    expect(problem('---\ntitle: "未闭合\nminutes: 3\n---\n')).toMatchObject({
      code: 'yaml-invalid',
      line: 2,
    });
  });

  it('refuses aliases that would expand without end (billion laughs), at the first line', () => {
    const levels = ['l0: &l0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      levels.push(
        `l${i}: &l${i} [${Array(9)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    expect(problem(`---\n${levels.join('\n')}\ntitle: x\n---\n`)).toMatchObject({
      code: 'yaml-invalid',
      line: 2,
      message: expect.stringMatching(/alias/i) as unknown,
    });
  });

  it('refuses front matter in another language and front matter never closed, at line 1', () => {
    expect(problem('---js\n{ title: "x" }\n---\n')).toMatchObject({ code: 'front-matter-language', line: 1 });
    expect(problem('---\ntitle: x\n')).toMatchObject({ code: 'front-matter-unclosed', line: 1 });
  });
});
