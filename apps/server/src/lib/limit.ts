/**
 * A bulkhead for heavy work: at most `max` runs at once, the others wait their turn in order.
 * A thousand-row Open311 page holds its rows, their JSON and the response in memory; ten at once
 * grow the heap by tens of megabytes, while two at a time keep the one thread as busy (one
 * waits on the database while the other is presented).
 */
export function concurrencyLimit(max: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (active < max) active++;
    // A finished run hands its slot straight to the next waiter (active stays the same).
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
