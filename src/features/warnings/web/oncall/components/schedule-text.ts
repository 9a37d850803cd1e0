// A schedule in words: its hand-over ("每 7 天於週一 09:00 交接") and covered hours ("週一至週五 09:00–18:00").
import { useTranslation } from 'react-i18next';
import type { Schedule } from '../../../oncall.ts';
import { weekdayOf } from '../zoned.ts';

const k = 'warnings.oncall';

/** The message key of an ISO weekday's short name (1 = Monday). */
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const weekdayKey = (d: number) => `${k}.weekday.${weekdays[(d - 1) % 7]}` as const;

/** The hand-over in words. */
export function useHandoffText() {
  const { t } = useTranslation();
  return (s: Pick<Schedule, 'lengthDays' | 'startDate' | 'handoffTime'>) => {
    const time = s.handoffTime;
    if (s.lengthDays === 1) return t(`${k}.handoffDaily`, { time });
    if (s.lengthDays % 7 === 0)
      return t(`${k}.handoffWeekly`, { count: s.lengthDays, time, weekday: t(weekdayKey(weekdayOf(s.startDate))) });
    return t(`${k}.handoffEvery`, { count: s.lengthDays, time, date: s.startDate });
  };
}

/** Weekdays in words, runs of three or more as a range ("週一–週五、週日"). */
export function useDaysText() {
  const { t } = useTranslation();
  return (days: number[]) => {
    const sorted = [...new Set(days)].sort((a, b) => a - b);
    const runs: number[][] = [];
    for (const d of sorted) {
      const run = runs.at(-1);
      if (run && run.at(-1) === d - 1) run.push(d);
      else runs.push([d]);
    }
    const name = (d: number) => t(weekdayKey(d));
    const parts = runs.flatMap((r) => (r.length >= 3 ? [`${name(r[0])}–${name(r.at(-1) as number)}`] : r.map(name)));
    return parts.join(t(`${k}.daySep`));
  };
}

/** Each covered-hours row in words, or null when the schedule runs around the clock. */
export function useCoverageText() {
  const { t } = useTranslation();
  const daysText = useDaysText();
  return (s: Pick<Schedule, 'coverage'>): string[] | null => {
    if (!s.coverage?.length) return null;
    return s.coverage.map((c) => {
      const range = t(`${k}.coverageRow`, { days: daysText(c.days), from: c.from, to: c.to });
      return c.to < c.from ? t(`${k}.overnight`, { range }) : range;
    });
  };
}
