/**
 * Collects items and hands them over together after a quiet moment: a map page loads hundreds of
 * tiles, and one storage write per tile would be wasted work.
 */
export function createBatcher<T>(flush: (items: T[]) => void, delayMs: number, schedule: (run: () => void, ms: number) => unknown = setTimeout) {
  let items: T[] = [];
  let pending = false;
  return (item: T): void => {
    items.push(item);
    if (pending) return;
    pending = true;
    schedule(() => {
      pending = false;
      const batch = items;
      items = [];
      flush(batch);
    }, delayMs);
  };
}
