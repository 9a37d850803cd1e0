// What an approved statement feeds (placeholder until it lands): the CS answer book and the employee briefing.
import type { StatementDetail } from '../../contract.ts';

/** The answer-book entries and briefings made from an approved statement. */
export function StatementOutputs(_props: { detail: StatementDetail }) {
  return null;
}
