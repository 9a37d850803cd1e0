// The shipped approval chains (審核流程): who approves a statement, in order, by crisis severity and kind group.
// An organisation may replace any of them (approval_chains); absent rows use these. Backups are per
// organisation, so the shipped steps name none.
import type { Severity } from '../warnings/contract.ts';
import type { KindGroup } from './contract.ts';

/** One step of a chain: the crisis team role that decides it and named backup approvers (user ids). */
export type ChainStepDef = { role: string; backups: string[] };

const steps = (...roles: string[]): ChainStepDef[] => roles.map((role) => ({ role, backups: [] }));

/**
 * L1 outward statements need PR, legal and the executive sponsor; L2–L3 PR and legal; L4 PR alone. Internal
 * memos go inward and need the PR lead at every level.
 */
export const defaultChains: Record<Severity, Record<KindGroup, ChainStepDef[]>> = {
  L1: { external: steps('pr_lead', 'legal_counsel', 'executive_sponsor'), internal: steps('pr_lead') },
  L2: { external: steps('pr_lead', 'legal_counsel'), internal: steps('pr_lead') },
  L3: { external: steps('pr_lead', 'legal_counsel'), internal: steps('pr_lead') },
  L4: { external: steps('pr_lead'), internal: steps('pr_lead') },
};

/** The shipped chain for a severity and kind group (a fresh copy). */
export function defaultChain(severity: Severity, group: KindGroup): ChainStepDef[] {
  return defaultChains[severity][group].map((s) => ({ role: s.role, backups: [...s.backups] }));
}
