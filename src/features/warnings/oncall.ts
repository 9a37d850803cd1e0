// On-call schedules (值班表), pure so the server and the web app compute the same answers: a weekly
// (or n-day) rotation through people, handed over at a local day and time in the schedule's time zone,
// optionally covering only some hours (the rest are gaps), with overrides that win over the rotation.
import { z } from 'zod';
import { isTimeZone } from '../../platform/time-zone.ts';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour)');

/** A schedule's settings. */
export const scheduleInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  timeZone: z.string().max(64).refine(isTimeZone, 'Unknown time zone'),
  /** People in rotation order (user ids). */
  participants: z.array(z.uuid()).min(1).max(50),
  /** The first hand-over: a local date (YYYY-MM-DD) and time; later ones every `lengthDays` days. */
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  handoffTime: hhmm,
  lengthDays: z.number().int().min(1).max(28),
  /** Hours covered, per ISO weekday (1 = Monday); absent = around the clock. */
  coverage: z
    .array(z.strictObject({ days: z.array(z.number().int().min(1).max(7)).min(1), from: hhmm, to: hhmm }))
    .max(14)
    .optional(),
  /** Someone else on call for a while (holiday swaps); the latest override wins. */
  overrides: z
    .array(z.strictObject({ userId: z.uuid(), start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }) }))
    .max(200)
    .refine((os) => os.every((o) => Date.parse(o.end) > Date.parse(o.start)), 'An override must end after it starts'),
});
export type Schedule = z.infer<typeof scheduleInput>;

/** The local date (YYYY-MM-DD), minutes since local midnight and ISO weekday of an instant in a time zone. */
export function local(t: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
    hourCycle: 'h23',
  }).formatToParts(new Date(t));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, minutes: Number(get('hour')) * 60 + Number(get('minute')), weekday };
}

const minutesOf = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
/** Days between two local dates (calendar arithmetic, immune to DST). */
const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/** Whether the schedule covers instant t (its coverage hours; always when it has none). */
export function covers(s: Schedule, t: number): boolean {
  if (!s.coverage?.length) return true;
  const l = local(t, s.timeZone);
  return s.coverage.some((c) => {
    const from = minutesOf(c.from);
    const to = minutesOf(c.to);
    if (from < to) return c.days.includes(l.weekday) && l.minutes >= from && l.minutes < to;
    // Overnight (e.g. 22:00–06:00): the evening part on the listed day, the morning part on the next.
    const prevDay = ((l.weekday + 5) % 7) + 1;
    return (c.days.includes(l.weekday) && l.minutes >= from) || (c.days.includes(prevDay) && l.minutes < to);
  });
}

/** Who is on call at instant t, or null (a gap: outside coverage, or before the first hand-over). */
export function onCallAt(s: Schedule, t: number): string | null {
  for (let i = s.overrides.length - 1; i >= 0; i--) {
    const o = s.overrides[i];
    if (t >= Date.parse(o.start) && t < Date.parse(o.end)) return o.userId;
  }
  if (!covers(s, t)) return null;
  const l = local(t, s.timeZone);
  // Local minutes since the first hand-over.
  const since = (dayNumber(l.date) - dayNumber(s.startDate)) * 1440 + l.minutes - minutesOf(s.handoffTime);
  if (since < 0) return null;
  const turn = Math.floor(since / (s.lengthDays * 1440));
  return s.participants[turn % s.participants.length];
}

/** Who is on call over [from, to), as segments (null = a gap), at `stepMinutes` resolution. */
export function coverageOf(s: Schedule, from: number, to: number, stepMinutes = 15) {
  const out: Array<{ start: string; end: string; userId: string | null }> = [];
  const step = stepMinutes * 60_000;
  for (let t = from; t < to; t += step) {
    const who = onCallAt(s, t);
    const last = out.at(-1);
    if (last && last.userId === who) last.end = new Date(Math.min(t + step, to)).toISOString();
    else out.push({ start: new Date(t).toISOString(), end: new Date(Math.min(t + step, to)).toISOString(), userId: who });
  }
  return out;
}

/** Whether instant t falls in quiet hours from–to (HH:MM, possibly overnight) in `timeZone`. */
export function inQuietHours(q: { from: string; to: string; timeZone: string } | null | undefined, t: number): boolean {
  if (!q) return false;
  let minutes: number;
  try {
    minutes = local(t, q.timeZone).minutes;
  } catch {
    return false; // an unknown time zone never silences anyone
  }
  const from = minutesOf(q.from);
  const to = minutesOf(q.to);
  return from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}

/**
 * When the quiet hours `t` falls in end (epoch ms), or null when `t` is not in quiet hours: messages that may
 * wait are held until then.
 */
export function quietHoursEnd(q: { from: string; to: string; timeZone: string } | null | undefined, t: number): number | null {
  if (!q || !inQuietHours(q, t)) return null;
  const minutes = local(t, q.timeZone).minutes;
  const wait = (minutesOf(q.to) - minutes + 1440) % 1440 || 1440;
  return t - (t % 60_000) + wait * 60_000;
}
