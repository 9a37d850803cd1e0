// Mentions generated from a scenario, minute by minute (the timeline) and hour by hour (the calm history before
// it). Pure and deterministic: the items of a minute depend only on (scenario, runId, seed, minute), so a player
// that restarts regenerates exactly what it may already have stored, and ingest's dedupe (the externalId)
// keeps each item once.
import { normalise } from '../../../platform/text/normalise.ts';
import type { MentionInput } from '../../monitoring/contract.ts';
import { fullText } from '../../monitoring/server/enrich.ts';
import { hamming, simhash } from '../../monitoring/server/simhash.ts';
import { rng } from '../../monitoring/server/synthetic.ts';
import type { Post, Scenario, Wave } from '../scenario-contract.ts';

type Rand = () => number;
type Group = 'negative' | 'neutral' | 'positive';
const MINUTE = 60_000;
const HOUR = 3_600_000;

/** A PRNG stream keyed by the run's seed and a position (minute, hour, post), so streams never depend on each other. */
function streamOf(seed: number, a: number, b = 0): Rand {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(a + 0x632be5ab, 0xc2b2ae35) ^ Math.imul(b + 0x27d4eb2f, 0x165667b1);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return rng((h ^ (h >>> 16)) >>> 0);
}

/** A stable number for a text key (a post's key): its stream and its filled text depend on nothing else. */
function keyHash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function pickWeighted<K extends string>(weights: Partial<Record<K, number>>, r: Rand, allowed?: (k: K) => boolean): K | null {
  const entries = (Object.entries(weights) as Array<[K, number | undefined]>).filter(([k, w]) => (w ?? 0) > 0 && (!allowed || allowed(k)));
  const total = entries.reduce((s, [, w]) => s + (w ?? 0), 0);
  if (total <= 0) return null;
  let x = r() * total;
  for (const [k, w] of entries) {
    x -= w ?? 0;
    if (x < 0) return k;
  }
  return entries[entries.length - 1][0];
}

const pick = <T>(xs: readonly T[], r: Rand): T => xs[Math.floor(r() * xs.length) % xs.length];

/** Fills `{name}` from the scenario's variables (`{company}` is the company's name). */
export function fillTemplate(scenario: Scenario, text: string, r: Rand): string {
  return text.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
    if (name === 'company') return scenario.company.name;
    const values = scenario.variables[name];
    return values?.length ? pick(values, r) : whole;
  });
}

/** Followers drawn log-uniformly in [lo, hi]: most authors are small, a few are big. */
function followersIn([lo, hi]: readonly [number, number], r: Rand): number {
  const a = Math.log(Math.max(1, lo));
  const b = Math.log(Math.max(1, hi));
  return Math.max(lo, Math.min(hi, Math.round(Math.exp(a + (b - a) * r()))));
}

const zhHandles = ['阿明', '小雨', '喵喵', '路人甲', '上班族', '台北人', '吃貨', '奶茶控', '夜貓子', '鄉民'];
const enHandles = ['alex', 'jamie', 'sam', 'taylor', 'morgan', 'casey', 'jordan', 'riley', 'kai', 'lee'];

/** A plausible author name for the source (Dcard posts are anonymous; PTT ids are ASCII). */
function authorFor(source: string, locale: Scenario['locale'], r: Rand): string {
  const n = Math.floor(r() * 9000) + 100;
  if (source === 'Dcard') return locale === 'zh-TW' ? '匿名' : 'Anonymous';
  if (source === 'PTT') return `${pick(enHandles, r)}${n}`;
  if (source === 'news') return locale === 'zh-TW' ? pick(['即時新聞', '地方新聞', '財經新聞', '社會新聞'], r) : 'Newsroom';
  return locale === 'zh-TW' ? `${pick(zhHandles, r)}${n}` : `${pick(enHandles, r)}_${n}`;
}

/** How a re-share changes a post: a short tail or a quote prefix (or nothing: a plain share). */
const repostForms: Record<Scenario['locale'], Array<(t: string) => string>> = {
  'zh-TW': [
    (t) => t,
    (t) => `${t} #轉`,
    (t) => `${t} 好扯`,
    (t) => `${t} 大家小心`,
    (t) => `${t} 真的假的`,
    (t) => `${t} +1`,
    (t) => `轉：${t}`,
    (t) => `${t} 推`,
  ],
  en: [(t) => t, (t) => `${t} #RT`, (t) => `${t} wow`, (t) => `${t} be careful`, (t) => `${t} +1`, (t) => `RT: ${t}`, (t) => `${t} !!`],
};
/**
 * Repost clustering finds every near-duplicate within 3 bits of SimHash for sure (4–6 only mostly), and a
 * miss starts a second cluster. So a post's re-shares use only the forms that stay within 3 bits of it,
 * measured with the ingest pipeline's own fingerprint (title and text, normalised).
 */
const NEAR = 3;
const formsCache = new Map<string, string[]>();
function repostTexts(locale: Scenario['locale'], title: string | undefined, text: string): string[] {
  const key = `${locale}\u0000${title ?? ''}\u0000${text}`;
  let forms = formsCache.get(key);
  if (!forms) {
    const print = (t: string) => simhash(normalise(fullText({ title, text: t })));
    const original = print(text);
    forms = repostForms[locale].map((f) => f(text)).filter((t) => hamming(print(t), original) <= NEAR);
    if (formsCache.size > 1000) formsCache.clear();
    formsCache.set(key, forms);
  }
  return forms;
}

const slug = (source: string) => source.toLowerCase().replace(/[^a-z0-9]+/g, '') || 'line';
/** Never a real site: `.invalid` is reserved (RFC 2606). */
const urlOf = (source: string, runId: string, where: string | number, i: number) =>
  `https://example.invalid/${slug(source)}/${runId}/${where}/${i}`;

/** A post's text, filled the same way every time (its originals and its reposts must match). */
export function postText(scenario: Scenario, seed: number, post: Post): string {
  return fillTemplate(scenario, post.text, streamOf(seed, -1, keyHash(post.key)));
}

/** The wave's rate at scenario time t (minutes), integrated from its start: mentions expected by then. */
function waveIntegral(w: Wave, t: number): number {
  const span = Math.max(1, w.to - w.from);
  const x = Math.min(Math.max(0, t - w.from), span);
  const [a, b] = typeof w.perMinute === 'number' ? [w.perMinute, w.perMinute] : w.perMinute;
  return a * x + ((b - a) * x * x) / (2 * span);
}

/**
 * How many mentions a wave gives in a minute: the integral's whole-number crossings, shifted by a seeded
 * offset. Fractional rates carry over (0.3 a minute is 18 an hour, no more, no fewer) and a wave's total is
 * its integral ±1, while which minutes get the odd one depends on the seed.
 */
export function waveCount(w: Wave, seed: number, waveIndex: number, minute: number): number {
  const span = Math.max(1, w.to - w.from);
  if (minute < w.from || minute >= w.from + span) return 0;
  const u = streamOf(seed, -2, waveIndex)();
  return Math.floor(waveIntegral(w, minute + 1) + u) - Math.floor(waveIntegral(w, minute) + u);
}

type MinuteOpts = {
  runId: string;
  seed: number;
  minute: number;
  /** The wall time at which scenario time `scenarioMs` (from the start) happened. */
  publishedAt: (scenarioMs: number) => Date;
};

/** The mentions of one scenario minute: its notable posts, then each active wave's mentions and reposts. */
export function mentionsForMinute(scenario: Scenario, o: MinuteOpts): MentionInput[] {
  const r = streamOf(o.seed, o.minute);
  const out: MentionInput[] = [];
  const base = o.minute * MINUTE;
  const at = (offset: number) => o.publishedAt(base + offset).toISOString();
  const add = (m: Omit<MentionInput, 'externalId' | 'url'>) => {
    const i = out.length;
    out.push({ ...m, externalId: `${o.runId}:${o.minute}:${i}`, url: urlOf(m.source, o.runId, o.minute, i) });
  };
  for (const p of scenario.posts) {
    if (p.at !== o.minute) continue;
    add({
      source: p.source,
      author: p.author,
      authorFollowers: p.followers,
      ...(p.title ? { title: p.title } : {}),
      text: postText(scenario, o.seed, p),
      publishedAt: at(0),
      ...(p.metrics ? { metrics: p.metrics } : {}),
    });
  }
  scenario.waves.forEach((w, wi) => {
    const n = waveCount(w, o.seed, wi, o.minute);
    for (let k = 0; k < n; k++) {
      const offset = Math.floor(r() * MINUTE);
      const source = pickWeighted(w.sources, r) ?? 'Threads';
      const followers = followersIn(w.followers, r);
      // A re-share keeps the post's headline (as a shared link's preview does) and its text.
      const repost = repostOf(scenario, w, o, r);
      const text = repost?.text ?? waveText(scenario, w.sentiment, w.texts, r);
      if (text === null) continue;
      add({
        source,
        author: authorFor(source, scenario.locale, r),
        authorFollowers: followers,
        ...(repost?.title ? { title: repost.title } : {}),
        text,
        publishedAt: at(offset),
        metrics: smallMetrics(r),
      });
    }
  });
  return out;
}

/** A re-share of one of the wave's named posts (already published by this minute), or null for an ordinary mention. */
function repostOf(scenario: Scenario, w: Wave, o: MinuteOpts, r: Rand): { title?: string; text: string } | null {
  const x = r();
  let acc = 0;
  for (const rp of w.reposts) {
    acc += rp.share;
    if (x >= acc) continue;
    const p = scenario.posts.find((q) => q.key === rp.post);
    if (!p || p.at > o.minute) return null;
    return { title: p.title, text: pick(repostTexts(scenario.locale, p.title, postText(scenario, o.seed, p)), r) };
  }
  return null;
}

function waveText(scenario: Scenario, mix: Wave['sentiment'], texts: Wave['texts'], r: Rand): string | null {
  const g = pickWeighted<Group>(mix, r, (k) => texts[k].length > 0);
  if (!g) return null;
  return fillTemplate(scenario, pick(texts[g], r), r);
}

function smallMetrics(r: Rand) {
  const likes = Math.floor(r() ** 3 * 200);
  return { likes, comments: Math.floor(likes * r() * 0.3), shares: Math.floor(likes * r() * 0.1) };
}

/**
 * How busy each local hour of the day is, relative to the day's average (mean 1): quiet at night, a lunch
 * peak, the busiest evening — the rhythm the detector learns and must not mistake for news.
 */
const HOUR_SHAPE = [
  0.35, 0.2, 0.12, 0.08, 0.08, 0.12, 0.3, 0.6, 0.85, 0.95, 1.0, 1.2, 1.6, 1.5, 1.1, 1.0, 1.0, 1.05, 1.3, 1.7, 1.9, 1.8, 1.4, 0.8,
];
const SHAPE_MEAN = HOUR_SHAPE.reduce((s, x) => s + x, 0) / 24;
/** The shape, normalised to mean 1. */
export const hourWeight = (localHour: number) => HOUR_SHAPE[localHour] / SHAPE_MEAN;

const hourFormats = new Map<string, Intl.DateTimeFormat>();
function localHour(t: number, timeZone: string): number {
  let f = hourFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' });
    hourFormats.set(timeZone, f);
  }
  return Number(f.format(t)) % 24;
}

type BaselineOpts = {
  runId: string;
  seed: number;
  from: Date;
  to: Date;
  timeZone: string;
  /** Marks the items' ids (`h`: the history loaded with the run; `g`: the gap filled at its start), so two loads never collide. */
  tag?: string;
};

/**
 * Calm history over [from, to): `baseline.perHour` on average, shaped by the hour of day in `timeZone`.
 * Counts carry fractions across hours (as waves do), so the total is the integral ±1.
 */
export function baselineMentions(scenario: Scenario, o: BaselineOpts): MentionInput[] {
  const out: MentionInput[] = [];
  const from = o.from.getTime();
  const to = o.to.getTime();
  const bl = scenario.baseline;
  let acc = streamOf(o.seed, -3)();
  for (let h = Math.floor(from / HOUR) * HOUR; h < to; h += HOUR) {
    const lo = Math.max(h, from);
    const hi = Math.min(h + HOUR, to);
    const before = Math.floor(acc);
    acc += (bl.perHour * hourWeight(localHour(h, o.timeZone)) * (hi - lo)) / HOUR;
    const n = Math.floor(acc) - before;
    const hourIndex = h / HOUR;
    const tag = o.tag ?? 'h';
    const r = streamOf(o.seed, tag === 'h' ? -4 : -5, hourIndex);
    for (let i = 0; i < n; i++) {
      const text = waveText(scenario, bl.sentiment, bl.texts, r);
      const source = pickWeighted(bl.sources, r) ?? 'Threads';
      const publishedAt = new Date(lo + Math.floor(r() * (hi - lo)));
      if (text === null) continue;
      out.push({
        source,
        externalId: `${o.runId}:${tag}${hourIndex}:${i}`,
        url: urlOf(source, o.runId, `${tag}${hourIndex}`, i),
        author: authorFor(source, scenario.locale, r),
        authorFollowers: followersIn([20, 2000], r),
        text,
        publishedAt: publishedAt.toISOString(),
        metrics: smallMetrics(r),
      });
    }
  }
  return out;
}
