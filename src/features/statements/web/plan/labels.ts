// How an audience of the communication plan is named: a custom audience by its own name, the others by kind.
import type { TFunction } from 'i18next';
import type { CommAudience } from '../../contract.ts';

/** "消費者", "媒體" … or the custom audience's name. */
export function audienceName(a: Pick<CommAudience, 'kind' | 'name'>, t: TFunction): string {
  if (a.kind === 'custom') return a.name?.trim() || t('statementPlan.audience.custom');
  return t(`statementPlan.audience.${a.kind}`);
}
