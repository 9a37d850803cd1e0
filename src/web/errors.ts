// Turns API failures into translated messages, field errors and notifications.
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { FieldError } from '../platform/errors.ts';
import { ApiError } from './api.ts';

/** The translated, human message for any error thrown by an API call. */
export function errorMessage(err: unknown, t: TFunction): string {
  if (!(err instanceof ApiError)) return t('errors.unknown');
  if (err.code === 'network') return t('errors.network');
  if (err.code === 'unknown') return t('errors.unknown');
  // A failure about specific fields (even a 409 such as a duplicate e-mail) is explained next to them.
  if (err.fieldErrors.length) return t('errors.validation_failed');
  return t(`errors.${err.code}`);
}

/** Translates one server field error by its stable code (and limit); unknown ones show the server's text. */
export function fieldMessage(e: FieldError, t: TFunction): string {
  if (e.code === 'already_in_use') return t('validation.inUse');
  if (e.code === 'not_found') return t('validation.noSuchDepartment');
  if (e.code === 'invalid_format' && e.message.includes('e-mail')) return t('validation.email');
  if (e.message === 'required' || (e.code === 'invalid_type' && e.message.includes('undefined'))) return t('validation.required');
  if (e.code === 'too_small' && e.limit !== undefined) return t('validation.minLength', { count: e.limit });
  if (e.code === 'too_big' && e.limit !== undefined) return t('validation.maxLength', { count: e.limit });
  if (e.message.startsWith('must not contain control characters')) return t('validation.noControl');
  if (e.message === 'choose at least one scope') return t('validation.scopes');
  return e.message;
}

/** Field errors of a validation failure, keyed by field name, for a form's setErrors. */
export function fieldErrors(err: unknown, t: TFunction): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of err.fieldErrors) {
    const key = e.path.split('.')[0];
    if (key && !(key in out)) out[key] = fieldMessage(e, t);
  }
  return out;
}

/** Shows a red notification for a failed action. */
export function notifyError(err: unknown, t: TFunction): void {
  notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(err, t) });
}

/** Shows a green notification for a completed action. */
export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message });
}
