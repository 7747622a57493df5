import type { Page } from 'puppeteer-core';

/** A browser window lent to one job at a time. */
export interface BrowserWindow {
  readonly page: Page;
  /** Loads the document the window was asked for, unless it shows that document already. */
  show(): Promise<void>;
  /** Returns the window to the pool, still showing its document; `broken` closes it instead. */
  release(broken?: boolean): void;
}

interface Slot {
  page: Page;
  /** The document the window shows (its HTML), once loaded. */
  shows?: string;
  busy: boolean;
}

interface Waiter {
  wants: string;
  resolve: (slot: Slot) => void;
  reject: (err: unknown) => void;
}

/**
 * At most `max` windows, each kept open between jobs with the document it last loaded: a job
 * that wants the same document (the slides PDF, then its pictures) skips a window and a load,
 * which together cost about a CPU-second of the browser's in a build. Each window holds a whole
 * deck, so the limit is what keeps large decks under a gigabyte.
 */
export class WindowPool {
  private slots: Slot[] = [];
  private opening = 0;
  private waiting: Waiter[] = [];

  constructor(
    private readonly max: number,
    private readonly open: () => Promise<Page>,
    private readonly load: (page: Page, html: string) => Promise<void>,
  ) {}

  /** A window for the document `html`: preferably one showing it already, else a free or new one. */
  async take(html: string): Promise<BrowserWindow> {
    const idle = this.slots.filter((s) => !s.busy);
    let slot = idle.find((s) => s.shows === html) ?? idle[0];
    if (slot) slot.busy = true;
    else if (this.slots.length + this.opening < this.max) slot = await this.openSlot();
    else slot = await new Promise<Slot>((resolve, reject) => this.waiting.push({ wants: html, resolve, reject }));
    return this.lend(slot, html);
  }

  /** Refuses the jobs still waiting; the windows close with the browser. */
  drain(): void {
    for (const w of this.waiting.splice(0)) w.reject(new Error('the browser closed'));
    this.slots = [];
  }

  private async openSlot(): Promise<Slot> {
    this.opening++;
    try {
      const slot: Slot = { page: await this.open(), busy: true };
      this.slots.push(slot);
      return slot;
    } finally {
      this.opening--;
    }
  }

  private lend(slot: Slot, html: string): BrowserWindow {
    let returned = false;
    return {
      page: slot.page,
      show: async () => {
        if (slot.shows === html) return;
        slot.shows = undefined;
        await this.load(slot.page, html);
        slot.shows = html;
      },
      release: (broken = false) => {
        if (returned) return;
        returned = true;
        if (broken) this.discard(slot);
        else this.handOn(slot);
      },
    };
  }

  /** A returned window goes to the waiter who wants its document, else to the first one. */
  private handOn(slot: Slot): void {
    const i = this.waiting.findIndex((w) => w.wants === slot.shows);
    const [next] = this.waiting.splice(Math.max(i, 0), 1);
    if (next) next.resolve(slot);
    else slot.busy = false;
  }

  /** A window that failed midway is closed; the next waiter gets a new one. */
  private discard(slot: Slot): void {
    this.slots = this.slots.filter((s) => s !== slot);
    void slot.page.close().catch(() => undefined);
    const next = this.waiting.shift();
    if (next) this.openSlot().then(next.resolve, next.reject);
  }
}

/** Runs `fn` in a window showing `html`; a failure midway closes that window rather than lend it again. */
export async function inWindow<T>(pool: { window(html: string): Promise<BrowserWindow> }, html: string, fn: (page: Page) => Promise<T>): Promise<T> {
  const window = await pool.window(html);
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
