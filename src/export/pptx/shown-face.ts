import type { Page } from 'puppeteer-core';

// The face the browser really draws a deck's text in. A theme's font-family names a stack
// ending in a generic family (`sans-serif`), and which installed face that is only the browser
// knows: Chromium's DevTools protocol says, for the text of one element.

const SLIDE = 'div.marpit > svg > foreignObject > section';

/** The installed faces of the slides' text and code; none for a web font (see faceOf). */
export interface ShownFaces {
  text?: string;
  code?: string;
}

/** The faces the slides' first paragraph and first code block are drawn in. */
export async function shownFaces(page: Page): Promise<ShownFaces> {
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    /**
     * The face most of an element's own text is drawn in; undefined when it is a web font
     * (lectern's embedded font, or a theme's @font-face, which PowerPoint does not have).
     */
    const faceOf = async (selector: string) => {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      if (!nodeId) return undefined;
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const most = [...fonts].sort((a, b) => b.glyphCount - a.glyphCount)[0];
      return most && !most.isCustomFont ? most.familyName : undefined;
    };
    const text = await faceOf(`${SLIDE} > p`);
    // A theme with @auto-scaling (Marp's own) renders code fences as <marp-pre>.
    const code = await faceOf(`${SLIDE} :is(pre, marp-pre) > code`);
    return { ...(text ? { text } : {}), ...(code ? { code } : {}) };
  } catch {
    // Only a closer look: without it the PPTX keeps the deck's fonts.
    return {};
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
