import type { Page } from 'puppeteer-core';
import type { MathPicture, PxBox } from './block-box-types.js';
import type { MeasureWindow } from './block-measure-helpers.js';

// The parts of a slide DrawingML has no native form for, pictured alone where the slide shows
// them, so the rest of the slide stays native text and shapes around them:
// - each formula (MathJax's SVG: lectern renders math with MathJax), with the width it takes
//   in its line;
// - the background layer, when CSS draws it with filters or with several pictures (a sepia
//   photo, two pictures side by side), or when the theme paints what DrawingML cannot draw (a
//   picture on the section, a soft gradient on its ::before or ::after; a linear gradient on
//   the section is the slide's gradient, boxes and hard bands are shapes: css-gradient.ts,
//   theme-paint.ts): PowerPoint has no such background, so the layer is baked into one
//   picture of itself, the slide's blocks and every text hidden while it is taken. The text
//   stays native above it: blocks, header, footer and page number are drawn as measured.

/** What a slide shows of itself only as pictures: its formulas in order, and its baked background. */
export interface PartPictures {
  math: MathPicture[];
  backdrop?: PxBox & { picture: string };
}

interface Region extends PxBox {
  /** The region on the page, in the page's CSS pixels. */
  page: PxBox;
}

interface Wanted {
  math: (Region & { gapPx: number })[];
  backdrop?: Region;
}

/** Device pixels per slide pixel: formulas are thin lines, drawn twice as fine as the slide. */
const MATH_SCALE = 2;
/**
 * A baked background is a photograph or a gradient: JPEG at this quality is a fifth of the PNG
 * (a sepia photo 540 KB as PNG) and shows no banding in a theme's gradient.
 */
const BACKDROP_QUALITY = 90;

/**
 * Pictures of every slide's formulas and baked background, in the window that shows the slides
 * document; undefined for a slide that has neither (most: nothing is pictured for them).
 */
export async function pictureParts(
  page: Page,
  width: number,
  /**
   * Per slide, whether the theme paints what the PPTX cannot draw (a picture on the section, a
   * soft gradient on its `::before`): the whole background layer is baked then.
   */
  themed: boolean[],
): Promise<(PartPictures | undefined)[]> {
  const wanted: (Wanted | undefined)[] = await page.$$eval(
    'div.marpit > svg[data-marpit-svg]',
    (svgs, width, themed) =>
      svgs.map((svg, i) => {
        const origin = svg.getBoundingClientRect();
        const k = width / origin.width;
        const layer = (name: string) =>
          svg.querySelector(`:scope > foreignObject > section[data-marpit-advanced-background="${name}"]`);
        const content =
          layer('content') ??
          svg.querySelector(':scope > foreignObject > section:not([data-marpit-advanced-background])');
        // A box in the slide's pixels, as measureSlides measures blocks (it installed the
        // helpers before it asks for these pictures), and where it is on the page.
        const { box, formulaGap } = (window as unknown as MeasureWindow).__lecternMeasure(
          content ?? svg,
          origin,
          k,
        );
        const region = (e: Element) => {
          const r = e.getBoundingClientRect();
          return { ...box(e), page: { x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height } };
        };
        // A formula is one element, inline or display, its drawing an SVG inside it.
        const formulas = [...(content?.querySelectorAll('mjx-container') ?? [])].filter(
          (e) => !e.parentElement?.closest('mjx-container'),
        );
        const math = formulas.map((e) => ({ ...region(e), gapPx: formulaGap(e) }));
        const figures = [...(layer('background')?.querySelectorAll('figure') ?? [])];
        const baked = figures.length > 1 || figures.some((f) => getComputedStyle(f).filter !== 'none');
        const container = layer('background')?.querySelector('[data-marpit-advanced-background-container]');
        const backdrop = themed[i] ? region(svg) : baked && container ? region(container) : undefined;
        return math.length || backdrop ? { math, ...(backdrop ? { backdrop } : {}) } : undefined;
      }),
    width,
    themed,
  );
  if (!wanted.some((w) => w)) return wanted.map(() => undefined);
  const cdp = await page.createCDPSession();
  try {
    const shot = async (r: PxBox, scale: number, format: 'png' | 'jpeg' = 'png') => {
      const { data } = await cdp.send('Page.captureScreenshot', {
        format,
        ...(format === 'jpeg' ? { quality: BACKDROP_QUALITY } : {}),
        captureBeyondViewport: true,
        clip: { x: r.x, y: r.y, width: r.w, height: r.h, scale },
      });
      return `data:image/${format};base64,${data}`;
    };
    const out: (PartPictures | undefined)[] = [];
    for (const [i, w] of wanted.entries()) {
      if (!w) {
        out.push(undefined);
        continue;
      }
      const k = w.math[0] ? w.math[0].w / w.math[0].page.w : w.backdrop!.w / w.backdrop!.page.w;
      const math: MathPicture[] = [];
      for (const { page: at, ...m } of w.math) math.push({ ...m, png: await shot(at, MATH_SCALE * k) });
      out.push({
        math,
        ...(w.backdrop ? { backdrop: await backdropPicture(page, i, w.backdrop, shot) } : {}),
      });
    }
    return out;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * The slide's background layer alone: the blocks of its content hidden, and every text (the
 * pseudo-elements' page number too) transparent, while it is taken.
 */
async function backdropPicture(
  page: Page,
  slide: number,
  { page: at, ...box }: Region,
  shot: (r: PxBox, scale: number, format: 'png' | 'jpeg') => Promise<string>,
): Promise<PxBox & { picture: string }> {
  const bake = (on: boolean) =>
    page.$$eval(
      'div.marpit > svg[data-marpit-svg]',
      (svgs, slide, on) => {
        const svg = svgs[slide];
        let style = document.getElementById('lectern-bake');
        if (!on || !svg) {
          svg?.removeAttribute('data-lectern-bake');
          style?.remove();
          return;
        }
        svg.setAttribute('data-lectern-bake', '');
        style ??= document.head.appendChild(document.createElement('style'));
        style.id = 'lectern-bake';
        const sections = '[data-lectern-bake] > foreignObject > section';
        style.textContent = `${sections}:not([data-marpit-advanced-background="background"]) > * { visibility: hidden !important; }
${sections}::before, ${sections}::after { color: transparent !important; text-shadow: none !important; }`;
      },
      slide,
      on,
    );
  await bake(true);
  try {
    return { ...box, picture: await shot(at, box.w / at.w, 'jpeg') };
  } finally {
    await bake(false);
  }
}
