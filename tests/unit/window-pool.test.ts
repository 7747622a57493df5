import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { inWindow, WindowPool } from '../../src/export/window-pool.js';

/** A pool of fake windows that records what it opened, loaded and closed. */
function fakePool(max: number) {
  const log: string[] = [];
  let opened = 0;
  const pool = new WindowPool(
    max,
    async () => {
      const id = ++opened;
      log.push(`open ${id}`);
      return { id, close: async () => void log.push(`close ${id}`) } as unknown as Page;
    },
    async (page, html) => void log.push(`load ${(page as unknown as { id: number }).id} ${html}`),
  );
  return { pool, log, session: { window: (html: string) => pool.take(html) } };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('WindowPool', () => {
  it('lends a returned window again without reloading the document it shows', async () => {
    const { pool, log } = fakePool(2);
    const a = await pool.take('slides');
    await a.show();
    a.release();
    const b = await pool.take('slides');
    await b.show();
    expect(b.page).toBe(a.page);
    expect(log).toEqual(['open 1', 'load 1 slides']);
  });

  it('opens no more than its limit; a returned window goes to the waiter who wants its document', async () => {
    const { pool, log } = fakePool(2);
    const slides = await pool.take('slides');
    const script = await pool.take('script');
    const order: string[] = [];
    const waiters = [pool.take('other').then((w) => (order.push('other'), w)), pool.take('slides').then((w) => (order.push('slides'), w))];
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
    await expect(inWindow(session, 'slides', async () => Promise.reject(new Error('crashed')))).rejects.toThrow('crashed');
    const page = await inWindow(session, 'slides', async (p) => p);
    expect((page as unknown as { id: number }).id).toBe(2);
    expect(log).toEqual(['open 1', 'load 1 slides', 'close 1', 'open 2', 'load 2 slides']);
  });

  it('refuses jobs still waiting when the browser closes', async () => {
    const { pool } = fakePool(1);
    await pool.take('slides');
    const waiting = pool.take('script');
    pool.drain();
    await expect(waiting).rejects.toThrow('the browser closed');
  });
});
