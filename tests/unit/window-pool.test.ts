import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { inWindow, PICTURES_ONLY, WindowPool } from '../../src/export/browser/window-pool.js';

/** A pool of fake windows that records what it opened, loaded and closed. */
function fakePool(windows: number, slides = 1000) {
  const log: string[] = [];
  let opened = 0;
  const pool = new WindowPool(
    { windows, slides },
    async () => {
      const id = ++opened;
      log.push(`open ${id}`);
      return { id, close: async () => void log.push(`close ${id}`) } as unknown as Page;
    },
    async (page, html) => void log.push(`load ${(page as unknown as { id: number }).id} ${html}`),
  );
  return { pool, log, session: { window: (html: string, n: number) => pool.take(html, n) } };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('WindowPool', () => {
  it('opens windows ahead of the jobs, within its limit, and lends them to the first who ask', async () => {
    const { pool, log } = fakePool(2);
    pool.warm(5);
    await tick();
    expect(log).toEqual(['open 1', 'open 2']);
    const a = await pool.take('slides', 10);
    await a.show();
    const b = await pool.take('script', 10);
    expect(b.page).not.toBe(a.page);
    expect(log).toEqual(['open 1', 'open 2', 'load 1 slides']);
  });

  it('gives a document of pictures only a window of its own at once, even when the pool is full, and closes it after', async () => {
    const { pool, log } = fakePool(1);
    const slides = await pool.take('slides', 10);
    const svg = await Promise.race([pool.take('svg', PICTURES_ONLY), tick().then(() => 'waited')]);
    expect(svg).not.toBe('waited');
    const sketch = svg as Awaited<ReturnType<typeof pool.take>>;
    expect(sketch.page).not.toBe(slides.page);
    await sketch.show();
    sketch.release();
    await tick();
    expect(log).toEqual(['open 1', 'open 2', 'load 2 svg', 'close 2']);
  });

  it('lends a returned window again without reloading the document it shows', async () => {
    const { pool, log } = fakePool(2);
    const a = await pool.take('slides', 10);
    await a.show();
    a.release();
    const b = await pool.take('slides', 10);
    await b.show();
    expect(b.page).toBe(a.page);
    expect(log).toEqual(['open 1', 'load 1 slides']);
  });

  it('opens no more than its limit; a returned window goes to the waiter who wants its document', async () => {
    const { pool, log } = fakePool(2);
    const slides = await pool.take('slides', 10);
    const script = await pool.take('script', 10);
    const order: string[] = [];
    const waiters = [
      pool.take('other', 10).then((w) => (order.push('other'), w)),
      pool.take('slides', 10).then((w) => (order.push('slides'), w)),
    ];
    await slides.show();
    await tick();
    expect(log.filter((l) => l.startsWith('open'))).toEqual(['open 1', 'open 2']);
    slides.release();
    await tick();
    expect(order).toEqual(['slides']);
    script.release();
    const [other, again] = await Promise.all(waiters);
    expect(again.page).toBe(slides.page);
    expect(other.page).toBe(script.page);
  });

  it('closes a window that failed midway and opens a new one for the next job', async () => {
    const { session, log } = fakePool(1);
    await expect(
      inWindow(session, 'slides', 10, async () => Promise.reject(new Error('crashed'))),
    ).rejects.toThrow('crashed');
    const page = await inWindow(session, 'slides', 10, async (p) => p);
    expect((page as unknown as { id: number }).id).toBe(2);
    expect(log).toEqual(['open 1', 'load 1 slides', 'close 1', 'open 2', 'load 2 slides']);
  });

  it('keeps the slides held in all windows within the limit, serving waiters in order', async () => {
    const { pool, log } = fakePool(2, 360);
    const whole = await pool.take('whole', 310);
    const part = await pool.take('part', 32);
    const served: string[] = [];
    const script = pool.take('script', 310).then((w) => (served.push('script'), w));
    const part2 = pool.take('part2', 32, true).then((w) => (served.push('part2'), w));
    await tick();
    expect(served).toEqual([]);
    whole.release();
    expect((await script).page).toBe(whole.page);
    await tick();
    // part2 fits beside the script's window only once the first part's window is free.
    expect(served).toEqual(['script']);
    part.release();
    expect((await part2).page).toBe(part.page);
    expect(log.filter((l) => l.startsWith('open'))).toEqual(['open 1', 'open 2']);
  });

  it('closes idle windows that stand in the way, and always allows one window', async () => {
    const { pool, log } = fakePool(2, 320);
    const parts = [await pool.take('a', 32), await pool.take('b', 32)];
    for (const p of parts) p.release();
    const whole = await pool.take('whole', 310);
    expect(log).toEqual(['open 1', 'open 2', 'close 1', 'close 2', 'open 3']);
    whole.release();
    // A much smaller document gets a new window: the old renderer keeps the large one's memory.
    await pool.take('part', 32);
    expect(log.slice(-2)).toEqual(['close 3', 'open 4']);
    const { pool: small } = fakePool(2, 100);
    await expect(small.take('huge', 500)).resolves.toBeDefined();
  });

  it('serves jobs that asked for a window later only after the others', async () => {
    const { pool } = fakePool(1);
    const first = await pool.take('slides', 10);
    const order: string[] = [];
    const waiters = [
      pool.take('pictures', 10, true).then(() => order.push('pictures')),
      pool.take('script', 10).then((w) => (order.push('script'), w.release())),
    ];
    first.release();
    await Promise.all(waiters);
    expect(order).toEqual(['script', 'pictures']);
  });

  it('refuses jobs still waiting when the browser closes', async () => {
    const { pool } = fakePool(1);
    await pool.take('slides', 10);
    const waiting = pool.take('script', 10);
    pool.drain();
    await expect(waiting).rejects.toThrow('the browser closed');
  });
});
