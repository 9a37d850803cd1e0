// A signal's value in the interface language: counts as counts, the negative share as a percentage, reach compact.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignalName } from '../../contract.ts';

/** A formatter for any signal's observed, expected or band value. */
export function useSignalFormat(): (signal: SignalName, value: number) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const small = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    return (signal, value) => {
      if (signal === 'negative_share') return pct.format(value);
      // An expected 0.4 mentions is not "0": small values keep one decimal.
      if (Math.abs(value) < 10) return small.format(value);
      return value >= 10_000 ? compact.format(value) : whole.format(value);
    };
  }, [locale]);
}
