/** A clock and timers that move only when told, for modules that take `now`, `setTimer` and `clearTimer`. */
export function fakeClock(start: number) {
  let time = start;
  const timers = new Map<number, { at: number; run: () => void }>();
  let nextId = 1;
  return {
    now: () => time,
    setTimer: (run: () => void, ms: number): unknown => {
      const id = nextId++;
      timers.set(id, { at: time + ms, run });
      return id;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    /** Timers set and not yet run or cleared. */
    pending: () => timers.size,
    /** Moves the clock on by `ms` and runs every timer due by then, in the order they were set. */
    tick(ms: number): void {
      time += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at <= time) {
          timers.delete(id);
          timer.run();
        }
      }
    },
  };
}
