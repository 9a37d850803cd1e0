// Locale-aware formatting of dates for display.
import i18n from './i18n/index.ts';

/** Formats an ISO timestamp as a medium date and short time in the interface language (in `timeZone`, else the browser's). */
export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d);
}
