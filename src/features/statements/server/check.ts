// Runs the wording checker on a version's text with the crisis's reference (fact sheet and approved
// statements), and works out which findings are still open (not accepted as a risk).
import { checkStatement } from '../checker/index.ts';
import type { AcceptedRisk, StatementLanguage, StoredFinding } from '../contract.ts';

/** The checker's findings on `text`, as stored with a version. */
export function findingsOf(
  text: string,
  language: StatementLanguage,
  reference: { facts: { text: string }[]; statements: string[] },
): StoredFinding[] {
  if (text.trim() === '') return [];
  const r = checkStatement(text, { lang: language, facts: reference, locale: language });
  return r.findings.map((f) => ({
    category: f.category,
    rule: f.rule,
    start: f.start,
    end: f.end,
    excerpt: f.excerpt,
    message: f.message,
    suggestion: f.suggestion,
    ...(f.law ? { law: f.law } : {}),
    ...(f.ref ? { ref: f.ref } : {}),
  }));
}

/** Stored jsonb as findings (anything malformed left out). */
export function storedFindings(v: unknown): StoredFinding[] {
  return Array.isArray(v) ? (v as StoredFinding[]).filter((f) => f && typeof f.rule === 'string') : [];
}

/** An accepted risk as stored: the person as id and name. */
export type StoredAccepted = Omit<AcceptedRisk, 'by'> & { by: string; byName: string };

/** Stored jsonb as accepted risks, in the API's shape. */
export function acceptedOf(v: unknown): AcceptedRisk[] {
  if (!Array.isArray(v)) return [];
  return (v as StoredAccepted[])
    .filter((a) => a && typeof a.rule === 'string')
    .map((a) => ({
      rule: a.rule,
      category: a.category,
      start: a.start,
      end: a.end,
      excerpt: a.excerpt,
      reason: a.reason,
      by: { id: a.by, name: a.byName },
      at: a.at,
    }));
}

const sameSpan = (a: { rule: string; start: number; end: number }, b: { rule: string; start: number; end: number }) =>
  a.rule === b.rule && a.start === b.start && a.end === b.end;

/** Findings nobody accepted as a risk. */
export function openFindings(findings: StoredFinding[], accepted: { rule: string; start: number; end: number }[]): StoredFinding[] {
  return findings.filter((f) => !accepted.some((a) => sameSpan(a, f)));
}

/** True when the two spans name the same finding. */
export { sameSpan };
