import type { MarpitImage, Token } from './markdown-tokens.js';
import type { Block, Picture, Run } from './slide-blocks.js';

// A paragraph's inline tokens as formatted runs, pictures and backgrounds.

/** An inline token's children as runs, its pictures and backgrounds, and what only a picture can show. */
export function inlineParts(children: Token[]): {
  runs: Run[];
  pictures: Picture[];
  backgrounds: Block[];
  other: Block[];
} {
  const runs: Run[] = [];
  const pictures: Picture[] = [];
  const backgrounds: Block[] = [];
  const other: Block[] = [];
  const style: Omit<Run, 'text'> = {};
  // Text markdown-it splits (and the last-line tie's two halves) is one run when it looks the same.
  const add = (text: string, extra: Omit<Run, 'text'> = {}) => {
    if (!text) return;
    const run = { text, ...clean({ ...style, ...extra }) };
    const last = runs.at(-1);
    if (last && last.text !== '\n' && !('soft' in last) && sameLook(last, run)) last.text += text;
    else runs.push(run);
  };
  for (const c of children) {
    // A shortcode (`:ok_hand:`) is its emoji, as Marp draws it.
    if (c.type === 'text' || c.type === 'marp_emoji') add(c.content);
    else if (c.type === 'code_inline') add(c.content, { code: true });
    else if (c.type === 'softbreak') runs.push({ text: ' ', ...clean(style), ...{ soft: true } } as Run);
    else if (c.type === 'hardbreak') runs.push({ text: '\n' });
    else if (c.type === 'strong_open') style.bold = true;
    else if (c.type === 'strong_close') delete style.bold;
    else if (c.type === 'em_open') style.italic = true;
    else if (c.type === 'em_close') delete style.italic;
    else if (c.type === 's_open') style.strike = true;
    else if (c.type === 's_close') delete style.strike;
    else if (c.type === 'link_open') style.link = c.attrGet('href') ?? undefined;
    else if (c.type === 'link_close') delete style.link;
    else if (c.type === 'image') {
      const img = c.meta?.marpitImage;
      const src = img?.url ?? c.attrGet('src') ?? '';
      // The alt text without Marp's keywords (bg, w:400, right:40%), as Marp shows it.
      const alt = img?.options
        ? img.options
            .filter((o) => !o.consumed)
            .map((o) => o.leading + o.content)
            .join('')
            .trim()
        : (c.children ?? [])
            .map((k) => k.content)
            .join('')
            .trim();
      if (img?.background) {
        const split = img.backgroundSplit;
        backgrounds.push({
          kind: 'background',
          src,
          alt,
          ...(split ? { split } : {}),
          share: split ? parseFloat(img.backgroundSplitSize ?? '50') / 100 : 1,
          ...backgroundSize(img),
        });
      } else pictures.push({ src, alt, ...px('width', img?.width), ...px('height', img?.height) });
    } else if (c.type === 'marp_math_inline' || c.type === 'math_inline')
      // Its own run, never joined to the text beside it.
      runs.push({ text: '\u00a0', ...clean(style), math: c.content });
    else if (c.type === 'html_inline') {
      if (/^<br\s*\/?>$/i.test(c.content.trim())) runs.push({ text: '\n' });
      else other.push({ kind: 'html' });
    }
  }
  return { runs: joinSoftBreaks(runs), pictures, backgrounds, other };
}

/** How a background picture fills its part of the slide, as Marp sizes it (markdown/background_image). */
function backgroundSize(img: MarpitImage): { fit: 'cover' | 'contain' | 'auto'; scale?: number } {
  const keyword = img.backgroundSize;
  if (keyword === 'contain' || keyword === 'fit') return { fit: 'contain' };
  if (keyword === 'auto') return { fit: 'auto' };
  const percent = img.size?.endsWith('%') ? parseFloat(img.size) : NaN;
  return percent > 0 ? { fit: 'cover', scale: percent / 100 } : { fit: 'cover' };
}

function sameLook(a: Run, b: Run): boolean {
  const look = ({ text: _text, ...rest }: Run) => JSON.stringify(Object.entries(rest).sort());
  return look(a) === look(b);
}

const clean = (s: Omit<Run, 'text'>) =>
  Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as Omit<Run, 'text'>;

function px(name: 'width' | 'height', value: string | undefined): Partial<Picture> {
  const n = value ? parseFloat(value) : NaN;
  return n > 0 && /px$|^\d+(\.\d+)?$/.test(value!) ? { [name]: n } : {};
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** A line break inside a paragraph: nothing between Chinese characters, a space elsewhere; trims the ends. */
function joinSoftBreaks(runs: (Run & { soft?: boolean })[]): Run[] {
  const out: Run[] = [];
  runs.forEach((r, i) => {
    if (!r.soft) return void out.push(r);
    const before = out.at(-1)?.text.slice(-1) ?? '';
    const after = runs[i + 1]?.text[0] ?? '';
    if (!before || !after || (CJK.test(before) && CJK.test(after))) return;
    const { soft: _soft, ...run } = r;
    out.push(run);
  });
  // A formula's space is no blank to trim.
  const blank = (r: Run) => !r.math && !r.text.trim();
  while (out.length && blank(out[0]!) && out[0]!.text !== '\n') out.shift();
  while (out.length && blank(out.at(-1)!)) out.pop();
  if (out[0] && !out[0].math) out[0] = { ...out[0], text: out[0].text.trimStart() };
  const last = out.at(-1);
  if (last && !last.math) out[out.length - 1] = { ...last, text: last.text.trimEnd() };
  return out;
}
