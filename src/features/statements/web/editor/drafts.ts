// Unsaved text kept on this device, per statement, with the head version it was written against: a reload (or a
// crash, or a lost connection) offers it back instead of losing it. Saved text removes it.
import type { StatementDoc } from '../../contract.ts';

/** What is kept: the document, the head version it started from, and when it was written. */
export type Draft = { base: number; body: StatementDoc; savedAt: string };

const keyOf = (statementId: string) => `firebreak.statement-draft.${statementId}`;

/** The draft kept for a statement, if any (a damaged entry counts as none). */
export function readDraft(statementId: string): Draft | null {
  try {
    const raw = localStorage.getItem(keyOf(statementId));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<Draft>;
    if (typeof d.base !== 'number' || !d.body || d.body.type !== 'doc' || !Array.isArray(d.body.content)) return null;
    return { base: d.base, body: d.body, savedAt: typeof d.savedAt === 'string' ? d.savedAt : '' };
  } catch {
    return null;
  }
}

/** Keeps the unsaved document (quietly does nothing when storage is full or disabled). */
export function writeDraft(statementId: string, base: number, body: StatementDoc): void {
  try {
    localStorage.setItem(keyOf(statementId), JSON.stringify({ base, body, savedAt: new Date().toISOString() }));
  } catch {
    // private mode or quota: the text is still in the editor
  }
}

/** Forgets the draft (its text was saved, or the user discarded it). */
export function clearDraft(statementId: string): void {
  try {
    localStorage.removeItem(keyOf(statementId));
  } catch {
    // nothing kept
  }
}
