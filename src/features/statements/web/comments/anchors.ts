// Between comment threads and the editor. Threads carry plain-text offsets (docToText, as the checker's); the
// editor works in ProseMirror positions. Both directions go through the editor's one text index (`indexText` of
// ../editor/doc.ts, the same the checker's highlights use): `rangeOf` from offsets to positions, and its `pos`
// table read backwards from a selection to offsets. Threads are re-anchored to the text being edited with the same
// `reanchor` the server uses, so highlights follow unsaved edits too.
import { type AnchorState, type CommentThread, quoteOf, reanchor } from '../../comments-contract.ts';
import { rangeOf, type TextIndex } from '../editor/doc.ts';
import type { CommentHighlight } from '../editor/extensions.ts';

/** The first text offset whose editor position is at or after `pos` (the text's length when none is). */
function offsetAt(index: TextIndex, pos: number): number {
  let lo = 0;
  let hi = index.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.pos[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The text offsets [start, end) of an editor selection, or null when it holds no text. */
export function selectionOffsets(index: TextIndex, from: number, to: number): { start: number; end: number } | null {
  const start = offsetAt(index, from);
  const end = offsetAt(index, to);
  return end > start ? { start, end } : null;
}

/** What a new comment is about: a span of a stored version's text, or why it cannot be made yet. */
export type Draft =
  | { ok: true; versionNumber: number; start: number; end: number; quote: string }
  | { ok: false; reason: 'empty' | 'unsaved' };

/**
 * Turns a selection in the editor into a span of the head version's text. When the editor holds unsaved edits, the
 * selected words are looked up in the head text by their surroundings; words that exist only in the unsaved text
 * cannot be commented on until they are saved.
 */
export function draftOf(index: TextIndex, from: number, to: number, head: { number: number; text: string }): Draft {
  const span = selectionOffsets(index, from, to);
  if (!span) return { ok: false, reason: 'empty' };
  const q = quoteOf(index.text, span.start, span.end);
  if (!q.quote.trim()) return { ok: false, reason: 'empty' };
  if (index.text === head.text) return { ok: true, versionNumber: head.number, ...span, quote: q.quote };
  const a = reanchor(head.text, { ...q, start: span.start });
  if (a.anchor === 'lost') return { ok: false, reason: 'unsaved' };
  return { ok: true, versionNumber: head.number, start: a.start, end: a.end, quote: q.quote };
}

/** A thread as it sits in the text being edited. */
export type Placed = { anchor: AnchorState; range: { from: number; to: number } | null };

/** Places every thread in the editor's current text. */
export function placeThreads(index: TextIndex, threads: readonly CommentThread[]): Map<string, Placed> {
  const out = new Map<string, Placed>();
  for (const t of threads) {
    const a = reanchor(index.text, { quote: t.quote, prefix: t.prefix, suffix: t.suffix, start: t.start ?? 0 });
    if (a.anchor === 'lost') out.set(t.id, { anchor: 'lost', range: null });
    else out.set(t.id, { anchor: t.anchor === 'lost' ? 'moved' : t.anchor, range: rangeOf(index, a.start, a.end) });
  }
  return out;
}

/** The inline highlights of the threads shown (resolved ones only when they are shown). */
export function commentHighlights(
  placed: Map<string, Placed>,
  threads: readonly CommentThread[],
  active: string | null,
  showResolved: boolean,
): CommentHighlight[] {
  const out: CommentHighlight[] = [];
  for (const t of threads) {
    const r = placed.get(t.id)?.range;
    if (!r || (t.resolved && !showResolved)) continue;
    out.push({ ...r, id: t.id, active: t.id === active, resolved: !!t.resolved });
  }
  return out;
}
