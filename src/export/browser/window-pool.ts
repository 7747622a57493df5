import type { Page } from 'puppeteer-core';

/** The `slides` of a document that shows pictures only: its window is not pooled (WindowPool.sketch). */
export const PICTURES_ONLY = 0;

/** A browser window lent to one job at a time. */
export interface BrowserWindow {
  readonly page: Page;
  /** Loads the document the window was asked for, unless it shows that document already. */
  show(): Promise<void>;
  /** Returns the window to the pool, still showing its document; `broken` closes it instead. */
  release(broken?: boolean): void;
}

/** How much the browser may hold at once: windows, and slides in the documents they show. */
export interface WindowLimits {
  windows: number;
  slides: number;
}

interface Slot {
  page: Page;
  /** The document the window shows (its HTML), once loaded. */
  shows?: string;
  /** Slides in the document it shows or is about to show: what its memory grows with. */
  slides: number;
  busy: boolean;
}

interface Waiter {
  html: string;
  slides: number;
  later: boolean;
  resolve: (window: BrowserWindow) => void;
  reject: (err: unknown) => void;
}

/**
 * Windows kept open between jobs with the document they last loaded: a job that wants the same
 * document (the slides PDF, then its pictures) skips a window and a load, which together cost
 * about a CPU-second of the browser's in a build. A window's memory grows with the slides it
 * shows, so the pool keeps the slides held in all windows within a limit; one window is always
 * allowed, whatever its document.
 */
export class WindowPool {
  private slots: Slot[] = [];
  private opening: number[] = [];
  private waiting: Waiter[] = [];
  private drained = false;

  constructor(
    private readonly limits: WindowLimits,
    private readonly open: () => Promise<Page>,
    /** Loads `html` into the window: a document of `slides` slides (its time allowance grows with them). */
    private readonly load: (page: Page, html: string, slides: number) => Promise<void>,
  ) {}

  /**
   * A window for the document `html` of `slides` slides, as soon as the limits allow one. Jobs
   * that ask `later` wait for the others: prints go first, so the work Node does with a printed
   * PDF overlaps the pictures, which come last.
   */
  take(html: string, slides: number, later = false): Promise<BrowserWindow> {
    if (slides === PICTURES_ONLY) return this.sketch(html);
    return new Promise((resolve, reject) => {
      if (this.drained) return reject(new Error('the browser closed'));
      const waiter = { html, slides, later, resolve, reject };
      const behind = later ? -1 : this.waiting.findIndex((w) => w.later);
      this.waiting.splice(behind < 0 ? this.waiting.length : behind, 0, waiter);
      this.dispatch();
    });
  }

  /**
   * Opens windows before any job asks (within the window limit): a build starts its browser
   * while it prepares the deck, and opening a window there, instead of when the prints begin,
   * takes its round trips off the main thread's busiest moment. Idle, they show nothing yet.
   */
  warm(count: number): void {
    const more = Math.min(count, this.limits.windows) - this.slots.length - this.opening.length;
    for (let i = 0; i < more; i++) {
      this.opening.push(0);
      const done = () => this.opening.splice(this.opening.indexOf(0), 1);
      this.open().then(
        (page) => {
          done();
          if (this.drained) return void page.close().catch(() => undefined);
          this.slots.push({ page, slides: 0, busy: false });
          this.dispatch();
        },
        () => {
          // A window that fails to open now fails the job that opens it later, with its message.
          done();
          this.dispatch();
        },
      );
    }
  }

  /**
   * A window of its own, outside the limits, for a document of a few pictures and no slides
   * (the SVG drawings the editable PPTX needs as PNG): it holds little memory and takes a
   * fraction of a second, and behind the prints it held up the PPTX, the longest output, by
   * a second. It closes when it is returned.
   */
  private async sketch(html: string): Promise<BrowserWindow> {
    if (this.drained) throw new Error('the browser closed');
    const page = await this.open();
    let shown = false;
    return {
      page,
      show: async () => {
        if (!shown) await this.load(page, html, PICTURES_ONLY);
        shown = true;
      },
      release: () => void page.close().catch(() => undefined),
    };
  }

  /** Refuses the jobs still waiting; the windows close with the browser. */
  drain(): void {
    this.drained = true;
    for (const w of this.waiting.splice(0)) w.reject(new Error('the browser closed'));
    this.slots = [];
  }

  /**
   * Serves waiters: first any an idle window already shows the document for (they take nothing
   * more, so they may pass others), then the rest in order, each with an idle or a new window. A
   * waiter that does not fit holds back those behind it, and idle windows close for it when that
   * makes it fit (they only keep documents for later): every waiter is served once busy windows
   * come back.
   */
  private dispatch(): void {
    for (const waiter of [...this.waiting]) {
      const same = this.slots.find((s) => !s.busy && s.shows === waiter.html);
      if (same) this.grant(waiter, same);
    }
    for (const waiter of [...this.waiting]) {
      if (this.serve(waiter)) continue;
      const idle = this.slots.filter((s) => !s.busy);
      const busy = this.slots.length - idle.length + this.opening.length;
      const heldByBusy = this.held() - idle.reduce((sum, s) => sum + s.slides, 0);
      const fitsWithoutIdle =
        busy < this.limits.windows && (busy === 0 || heldByBusy + waiter.slides <= this.limits.slides);
      if (idle.length === 0 || !fitsWithoutIdle) return;
      for (const slot of idle) this.close(slot);
      if (!this.serve(waiter)) return;
    }
  }

  private serve(waiter: Waiter): boolean {
    let other = this.slots.find((s) => !s.busy);
    // A renderer keeps the memory its largest document took: a much smaller one gets a new window.
    if (other && other.slides > 2 * waiter.slides) {
      this.close(other);
      other = undefined;
    }
    if (other && this.fits(Math.max(0, waiter.slides - other.slides), 0)) this.grant(waiter, other);
    else if (this.slots.length + this.opening.length < this.limits.windows && this.fits(waiter.slides, 1))
      this.openFor(waiter);
    else return false;
    return true;
  }

  /** Whether `more` slides held, in `extra` more windows, stay within the limits. */
  private fits(more: number, extra: number): boolean {
    return this.slots.length + this.opening.length + extra <= 1 || this.held() + more <= this.limits.slides;
  }

  private held(): number {
    return [...this.slots.map((s) => s.slides), ...this.opening].reduce((a, b) => a + b, 0);
  }

  private grant(waiter: Waiter, slot: Slot): void {
    this.waiting.splice(this.waiting.indexOf(waiter), 1);
    slot.busy = true;
    // Its renderer keeps the memory of the largest document it showed.
    slot.slides = Math.max(slot.slides, waiter.slides);
    waiter.resolve(this.lend(slot, waiter.html, waiter.slides));
  }

  private openFor(waiter: Waiter): void {
    this.waiting.splice(this.waiting.indexOf(waiter), 1);
    this.opening.push(waiter.slides);
    const done = () => this.opening.splice(this.opening.indexOf(waiter.slides), 1);
    this.open().then(
      (page) => {
        done();
        if (this.drained) {
          void page.close().catch(() => undefined);
          return waiter.reject(new Error('the browser closed'));
        }
        const slot: Slot = { page, slides: waiter.slides, busy: true };
        this.slots.push(slot);
        waiter.resolve(this.lend(slot, waiter.html, waiter.slides));
      },
      (err: unknown) => {
        done();
        waiter.reject(err);
        this.dispatch();
      },
    );
  }

  private close(slot: Slot): void {
    this.slots = this.slots.filter((s) => s !== slot);
    void slot.page.close().catch(() => undefined);
  }

  private lend(slot: Slot, html: string, slides: number): BrowserWindow {
    let returned = false;
    return {
      page: slot.page,
      show: async () => {
        if (slot.shows === html) return;
        slot.shows = undefined;
        await this.load(slot.page, html, slides);
        slot.shows = html;
      },
      release: (broken = false) => {
        if (returned) return;
        returned = true;
        // A window that failed midway is closed; the next job gets a new one.
        if (broken) this.close(slot);
        else slot.busy = false;
        this.dispatch();
      },
    };
  }
}

/** Runs `fn` in a window showing `html`; a failure midway closes that window rather than lend it again. */
export async function inWindow<T>(
  pool: { window(html: string, slides: number): Promise<BrowserWindow> },
  html: string,
  slides: number,
  fn: (page: Page) => Promise<T>,
): Promise<T> {
  const window = await pool.window(html, slides);
  try {
    await window.show();
    const result = await fn(window.page);
    window.release();
    return result;
  } catch (err) {
    window.release(true);
    throw err;
  }
}
