import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LecternError } from '../../src/core/errors.js';
import type { BrowserSession } from '../../src/export/browser/browser.js';
import { BrowserLease } from '../../src/export/browser/browser-lease.js';
import { Staging } from '../../src/export/output/staging.js';
import { unlessInterrupted } from '../../src/core/interrupted.js';
import { tempDir } from '../helpers/temp.js';

/** A stand-in for a browser that counts how often it is closed. */
function fakeSession(): BrowserSession & { closes: number } {
  const s = {
    closes: 0,
    browser: undefined as unknown as BrowserSession['browser'],
    window: () => Promise.reject(new Error('no windows here')),
    blocked: () => ['https://example.com/'],
    close: async () => void s.closes++,
    [Symbol.asyncDispose]: () => s.close(),
  };
  return s;
}

describe('resources that close themselves', () => {
  it('removes the staging folder when the block that holds it throws, and takes no files after', async () => {
    const out = tempDir('lectern-dispose-');
    let kept: Staging | undefined;
    await expect(
      (async () => {
        await using staging = await Staging.open(out);
        kept = staging;
        await staging.write('a.html', 'x');
        expect(readdirSync(out).filter((f) => f.startsWith('.lectern-tmp-'))).toHaveLength(1);
        throw new Error('a job failed');
      })(),
    ).rejects.toThrow('a job failed');
    expect(readdirSync(out)).toEqual([]);
    await expect(kept!.write('late.pdf', 'x')).rejects.toThrow(/closed/);
    expect(existsSync(kept!.dir)).toBe(false);
    await kept!.close();
  });

  it('closes a browser it started once, never one it borrows, and starts a new one after close()', async () => {
    const made: ReturnType<typeof fakeSession>[] = [];
    const open = async () => made[made.push(fakeSession()) - 1]!;
    {
      await using lease = new BrowserLease(open);
      expect(await lease.blocked()).toEqual([]);
      await lease.session();
      await lease.session();
      expect(await lease.blocked()).toEqual(['https://example.com/']);
      await lease.close();
      await lease.session();
    }
    expect(made.map((s) => s.closes)).toEqual([1, 1]);
    {
      await using borrowed = new BrowserLease(open, { borrowed: true });
      await borrowed.session();
    }
    expect(made.map((s) => s.closes)).toEqual([1, 1, 0]);
    // A browser that failed to start is nothing to close, and no unhandled rejection.
    await using failing = new BrowserLease(() => Promise.reject(new Error('no browser')));
    void failing.session();
    expect(await failing.blocked()).toEqual([]);
  });

  it('starts no browser once disposed: a job still running after Ctrl-C cannot leave one behind', async () => {
    let opened = 0;
    const lease = new BrowserLease(async () => (opened++, fakeSession()));
    await lease[Symbol.asyncDispose]();
    await expect(lease.session()).rejects.toThrow(/closed/);
    expect(opened).toBe(0);
  });

  it('ends a wait with exit 130 as soon as Ctrl-C aborts it', async () => {
    const controller = new AbortController();
    const never = new Promise<never>(() => undefined);
    const waiting = unlessInterrupted(never, controller.signal);
    controller.abort();
    const err = await waiting.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LecternError);
    expect((err as LecternError).exitCode).toBe(130);
    await expect(unlessInterrupted(Promise.resolve(1), new AbortController().signal)).resolves.toBe(1);
    await expect(unlessInterrupted(Promise.resolve(1), controller.signal)).rejects.toThrow(/interrupted/);
  });
});
