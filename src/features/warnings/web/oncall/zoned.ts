// Wall-clock arithmetic in a schedule's time zone: an instant's local date and time, a local date-time back to an
// instant, the start of each local day, and the ISO weekday of a date.
import { local } from '../../oncall.ts';

function parts(t: number, timeZone: string) {
  const l = local(t, timeZone);
  const hh = String(Math.floor(l.minutes / 60)).padStart(2, '0');
  const mm = String(l.minutes % 60).padStart(2, '0');
  return { date: l.date, time: `${hh}:${mm}` };
}

/** The local 'YYYY-MM-DDTHH:MM' of an instant (what a datetime-local input holds). */
export function toLocalInput(iso: string, timeZone: string): string {
  const l = parts(Date.parse(iso), timeZone);
  return `${l.date}T${l.time}`;
}

/** The local date and time of an instant, for display ('2025-05-06 09:00'). */
export const localText = (iso: string | number, timeZone: string) => {
  const l = parts(typeof iso === 'number' ? iso : Date.parse(iso), timeZone);
  return { date: l.date, time: l.time };
};

const asUtc = (local: string) =>
  Date.UTC(+local.slice(0, 4), +local.slice(5, 7) - 1, +local.slice(8, 10), +local.slice(11, 13) || 0, +local.slice(14, 16) || 0);

/** The instant of a local 'YYYY-MM-DDTHH:MM' in a time zone (the earlier one across a DST change), or NaN. */
export function fromLocal(local: string, timeZone: string): number {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?/.test(local)) return Number.NaN;
  const wanted = asUtc(local);
  let t = wanted;
  for (let i = 0; i < 2; i++) {
    const l = parts(t, timeZone);
    t += wanted - asUtc(`${l.date}T${l.time}`);
  }
  return t;
}

/** The ISO weekday (1 = Monday) of a 'YYYY-MM-DD' date. */
export const weekdayOf = (date: string) => ((new Date(asUtc(date)).getUTCDay() + 6) % 7) + 1;

/** The next `n` local days from the one holding `from`: each day's date, start and end instants. */
export function localDays(from: number, n: number, timeZone: string) {
  const first = parts(from, timeZone).date;
  return Array.from({ length: n }, (_, i) => {
    const date = new Date(asUtc(first) + i * 86_400_000).toISOString().slice(0, 10);
    const next = new Date(asUtc(first) + (i + 1) * 86_400_000).toISOString().slice(0, 10);
    return { date, start: fromLocal(`${date}T00:00`, timeZone), end: fromLocal(`${next}T00:00`, timeZone) };
  });
}
