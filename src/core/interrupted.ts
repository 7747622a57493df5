import { LecternError } from './errors.js';

/** How a build stopped by Ctrl-C ends: its temporary folder and browser are gone when this reaches the CLI. */
export function interruptedError(): LecternError {
  return new LecternError('interrupted; temporary files removed, previous outputs left as they were', {
    exit: 'INTERRUPTED',
  });
}

/**
 * `work`, or the interrupted error as soon as `signal` aborts, whichever comes first. The build
 * then unwinds through its `await using` declarations, which remove what it made, while work
 * still under way is left to fail on its own (its browser is closed, its staging takes no files).
 */
export function unlessInterrupted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(interruptedError());
  let onAbort = () => undefined as void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(interruptedError());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([work, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}
