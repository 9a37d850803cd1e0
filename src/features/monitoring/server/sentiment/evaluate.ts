// Metrics on labelled texts: accuracy and macro-F1 of the reported label (a 'neutral' answer on a
// polar review counts as wrong), accuracy of the score's sign alone, and the share answered neutral.
import type { SentimentResult } from './model.ts';

/** Metrics for one set of texts. */
export type Metrics = {
  n: number;
  /** Reported label equals the gold label (neutral answers count as errors). */
  accuracy: number;
  /** Mean F1 of the positive and negative classes, on the reported labels. */
  macroF1: number;
  /** sign(score) equals the gold polarity (what the model knows, before the neutral band). */
  polarityAccuracy: number;
  /** Share of texts answered 'neutral'. */
  neutralShare: number;
};

const r4 = (x: number) => Math.round(x * 10000) / 10000;

/** Computes metrics of predictions against gold labels (positive/negative only). */
export function metrics(gold: Array<'positive' | 'negative' | 'neutral'>, predicted: SentimentResult[]): Metrics {
  let right = 0;
  let polar = 0;
  let neutral = 0;
  const tp = { positive: 0, negative: 0 };
  const fp = { positive: 0, negative: 0 };
  const fn = { positive: 0, negative: 0 };
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i];
    const p = predicted[i];
    if (p.sentiment === g) right++;
    if ((p.score > 0 && g === 'positive') || (p.score < 0 && g === 'negative')) polar++;
    if (p.sentiment === 'neutral') neutral++;
    for (const c of ['positive', 'negative'] as const) {
      if (p.sentiment === c && g === c) tp[c]++;
      else if (p.sentiment === c) fp[c]++;
      else if (g === c) fn[c]++;
    }
  }
  const f1 = (c: 'positive' | 'negative') => (tp[c] === 0 ? 0 : (2 * tp[c]) / (2 * tp[c] + fp[c] + fn[c]));
  const n = gold.length || 1;
  return {
    n: gold.length,
    accuracy: r4(right / n),
    macroF1: r4((f1('positive') + f1('negative')) / 2),
    polarityAccuracy: r4(polar / n),
    neutralShare: r4(neutral / n),
  };
}

/** Metrics overall and per source. */
export function metricsBySource(
  items: Array<{ label: 'positive' | 'negative' | 'neutral'; source: string }>,
  predicted: SentimentResult[],
): Record<string, Metrics> {
  const groups = new Map<string, number[]>([['all', []]]);
  items.forEach((it, i) => {
    groups.get('all')!.push(i);
    if (!groups.has(it.source)) groups.set(it.source, []);
    groups.get(it.source)!.push(i);
  });
  const out: Record<string, Metrics> = {};
  for (const [k, idx] of groups) {
    out[k] = metrics(
      idx.map((i) => items[i].label),
      idx.map((i) => predicted[i]),
    );
  }
  return out;
}
