// Words for trending terms: jieba segmentation of the normalised (Simplified, lower-case) text, so
// 鼎泰豐/鼎泰丰 and Starbucks/starbucks count as one word; shown in the spelling people actually wrote.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { normalise } from '../../../platform/text/normalise.ts';

let jieba: Jieba | undefined;

// Chinese function words and filler (Simplified: tokens are compared after normalisation). Single
// characters are dropped anyway; these are the two-to-four-character words that say nothing on their own.
const ZH_STOP = `我们 你们 他们 她们 它们 大家 自己 这个 那个 这些 那些 这样 那样 这么 那么 这里 那里 哪里 什么 怎么 怎样 为什么
因为 所以 但是 可是 而且 还是 或者 就是 不是 没有 有没有 已经 一个 一下 一些 一样 一直 真的 真是 现在 今天 昨天 明天 前天 刚刚
时候 可以 知道 觉得 感觉 如果 然后 还有 其实 只是 而已 不过 应该 可能 非常 比较 很多 好像 看到 之后 之前 以后 以前 有人 不会
不要 不能 一定 起来 出来 大概 结果 为了 这种 那种 怎么样 还是 的话 不知 不知道 这次 那次 每次 一次 这边 那边 有点 一点 根本
完全 到底 而是 虽然 就算 还要 只有 只要 这位 那位 哈哈 哈哈哈 转贴 转发 分享 原文 网址 连结 链接 附图 附上 照片 影片 视频
分钟 小时 个人 最近 昨晚 今晚 早上 中午 晚上 下午 上午 了解 这篇 看到 这家 那家`;
const EN_STOP = `a about above after again against all also am an and any are as at be because been before being below between both
but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his
how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over
own same she should so some such than that the their theirs them themselves then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your yours yourself yourselves im ive dont
didnt cant wont isnt its it's don't didn't can't won't i'm i've got get gets via amp http https www com rt lol smh omg`;

const STOP = new Set(`${ZH_STOP} ${EN_STOP}`.split(/\s+/).filter(Boolean));
const HAS_LETTER = /\p{L}/u;
const MAX_TERM = 30;
/** Characters of a text read for terms (bounded work per mention). */
const MAX_CHARS = 1000;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict); // ≈0.3 s once per process
  return jieba;
}

/** True if a normalised token can be a trending term: two characters or more, a letter, not a stop word. */
export function isTermToken(token: string): boolean {
  const len = [...token].length;
  if (len < 2 || len > MAX_TERM) return false;
  if (!HAS_LETTER.test(token)) return false;
  if (/^\p{N}/u.test(token) && !/^\p{N}+[a-z]{1,3}$/u.test(token)) return false; // "5g" yes, "2026年" no
  return !STOP.has(token);
}

/** Per normalised term: in how many of the texts it occurs, and how often each original spelling was seen. */
export type TermCounts = Map<string, { docs: number; forms: Map<string, number> }>;

/** Counts each term once per text (document frequency), so a word repeated in one post counts once. */
export function countTerms(texts: string[]): TermCounts {
  const out: TermCounts = new Map();
  const seg = segmenter();
  for (const raw of texts) {
    const original = raw.length > MAX_CHARS ? raw.slice(0, MAX_CHARS) : raw;
    const norm = normalise(original);
    const seen = new Set<string>();
    let offset = 0;
    for (const token of seg.cut(norm, true)) {
      const at = offset;
      offset += token.length;
      if (seen.has(token) || !isTermToken(token)) continue;
      seen.add(token);
      // normalise() keeps lengths, so the same offsets hold the spelling the author used.
      const form = original.slice(at, at + token.length);
      let entry = out.get(token);
      if (!entry) {
        entry = { docs: 0, forms: new Map() };
        out.set(token, entry);
      }
      entry.docs++;
      entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1);
    }
  }
  return out;
}

function displayForm(forms: Map<string, number>): string {
  let best = '';
  let n = -1;
  for (const [f, c] of forms) if (c > n || (c === n && f < best)) [best, n] = [f, c];
  return best;
}

/** One rising term: mentions with it now and before (in the samples), and the lift of its share. */
export type TrendingTerm = { term: string; count: number; previous: number; lift: number | null };

/**
 * Terms whose share of mentions rose against the previous period, strongest first. The score is
 * (count − expected) / √(expected + 1), expected = the previous share × this sample's size: a Poisson-style
 * surprise that needs both volume and lift, so one stray mention does not top the list, and a word that
 * every mention of a topic contains (the brand) does not trend just because volume grew.
 */
export function risingTerms(current: TermCounts, currentSize: number, previous: TermCounts, previousSize: number, limit = 15) {
  const minCount = Math.max(2, Math.ceil(currentSize * 0.002));
  const scored: Array<TrendingTerm & { score: number }> = [];
  for (const [key, c] of current) {
    if (c.docs < minCount) continue;
    const p = previous.get(key)?.docs ?? 0;
    const expected = previousSize > 0 ? (p / previousSize) * currentSize : 0;
    if (c.docs <= expected) continue;
    const score = (c.docs - expected) / Math.sqrt(expected + 1);
    const lift = p > 0 ? Math.round((c.docs / currentSize / (p / previousSize)) * 100) / 100 : null;
    scored.push({ term: displayForm(c.forms), count: c.docs, previous: p, lift, score });
  }
  scored.sort((a, b) => b.score - a.score || b.count - a.count || (a.term < b.term ? -1 : 1));
  return scored.slice(0, limit).map(({ score: _s, ...t }) => t);
}
