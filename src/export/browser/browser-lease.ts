import type { BrowserSession } from './browser.js';

/**
 * The one browser of a build (or of a library build's decks), started when first asked for or
 * early, while the deck is prepared; closed once when the lease is disposed (`await using`),
 * unless it only borrows a browser someone else closes. `close()` also ends it early (a crashed
 * browser in a library build): the next `session()` starts a new one.
 */
export class BrowserLease implements AsyncDisposable {
  private started?: Promise<BrowserSession>;
  /** Disposed: a job still running after the build ended (Ctrl-C) must not start a new browser. */
  private ended = false;

  constructor(
    private readonly open: () => Promise<BrowserSession>,
    private readonly opts: { borrowed?: boolean } = {},
  ) {}

  /** The browser, started now if it was not; `wrap` times the start (a progress step). */
  session(
    wrap: (start: () => Promise<BrowserSession>) => Promise<BrowserSession> = (s) => s(),
  ): Promise<BrowserSession> {
    if (this.ended) return Promise.reject(new Error('the browser closed'));
    if (!this.started) {
      this.started = wrap(this.open);
      // A browser that fails to start fails the jobs that wait for it, not the build's end.
      this.started.catch(() => undefined);
    }
    return this.started;
  }

  /** Whether a browser was asked for, even if it did not start. */
  get used(): boolean {
    return this.started !== undefined;
  }

  /** The requests the browser refused (see browser.ts), none if it never started. */
  async blocked(): Promise<string[]> {
    return this.started
      ? this.started.then(
          (s) => s.blocked(),
          () => [],
        )
      : [];
  }

  async close(): Promise<void> {
    const started = this.started;
    this.started = undefined;
    if (!this.opts.borrowed)
      await started?.then(
        (s) => s.close(),
        () => undefined,
      );
  }

  [Symbol.asyncDispose](): Promise<void> {
    this.ended = true;
    return this.close();
  }
}
