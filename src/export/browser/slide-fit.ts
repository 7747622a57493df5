// How each slide fits, measured in a window that shows the slides: how far its content runs
// past the slide's content box, and which boxes collide where the theme did not mean them to.
// `measureSlideFit` runs in the page: puppeteer sends it for the build and `check`, and the
// dev page runs its source text, so the three measure the same way. It must stay
// self-contained (no imports, no names from outside it).

/** Boxes that overlap where the theme did not mean them to. */
export const COLLISION_KINDS = ['timebox-heading', 'logo-timebox', 'chrome-content', 'picture-text'] as const;
export type CollisionKind = (typeof COLLISION_KINDS)[number];

export interface SlideFit {
  /** Px the content runs past the bottom of the content box. */
  overflow: number;
  /** Px it runs past the right edge of the slide. */
  wide: number;
  /** The slide's body line height in px, to say the overflow in lines of text. */
  line: number;
  collisions: { kind: CollisionKind; px: number }[];
}

/** Measures every slide of `div.marpit` (one content section per slide). */
export async function measureSlideFit(): Promise<SlideFit[]> {
  type Box = { l: number; t: number; r: number; b: number };
  const overlap = (a: Box, b: Box) =>
    Math.min(
      Math.max(0, Math.min(a.r, b.r) - Math.max(a.l, b.l)),
      Math.max(0, Math.min(a.b, b.b) - Math.max(a.t, b.t)),
    );
  const box = (r: DOMRect | Box): Box => ('left' in r ? { l: r.left, t: r.top, r: r.right, b: r.bottom } : r);
  const visible = (r: DOMRect) => r.width > 0.5 && r.height > 0.5;
  /** The line boxes of an element's text (not its whole block, nor the pictures in it). */
  const textBoxes = (el: Element): Box[] => {
    const out: Box[] = [];
    const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = texts.nextNode(); n; n = texts.nextNode()) {
      if (!n.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      out.push(...[...range.getClientRects()].filter(visible).map(box));
    }
    return out;
  };
  /** The drawn box of the first background layer (the theme's logo), when it is a picture. */
  const logoBox = async (s: HTMLElement, r: DOMRect, k: number): Promise<Box | null> => {
    const cs = getComputedStyle(s);
    const url = /url\("?([^")]+)"?\)/.exec(cs.backgroundImage.split(/,(?![^(]*\))/)[0] ?? '')?.[1];
    if (!url) return null;
    const img = new Image();
    img.src = url;
    await img.decode().catch(() => undefined);
    if (!img.naturalWidth) return null;
    const size = (cs.backgroundSize.split(',')[0] ?? '').trim().split(/\s+/);
    const h = size[1]?.endsWith('px') ? parseFloat(size[1]) : img.naturalHeight;
    const w = size[0]?.endsWith('px') ? parseFloat(size[0]) : (h * img.naturalWidth) / img.naturalHeight;
    const pos = (cs.backgroundPosition.split(',')[0] ?? '').trim().split(/\s+/);
    const along = (edge: string, off: string, room: number) => {
      const n = off.endsWith('%') ? (parseFloat(off) / 100) * room : parseFloat(off) || 0;
      return edge === 'right' || edge === 'bottom' ? room - n : n;
    };
    const [x, y] =
      pos.length === 4
        ? [along(pos[0]!, pos[1]!, s.offsetWidth - w), along(pos[2]!, pos[3]!, s.offsetHeight - h)]
        : [along('left', pos[0] ?? '0', s.offsetWidth - w), along('top', pos[1] ?? '0', s.offsetHeight - h)];
    return { l: r.left + x * k, t: r.top + y * k, r: r.left + (x + w) * k, b: r.top + (y + h) * k };
  };

  const out: SlideFit[] = [];
  for (const svg of document.querySelectorAll('div.marpit > svg[data-marpit-svg]')) {
    const sections = [...svg.querySelectorAll(':scope > foreignObject > section')] as HTMLElement[];
    const s =
      sections.find((x) => (x.getAttribute('data-marpit-advanced-background') ?? 'content') === 'content') ??
      sections[0];
    if (!s) {
      out.push({ overflow: 0, wide: 0, line: 42, collisions: [] });
      continue;
    }
    const r = s.getBoundingClientRect();
    // The dev page scales its slides; every distance is reported in the slide's own px.
    const k = r.width / (s.offsetWidth || 1);
    const cs = getComputedStyle(s);
    const bottom = r.bottom - parseFloat(cs.paddingBottom) * k;
    let low = bottom;
    let right = r.right;
    const flowText: Box[] = [];
    const pictures: { el: Element; b: Box }[] = [];
    const walk = (el: Element) => {
      for (const child of el.children) {
        const st = getComputedStyle(child);
        if (st.display === 'none' || st.position === 'absolute' || st.position === 'fixed') continue;
        const cr = child.getBoundingClientRect();
        if (visible(cr)) {
          low = Math.max(low, cr.bottom);
          right = Math.max(right, cr.right);
        }
        if (child.tagName === 'IMG' && visible(cr)) pictures.push({ el: child, b: box(cr) });
        if (/^(H[1-6]|P|LI|TD|TH|BLOCKQUOTE|PRE)$/.test(child.tagName)) flowText.push(...textBoxes(child));
        if (st.overflow === 'visible') walk(child);
      }
    };
    walk(s);
    const collisions: SlideFit['collisions'] = [];
    const hit = (kind: CollisionKind, a: Box[], b: Box[]) => {
      const px = Math.max(0, ...a.flatMap((x) => b.map((y) => overlap(x, y))));
      if (px > 2 * k) collisions.push({ kind, px: px / k });
    };
    const timeBox = [...s.querySelectorAll(':scope > h6')].find(
      (h) => getComputedStyle(h).position === 'absolute',
    );
    const time = timeBox ? [box(timeBox.getBoundingClientRect())] : [];
    const headings = [...s.querySelectorAll(':scope > h1, :scope > h2')].flatMap(textBoxes);
    hit('timebox-heading', time, headings);
    const logo = await logoBox(s, r, k);
    if (logo) hit('logo-timebox', [logo], time);
    const chrome = [...s.querySelectorAll(':scope > header, :scope > footer')].flatMap(textBoxes);
    hit('chrome-content', chrome, [...flowText, ...pictures.map((p) => p.b)]);
    hit(
      'picture-text',
      pictures.map((p) => p.b),
      flowText,
    );
    out.push({
      overflow: Math.max(low - bottom, 0) / k,
      wide: Math.max(right - r.right, 0) / k,
      line: parseFloat(cs.lineHeight) || parseFloat(cs.fontSize) * 1.5,
      collisions,
    });
  }
  return out;
}
