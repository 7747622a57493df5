import { describe, expect, it } from 'vitest';
import { openBrowser } from '../../src/export/browser.js';

describe('the build browser', () => {
  // New headless Chromium preloads the omnibox popup (chrome://omnibox-popup.top-chrome) in a
  // renderer per window; in a build that was about half of the browser's CPU.
  it('opens windows without browser-UI WebUI renderers', async () => {
    const session = await openBrowser(2);
    try {
      const pages = [await session.newPage(640, 360), await session.newPage(640, 360)];
      await pages[0]!.setContent('<p>lectern</p>');
      // The preload starts shortly after a window opens.
      await new Promise((r) => setTimeout(r, 1500));
      const cdp = await session.browser.target().createCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets');
      const urls = targetInfos.map((t) => t.url);
      expect(targetInfos.filter((t) => t.type === 'page').length).toBeGreaterThanOrEqual(2);
      expect(urls.filter((u) => u.includes('.top-chrome/'))).toEqual([]);
    } finally {
      await session.close();
    }
  }, 60_000);
});
