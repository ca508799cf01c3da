/**
 * Writes that may go together: items handed over while a flush is on its way, or in the same
 * turn of the event loop, wait for the next flush, which takes all of them. Under light load
 * every item is flushed on the next turn, alone; under load, one statement (one commit) carries a
 * burst. Used for the live-update NOTIFYs and the audit log, which every intake writes. (The turn
 * matters on PGlite, whose statements run on this thread: nothing is handed over during a flush.)
 */
export function coalescing<T>(
  flush: (items: T[]) => Promise<void>,
  maxItems = 500,
): { push(item: T): Promise<void> } {
  let pending: { item: T; done(e?: unknown): void }[] = [];
  let flushing = false;
  let scheduled = false;
  const schedule = (): void => {
    if (scheduled || flushing || !pending.length) return;
    scheduled = true;
    setImmediate(next);
  };
  const next = (): void => {
    scheduled = false;
    if (flushing || !pending.length) return;
    const batch = pending.slice(0, maxItems);
    pending = pending.slice(batch.length);
    flushing = true;
    flush(batch.map((b) => b.item))
      .then(
        () => batch.forEach((b) => b.done()),
        (e: unknown) => batch.forEach((b) => b.done(e)),
      )
      .finally(() => {
        flushing = false;
        schedule();
      });
  };
  return {
    push(item) {
      return new Promise<void>((resolve, reject) => {
        pending.push({ item, done: (e) => (e === undefined ? resolve() : reject(e as Error)) });
        schedule();
      });
    },
  };
}
