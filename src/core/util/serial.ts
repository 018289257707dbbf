/**
 * Runs async tasks one after another, in call order, so read-modify-write cycles on storage cannot
 * interleave and lose a write. A failing task does not block the ones after it.
 */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const next = tail.then(task, task);
    tail = next.catch(() => undefined);
    return next;
  };
}
