// Phrase rules: regular expressions written in Traditional Chinese and English, compiled once through
// `normalise()` so one rule matches zh-TW, zh-CN, full-width and upper-case text, and run over the
// normalised text (same offsets as the original). Gaps are bounded (`~N`), so matching stays linear.
import { normalise } from '../../../platform/text/normalise.ts';
import type { RiskCategory } from './categories.ts';

/** A phrase rule as written: `re` may use `~N` for "up to N characters within the sentence", `@N` within the clause. */
export type PhraseRule = {
  id: string;
  category: RiskCategory;
  re: string;
  /** Skip when this matches the few characters before the match (negation, quoting). Write it ending in `$`. */
  notBefore?: string;
  /** Skip when this matches the characters right after the match. Write it starting with `^`. */
  notAfter?: string;
  /** Skip when this matches inside the matched text itself (e.g. "will not sue"). */
  notIn?: string;
  /** Skip when this matches anywhere in the sentence. */
  notSentence?: string;
  /** Widen the span back to this when it occurs earlier in the sentence (the promising verb of a guarantee). Ends in `$`. */
  lead?: string;
  /** Widen the span over this when it follows in the sentence (what is promised). Starts with `^`. */
  tail?: string;
};

type Compiled = {
  rule: PhraseRule;
  re: RegExp;
  before?: RegExp;
  after?: RegExp;
  inside?: RegExp;
  sentence?: RegExp;
  lead?: RegExp;
  tail?: RegExp;
};

/** Characters that end a sentence for the purpose of gaps and context windows. */
const SENTENCE_END = '。.!?;\\n';
const GAP = `[^${SENTENCE_END}]`;
/** `@N`: up to N characters within the clause (commas end it too). */
const CLAUSE_GAP = `[^,、:${SENTENCE_END}]`;

/** Turns a rule source into a regex source over normalised text. */
export function compileSource(src: string): string {
  if (/\\[A-Z]/.test(src)) throw new Error(`rule source must not use upper-case escapes (normalise lower-cases them): ${src}`);
  return normalise(src)
    .replace(/~(\d+)/g, `${GAP}{0,$1}`)
    .replace(/@(\d+)/g, `${CLAUSE_GAP}{0,$1}`);
}

export function compileRules(rules: readonly PhraseRule[]): Compiled[] {
  return rules.map((rule) => ({
    rule,
    re: new RegExp(compileSource(rule.re), 'g'),
    before: rule.notBefore ? new RegExp(compileSource(rule.notBefore)) : undefined,
    after: rule.notAfter ? new RegExp(compileSource(rule.notAfter)) : undefined,
    inside: rule.notIn ? new RegExp(compileSource(rule.notIn)) : undefined,
    sentence: rule.notSentence ? new RegExp(compileSource(rule.notSentence)) : undefined,
    lead: rule.lead ? new RegExp(compileSource(rule.lead)) : undefined,
    tail: rule.tail ? new RegExp(compileSource(rule.tail)) : undefined,
  }));
}

/** Where each sentence starts and ends, for context windows. */
export class Sentences {
  private readonly ends: number[] = [];
  private readonly norm: string;
  constructor(norm: string) {
    this.norm = norm;
    const re = /[。.!?;\n]/g;
    for (let m = re.exec(norm); m; m = re.exec(norm)) this.ends.push(m.index);
  }
  /** [start, end) of the sentence holding offset i (end excludes the terminator). */
  around(i: number): [number, number] {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid] < i) lo = mid + 1;
      else hi = mid;
    }
    const start = lo > 0 ? this.ends[lo - 1] + 1 : 0;
    const end = lo < this.ends.length ? this.ends[lo] : this.norm.length;
    return [start, end];
  }
}

export type RawFinding = { category: RiskCategory; rule: string; start: number; end: number };

const WINDOW = 24;
/** notAfter may look a little further (what a promise is about). */
const AFTER_WINDOW = 40;
/** How far back a lead (a promising verb) may stand from the claim it introduces. */
const LEAD_WINDOW = 48;

/** Runs compiled rules over normalised text; returns every match whose context allows it. */
export function runRules(compiled: readonly Compiled[], norm: string, sentences: Sentences): RawFinding[] {
  const out: RawFinding[] = [];
  for (const c of compiled) {
    c.re.lastIndex = 0;
    for (let m = c.re.exec(norm); m; m = c.re.exec(norm)) {
      let start = m.index;
      let end = start + m[0].length;
      if (end === start) {
        c.re.lastIndex++;
        continue;
      }
      if (c.inside?.test(m[0])) continue;
      if (c.before || c.after || c.sentence || c.lead || c.tail) {
        const [s0, s1] = sentences.around(start);
        if (c.before?.test(norm.slice(Math.max(s0, start - WINDOW), start))) continue;
        if (c.after?.test(norm.slice(end, Math.min(s1, end + AFTER_WINDOW)))) continue;
        if (c.sentence?.test(norm.slice(s0, Math.max(s1, end)))) continue;
        const from = Math.max(s0, start - LEAD_WINDOW);
        const lead = c.lead?.exec(norm.slice(from, start));
        if (lead) start = from + lead.index;
        const tail = end < s1 ? c.tail?.exec(norm.slice(end, Math.min(s1, end + WINDOW))) : undefined;
        if (tail) end += tail[0].length;
      }
      out.push({ category: c.rule.category, rule: c.rule.id, start, end });
    }
  }
  return out;
}
