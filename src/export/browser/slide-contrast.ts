// The colours of every piece of text on every slide, as the browser draws it: the text's own
// colour and the backgrounds under it, for `check` to weigh its contrast (check/contrast.ts).
// `measureSlideColours` runs in the page, like slide-fit.ts's measurement, so it must stay
// self-contained (no imports, no names from outside it).

/** A piece of text as drawn: one text node of a slide. */
export interface DrawnText {
  /** 0-based slide. */
  slide: number;
  /** The text node's words, trimmed and shortened: what the finding quotes and looks up in the source. */
  text: string;
  /** The computed `color`, as the browser serialises it (rgb(), rgba() or color(srgb …)). */
  color: string;
  /**
   * The background layers under the text, nearest first, up to the slide's own: each an
   * element's computed `background-color` and `background-image` ('none' for none), and
   * whether a picture among its images lies under the text (`apart`: a logo drawn at a size
   * in px in a corner that no line of the text meets). The page below the slide is white.
   */
  layers: { color: string; image: string; picture: 'under' | 'apart' }[];
  /** Computed font size in the slide's px, and weight. */
  size: number;
  weight: number;
}

/** Reads every slide of `div.marpit` (one content section per slide). */
export async function measureSlideColours(): Promise<DrawnText[]> {
  const sizes = new Map<string, Promise<{ w: number; h: number }>>();
  const natural = (url: string) => {
    let known = sizes.get(url);
    if (!known) {
      const img = new Image();
      img.src = url;
      known = img.decode().then(
        () => ({ w: img.naturalWidth, h: img.naturalHeight }),
        () => ({ w: 0, h: 0 }),
      );
      sizes.set(url, known);
    }
    return known;
  };
  /** Whether the first picture of an element's background, drawn unrepeated at a height in px, meets none of `rects`. */
  const apart = async (el: Element, st: CSSStyleDeclaration, rects: DOMRect[]): Promise<boolean> => {
    const url = /url\("?([^")]+)"?\)/.exec(st.backgroundImage.split(/,(?![^(]*\))/)[0] ?? '')?.[1];
    const size = (st.backgroundSize.split(',')[0] ?? '').trim().split(/\s+/);
    const pos = (st.backgroundPosition.split(',')[0] ?? '').trim().split(/\s+/);
    if (!url || (st.backgroundRepeat.split(',')[0] ?? '').trim() !== 'no-repeat') return false;
    if (!size[1]?.endsWith('px') || pos.length !== 4) return false;
    const img = await natural(url);
    if (!img.h) return false;
    const r = el.getBoundingClientRect();
    const k = r.width / ((el as HTMLElement).offsetWidth || 1);
    const h = parseFloat(size[1]) * k;
    const w = size[0]?.endsWith('px') ? parseFloat(size[0]) * k : (h * img.w) / img.h;
    const along = (edge: string, off: string, room: number) => {
      const n = off.endsWith('%') ? (parseFloat(off) / 100) * room : parseFloat(off) * k || 0;
      return edge === 'right' || edge === 'bottom' ? room - n : n;
    };
    const l = r.left + along(pos[0]!, pos[1]!, r.width - w);
    const t = r.top + along(pos[2]!, pos[3]!, r.height - h);
    return !rects.some((x) => x.right > l && x.left < l + w && x.bottom > t && x.top < t + h);
  };
  const layer = async (el: Element, rects: DOMRect[]): Promise<DrawnText['layers'][number]> => {
    const st = getComputedStyle(el);
    const image = st.backgroundImage;
    const far = image.includes('url(') && (await apart(el, st, rects));
    return { color: st.backgroundColor, image, picture: far ? 'apart' : 'under' };
  };
  const out: DrawnText[] = [];
  const svgs = [...document.querySelectorAll('div.marpit > svg[data-marpit-svg]')];
  for (const [slide, svg] of svgs.entries()) {
    const sections = [...svg.querySelectorAll(':scope > foreignObject > section')] as HTMLElement[];
    const content = sections.find(
      (x) => (x.getAttribute('data-marpit-advanced-background') ?? 'content') === 'content',
    );
    if (!content) continue;
    // A background picture (`![bg](…)`) is drawn by a section of its own, under the content:
    // its figures and then that section are layers under every text of the slide (a split
    // background's figures sit beside the text, but count as under it all the same).
    const behind = sections
      .filter((x) => x.getAttribute('data-marpit-advanced-background') === 'background')
      .flatMap((x) => [...x.querySelectorAll('figure'), x]);
    const texts = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    for (let n = texts.nextNode(); n; n = texts.nextNode()) {
      const words = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
      const el = n.parentElement;
      // Text drawn by an SVG (a diagram, a QR code) has a fill, not a colour: not judged here.
      if (!words || !el || el instanceof SVGElement) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility !== 'visible' || Number(cs.opacity) === 0) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
      if (!rects.length) continue;
      const under: Element[] = [];
      for (let a: Element | null = el; a && a !== svg; a = a.parentElement) {
        under.push(a);
        if (a === content) break;
      }
      const layers: DrawnText['layers'] = [];
      for (const a of [...under, ...behind]) layers.push(await layer(a, rects));
      out.push({
        slide,
        text: words.slice(0, 40),
        color: cs.color,
        layers,
        size: parseFloat(cs.fontSize),
        weight: Number(cs.fontWeight) || 400,
      });
    }
  }
  return out;
}
