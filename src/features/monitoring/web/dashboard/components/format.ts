// Number and time formatting in the interface language for the dashboard.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Formatters bound to the current language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    const pct = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const clock = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
    return {
      integer: (n: number) => int.format(n),
      compact: (n: number) => (n < 10_000 ? int.format(n) : compact.format(n)),
      percent: (share: number) => pct.format(share),
      decimal: (n: number, digits: number) =>
        new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n),
      dateTime: (iso: string) => time.format(new Date(iso)),
      clock: (ms: number) => clock.format(new Date(ms)),
    };
  }, [locale]);
}
