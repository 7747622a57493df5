const { prepareDeck } = await import('./dist/prepare-deck.js');
const { openBrowser } = await import('./dist/export/browser.js');
const { slidesDocument } = await import('./dist/export/slides-pdf.js');
const deck = await prepareDeck('slides');
const s = await openBrowser(2);
const w = await s.window(slidesDocument(deck.model, deck.rendered));
await w.show();
const cdp = await w.page.createCDPSession();
await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 720, deviceScaleFactor: 1.5, mobile: false });
await w.page.tracing.start({ path: '/tmp/trace3.json', categories: ['devtools.timeline', 'toplevel', 'cc', 'gpu', 'viz', 'blink', 'disabled-by-default-devtools.timeline', 'browser', 'skia'] });
const t0 = performance.now();
for (let i = 0; i < 20; i++) { await w.page.evaluate((y) => window.scrollTo(0, y), i * 720); await cdp.send('Page.captureScreenshot', { format: 'jpeg', quality: 90, optimizeForSpeed: true }); }
console.log('per capture', ((performance.now() - t0) / 20).toFixed(1));
await w.page.tracing.stop();
await s.close();
