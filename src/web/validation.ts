// Client-side field rules with translated messages (the server checks again and may add field errors).
import type { TFunction } from 'i18next';

type Rule = (value: string) => string | null;

// Mirrors the contract: control characters and line breaks are refused in single-line fields.
const CONTROL = /[\u0000-\u001F\u007F]/;

/** A required single-line text of at most `max` characters. */
export const textRule =
  (t: TFunction, max: number, optional = false): Rule =>
  (value) => {
    const v = value.trim();
    if (!v) return optional ? null : t('validation.required');
    if (v.length > max) return t('validation.maxLength', { count: max });
    if (CONTROL.test(v)) return t('validation.noControl');
    return null;
  };

/** An e-mail address. */
export const emailRule =
  (t: TFunction): Rule =>
  (value) => {
    const v = value.trim();
    if (!v) return t('validation.required');
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) && v.length <= 254 ? null : t('validation.email');
  };

/** A new password: 12 to 256 characters. */
export const passwordRule =
  (t: TFunction): Rule =>
  (value) => {
    if (!value) return t('validation.required');
    if (value.length < 12) return t('validation.minLength', { count: 12 });
    if (value.length > 256) return t('validation.maxLength', { count: 256 });
    return null;
  };

/** Any non-empty value. */
export const requiredRule =
  (t: TFunction): Rule =>
  (value) =>
    value ? null : t('validation.required');

/** Trimmed text, or null when empty (for optional nullable fields). */
export function orNull(value: string): string | null {
  const v = value.trim();
  return v ? v : null;
}
