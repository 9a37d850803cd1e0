// The learned layer beside the phrase rules: one logistic regression per wording category over character n-grams
// (and, for Latin text, words and word pairs) of each clause of the normalised text. Rules catch the wordings
// someone wrote down; the model scores clauses by the cues the labelled sets share, so it can flag a clause no
// rule matched. Isomorphic like the rest of the checker: no Node imports. Trained by
// `scripts/train-checker-model.ts` from the tuning sets (never the holdout) into `model-data.ts`.
import type { RiskCategory } from './categories.ts';

/** The categories the model scores (personal data and fact conflicts are structural: the rules and facts own them). */
export const modelCategories = [
  'liability_admission',
  'speculation',
  'absolute_promise',
  'blame_shifting',
  'defamation',
  'no_comment',
  'victim_playing',
  'minimizing',
  'legal_threat',
] as const satisfies readonly RiskCategory[];
export type ModelCategory = (typeof modelCategories)[number];

/** A trained model: per category a bias, a threshold and sparse weights by feature. */
export type ModelData = {
  version: 1;
  /** Where it was trained from and how (for the model card). */
  provenance: string;
  categories: Record<ModelCategory, { bias: number; threshold: number }>;
  /** feature → one weight per category, in `modelCategories` order (0 where absent). */
  weights: Record<string, number[]>;
};

/** A clause: a span of the text between clause punctuation, with leading/trailing spaces trimmed. */
export type Clause = { start: number; end: number };

const CLAUSE_END = /[。.!?！？;；,，、:：\n]/;
const SPACE = /\s/;

/** Splits normalised text into clauses (the offsets are those of the original text too). */
export function clausesOf(norm: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  const push = (s: number, e: number) => {
    while (s < e && SPACE.test(norm[s])) s++;
    while (e > s && SPACE.test(norm[e - 1])) e--;
    // A decimal point or thousands comma between digits does not end a clause.
    if (e - s >= 2) out.push({ start: s, end: e });
  };
  for (let i = 0; i < norm.length; i++) {
    const ch = norm[i];
    if (!CLAUSE_END.test(ch)) continue;
    if ((ch === '.' || ch === ',') && /\d/.test(norm[i - 1] ?? '') && /\d/.test(norm[i + 1] ?? '')) continue;
    push(start, i);
    start = i + 1;
  }
  push(start, norm.length);
  return out;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const WORD = /[a-z0-9']+/g;

/** The features of one normalised clause: character 1–3-grams (CJK) / 3–4-grams (Latin), words and word pairs. */
export function featuresOf(clause: string): string[] {
  const out = new Set<string>();
  const s = `^${clause}$`;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (CJK.test(c)) out.add(c);
    for (const n of [2, 3]) if (i + n <= s.length) out.add(s.slice(i, i + n));
    if (i + 4 <= s.length && !CJK.test(c)) out.add(s.slice(i, i + 4));
  }
  const words = clause.match(WORD) ?? [];
  for (let i = 0; i < words.length; i++) {
    out.add(`w:${words[i]}`);
    if (i + 1 < words.length) out.add(`w:${words[i]}_${words[i + 1]}`);
  }
  return [...out];
}

/** The model's score (0–1) for each category on one clause. */
export function scoreClause(model: ModelData, clause: string): number[] {
  const z = modelCategories.map((c) => model.categories[c].bias);
  for (const f of featuresOf(clause)) {
    const w = model.weights[f];
    if (!w) continue;
    for (let k = 0; k < z.length; k++) z[k] += w[k] ?? 0;
  }
  return z.map((v) => 1 / (1 + Math.exp(-v)));
}

/** A clause the model flags: category, span and score. */
export type ModelFinding = { category: ModelCategory; start: number; end: number; score: number };

/** Every clause whose score passes its category's threshold. `norm` is the normalised text. */
export function runModel(model: ModelData, norm: string): ModelFinding[] {
  const out: ModelFinding[] = [];
  for (const cl of clausesOf(norm)) {
    const scores = scoreClause(model, norm.slice(cl.start, cl.end));
    modelCategories.forEach((c, k) => {
      if (scores[k] >= model.categories[c].threshold) out.push({ category: c, start: cl.start, end: cl.end, score: scores[k] });
    });
  }
  return out;
}
