// Durations of the drill screens: response clocks are seconds of real time, shown as m:ss or h:mm:ss.

/** 75 → "1:15", 3725 → "1:02:05"; negative or fractional seconds are rounded and clamped at 0. */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Scenario minutes as the clock shows them: the whole minutes elapsed (the player reports fractions). */
export function wholeMinute(minute: number): number {
  return Math.max(0, Math.floor(minute));
}
