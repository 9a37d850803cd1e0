// Server field errors placed on a form's own fields (paths such as `config.url` or `escalation.levels.0.channelIds`).
import type { TFunction } from 'i18next';
import { ApiError } from '../../../web/api.ts';
import { fieldMessage } from '../../../web/errors.ts';

/** Translated field errors keyed by form path; `rename` maps a server path onto a form field (null drops it). */
export function formErrors(err: unknown, t: TFunction, rename: (path: string) => string | null = (p) => p): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of err.fieldErrors) {
    const key = rename(e.path);
    if (key && !(key in out)) out[key] = fieldMessage(e, t);
  }
  return out;
}

/** True when the failure is a stale version (someone else saved first), not a field problem. */
export function isStale(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'conflict' && err.fieldErrors.length === 0;
}
