// Channel variants of a statement (placeholder until the panel lands).
import type { StatementDetail } from '../../contract.ts';

/** The statement's channel variants. */
export function VariantsPanel(_props: { detail: StatementDetail }) {
  return null;
}
