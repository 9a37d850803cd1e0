// Clocks of the crisis screens: a shared ticking "now" (one timer per period, however many clocks show it),
// durations in words ("2 小時 5 分"), countdowns to a deadline and the playbook's "T+15 分鐘".
import type { TFunction } from 'i18next';
import { useSyncExternalStore } from 'react';

type Ticker = { now: number; subscribe: (listener: () => void) => () => void; snapshot: () => number };
const tickers = new Map<number, Ticker>();

/** One shared clock per period: a timer runs only while someone listens; snapshots change only on a tick. */
function tickerFor(periodMs: number): Ticker {
  const existing = tickers.get(periodMs);
  if (existing) return existing;
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  const tick = () => {
    ticker.now = Date.now();
    for (const l of listeners) l();
  };
  const ticker: Ticker = {
    now: Date.now(),
    subscribe: (listener) => {
      listeners.add(listener);
      if (!timer) {
        timer = setInterval(tick, periodMs);
        // The clock may have slept while nobody listened: catch up at once (after this render).
        setTimeout(tick, 0);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    snapshot: () => ticker.now,
  };
  tickers.set(periodMs, ticker);
  return ticker;
}

/** The current time in ms, re-rendering every `periodMs` (all callers with the same period share one timer). */
export function useNow(periodMs = 1000): number {
  const ticker = tickerFor(periodMs);
  return useSyncExternalStore(ticker.subscribe, ticker.snapshot);
}

/** A length of time in words, to the minute: "3 天 2 小時", "2 小時 5 分", "12 分鐘", "不到 1 分鐘". */
export function durationText(ms: number, t: TFunction): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return t('crises.clock.underMinute');
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return t('crises.clock.days', { d, h });
  if (h > 0) return t('crises.clock.hours', { h, m });
  return t('crises.clock.minutes', { count: m });
}

/** Elapsed time as a ticking stopwatch: "1:05:09", or "2d 1:05:09" past a day. */
export function stopwatch(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(s / 86_400);
  const hh = Math.floor((s % 86_400) / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${d > 0 ? `${d}d ` : ''}${hh}:${mm}:${ss}`;
}

/** A deadline against now: whether it has passed, and the words ("還有 12 分鐘" / "逾期 5 分鐘"). */
export function countdown(dueAt: string, now: number, t: TFunction): { overdue: boolean; text: string } {
  const left = new Date(dueAt).getTime() - now;
  const time = durationText(left, t);
  return left < 0
    ? { overdue: true, text: t('crises.clock.overdueBy', { time }) }
    : { overdue: false, text: t('crises.clock.dueIn', { time }) };
}

/** A playbook clock: minutes after the declaration as "T+15 分鐘", "T+2 小時", "T+1 天". */
export function playbookClock(minutes: number, t: TFunction): string {
  if (minutes >= 1440 && minutes % 1440 === 0) return t('crises.clock.playbookDays', { count: minutes / 1440 });
  if (minutes >= 60 && minutes % 60 === 0) return t('crises.clock.playbookHours', { count: minutes / 60 });
  return t('crises.clock.playbookMinutes', { count: minutes });
}
