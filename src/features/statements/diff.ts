// The difference between two statement texts, for the version history: words are the units (Chinese words found
// by the Unicode word segmenter, so changing 三天 to 五天 is one small change, not a rewritten sentence), then the
// token lists are compared with jsdiff and neighbouring parts of the same kind merged. Shared by the web app and
// any server code that wants to describe a change.
import { diffArrays } from 'diff';

/** One run of the difference: text both share, text only the second has, or text only the first had. */
export type DiffPart = { op: 'equal' | 'insert' | 'delete'; text: string };

/** Above this many milliseconds the comparison gives up and shows "all of a removed, all of b added". */
const DIFF_TIMEOUT_MS = 2000;

let segmenter: Intl.Segmenter | null = null;

/**
 * Splits a text into word-level tokens: Chinese words (by the zh-Hant dictionary), Latin words, numbers, each
 * space run and each punctuation mark; an emoji with its modifiers stays one token. Joined, they are the text.
 */
export function tokenize(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh-Hant', { granularity: 'word' });
  const out: string[] = [];
  for (const s of segmenter.segment(text)) out.push(s.segment);
  return out;
}

/** The word-level difference between `a` (older) and `b` (newer); joining equal+delete gives a, equal+insert gives b. */
export function diffTexts(a: string, b: string): DiffPart[] {
  if (a === b) return a ? [{ op: 'equal', text: a }] : [];
  const changes = diffArrays(tokenize(a), tokenize(b), { timeout: DIFF_TIMEOUT_MS });
  const parts: DiffPart[] = changes
    ? changes.map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value.join('') }))
    : [
        { op: 'delete', text: a },
        { op: 'insert', text: b },
      ];
  return merge(parts.filter((p) => p.text.length > 0));
}

/** Joins neighbouring parts of the same kind (jsdiff may split a run where tokens repeat). */
function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.op === p.op) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/** How much changed: characters inserted and deleted (for a one-line summary next to the diff). */
export function diffStats(parts: DiffPart[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const p of parts) {
    if (p.op === 'insert') inserted += p.text.length;
    else if (p.op === 'delete') deleted += p.text.length;
  }
  return { inserted, deleted };
}
