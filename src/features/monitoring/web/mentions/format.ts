// Display helpers of the mention screens: relative times, compact counts, safe links.
import i18n from '../../../../web/i18n/index.ts';

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "3 小時前" / "3 hours ago" for an ISO time, relative to now. */
export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' });
  for (const [unit, size] of UNITS) if (Math.abs(seconds) >= size) return rtf.format(Math.trunc(seconds / size), unit);
  return rtf.format(0, 'minute');
}

/** A count in the interface language, compact for big numbers (1.2 萬 / 12K). */
export function compactNumber(n: number): string {
  return new Intl.NumberFormat(i18n.language, { notation: n >= 10_000 ? 'compact' : 'standard', maximumFractionDigits: 1 }).format(n);
}

/** A full count with separators. */
export function fullNumber(n: number): string {
  return new Intl.NumberFormat(i18n.language).format(n);
}

/** A signed score with two decimals (+0.42, −0.80). */
export function signedScore(n: number): string {
  return new Intl.NumberFormat(i18n.language, { signDisplay: 'exceptZero', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
}

/** The URL if it is http(s) — anything else (javascript:, data:) is never made a link. */
export function safeHttpUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
