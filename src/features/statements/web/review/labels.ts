// Names on the review panel: a chain step's role (a crisis team role, else its own id), and a finding's category
// in the interface language.
import type { TFunction } from 'i18next';
import { type TeamRole, teamRoles } from '../../../crises/contract.ts';
import { type CategoryInfo, categoryInfo, type RiskCategory, riskCategories } from '../../checker/index.ts';

/** "公關負責人", "法務" … */
export function roleName(role: string, t: TFunction): string {
  return (teamRoles as readonly string[]).includes(role) ? t(`crises.role.${role as TeamRole}`) : role;
}

/** The category's label, why, safer direction and law; an unknown category keeps its id as the label. */
export function categoryText(category: string, language: string): CategoryInfo {
  if (!(riskCategories as readonly string[]).includes(category)) return { label: category, why: '', safer: '' };
  return categoryInfo(category as RiskCategory, language === 'en' ? 'en' : 'zh-TW');
}
