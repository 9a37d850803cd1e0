// One injectable clock so tests can move time.

/** Source of the current time. */
export type Clock = { now(): Date };

/** The real wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export function createTestClock(start = new Date('2026-01-01T00:00:00Z')) {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
    set(d: Date) {
      t = d.getTime();
    },
  };
}
