// Time zone names: one check and one pick-list, shared by contracts (server) and forms (web). No zod, no Node
// imports, so the web app can use it without pulling either into its bundle.

/** The zone an organisation starts with (the product is Taiwan first). */
export const ORG_DEFAULT_TIME_ZONE = 'Asia/Taipei';

/** Is this a time zone name the runtime knows? (Intl accepts any case and, in newer runtimes, "+08:00" offsets.) */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

// Area/Location names ("Asia/Taipei", "UTC", "America/Argentina/Buenos_Aires", "Etc/GMT+8"), not offsets.
export const IANA_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;

/** Is this an IANA time zone name (not an offset) the runtime knows? */
export function isIanaTimeZone(tz: string): boolean {
  return tz.length <= 64 && IANA_SHAPE.test(tz) && isTimeZone(tz);
}

/** The runtime's spelling of a known zone ("asia/taipei" → "Asia/Taipei"). */
export function canonicalTimeZone(tz: string): string {
  return new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone;
}

/** Zones to pick from: Asia/Taipei and UTC first, then every zone the runtime lists (plus `current` if missing). */
export function timeZoneChoices(current?: string): string[] {
  let all: string[] = [];
  try {
    all = Intl.supportedValuesOf('timeZone');
  } catch {
    // an older runtime: the first two (and the current value) still work
  }
  const list = [...new Set([ORG_DEFAULT_TIME_ZONE, 'UTC', ...all])];
  return current && !list.includes(current) ? [...list.slice(0, 2), current, ...list.slice(2)] : list;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

// A zone's UTC offset (ms) at instant t, cached per quarter hour: zone transitions since 1990 all fall on one
// (even +05:45 zones), and formatToParts is the slow part of reading a date.
export function offsetAt(t: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(t / 900_000)}`;
  let o = offsets.get(key);
  if (o === undefined) {
    if (offsets.size > 50_000) offsets.clear();
    o = computeOffset(t - (((t % 900_000) + 900_000) % 900_000), timeZone);
    offsets.set(key, o);
  }
  return o;
}

function computeOffset(t: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - (t - (((t % 1000) + 1000) % 1000));
}
