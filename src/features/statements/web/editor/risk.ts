// The risk checker as the editor uses it: run it on the editor's text, mark the findings a reviewer accepted on the
// head version, and turn the findings into highlight ranges in the editor.

import { categoryInfo, checkStatement, type FactsInput, type Finding, type MessageLocale, type RiskCategory } from '../../checker/index.ts';
import type { AcceptedRisk } from '../../contract.ts';
import { rangeOf, type TextIndex } from './doc.ts';
import type { Highlight } from './extensions.ts';

/** A finding on the text being edited, with the acceptance recorded for the same wording, if any. */
export type FindingView = Finding & { accepted: AcceptedRisk | null };

/**
 * A finding counts as accepted when the head version accepted the same rule on the same words: offsets move as
 * people type, the words do not.
 */
export function markAccepted(findings: readonly Finding[], accepted: readonly AcceptedRisk[]): FindingView[] {
  return findings.map((f) => ({ ...f, accepted: accepted.find((a) => a.rule === f.rule && a.excerpt === f.excerpt) ?? null }));
}

/** Checks the text against the crisis's facts and earlier statements; messages in the interface language. */
export function checkText(text: string, facts: FactsInput, accepted: readonly AcceptedRisk[], locale: MessageLocale): FindingView[] {
  if (!text.trim()) return [];
  return markAccepted(checkStatement(text, { facts, locale }).findings, accepted);
}

/** The category's label in the interface language (the category id when the checker does not know it). */
export function categoryLabel(category: string, locale: MessageLocale): string {
  try {
    return categoryInfo(category as RiskCategory, locale).label;
  } catch {
    return category;
  }
}

/** The highlights of the findings that still fit the text. */
export function highlightsOf(index: TextIndex, findings: readonly FindingView[], locale: MessageLocale): Highlight[] {
  const out: Highlight[] = [];
  for (const f of findings) {
    const r = rangeOf(index, f.start, f.end);
    if (!r) continue;
    out.push({
      ...r,
      category: f.category,
      rule: f.rule,
      accepted: !!f.accepted,
      title: `${categoryLabel(f.category, locale)}: ${f.message}`,
    });
  }
  return out;
}
