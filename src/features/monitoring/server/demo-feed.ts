// The demo feed: keeps ingesting synthetic zh-TW / zh-CN / English mentions through the real pipeline,
// with a negative wave (a food-poisoning story and its reposts) that rises over the run, so the
// dashboard's charts, negative share, clusters and trending terms visibly move.
import * as OpenCC from 'opencc-js';
import type { Actor } from '../../../platform/events.ts';
import { type IngestDeps, ingestMentions } from './ingest.ts';
import { createSyntheticWriter } from './synthetic.ts';

/** How the feed runs. */
export type DemoFeedOptions = {
  ratePerSecond: number;
  minutes: number;
  /** All mentions into this push source; by default five demo sources (demo-ptt, demo-dcard, …). */
  source?: string;
  /** Hours of calm history to load first, so the chart and the previous period have a baseline. */
  backfillHours: number;
  seed?: number;
  signal?: AbortSignal;
  log?: (line: string) => void;
};

const ACTOR: Actor = { type: 'system', label: 'demo-feed' };
const STORY = '鼎泰豐信義店爆發集體食物中毒！昨晚聚餐的12個人有8個上吐下瀉送醫，店家只說會再了解，衛生局今天已經到場稽查，大家最近先不要去';
const incidentZh = [
  '鼎泰豐食物中毒事件又多{n}人就醫，店家到現在還沒道歉',
  '看新聞才知道鼎泰豐信義店食物中毒，{n}個人送醫，衛生局要求停業',
  '鼎泰豐的回應太敷衍了吧，食物中毒{n}天了還在推卸責任',
  '朋友也在鼎泰豐食物中毒送醫，客服電話打了{n}通都沒人接',
];
const incidentEn = [
  'Food poisoning at Din Tai Fung Xinyi: {n} people in hospital and still no apology',
  'Din Tai Fung food poisoning update: health inspectors ordered the branch closed, {n} cases so far',
];
const REPOST_TAILS = ['', ' #爆料', ' 轉發給大家', ' 好扯', '😡', ' 大家小心', '！！！'];
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Smoothstep from 0 to 1 between `a` and `b`. */
function ramp(x: number, a: number, b: number) {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
}

/** The wave at run progress p ∈ [0, 1]: calm for the first fifth, rising until 70%, then at its height. */
export function waveAt(p: number) {
  const w = ramp(p, 0.2, 0.7);
  return { wave: w, negativeShare: 0.3 + 0.55 * w, volume: 1 + 2 * w, incidentShare: 0.55 * w };
}

/** A mention generator for one run; item ids are unique per run (`runId`), so reruns add new mentions. */
export function createDemoWriter(seed: number, runId: string, source?: string) {
  const w = createSyntheticWriter(seed);
  let i = 0;
  let storyId: string | null = null;
  const n = () => String(2 + Math.floor(w.random() * 30));
  const sourceOf = (s: unknown) => source ?? `demo-${String(s)}`;
  return (publishedAt: Date, state: ReturnType<typeof waveAt>): Record<string, unknown> => {
    const item = w.next(i, { publishedAt, negativeShare: state.negativeShare });
    const id = `${runId}-${i++}`;
    let text = item.text as string;
    if (w.random() < state.incidentShare) {
      if (!storyId) {
        storyId = id;
        text = STORY;
      } else if (w.random() < 0.5) text = w.random() < 0.7 ? `${STORY}${w.pick(REPOST_TAILS)}` : w.repost(STORY);
      else if (w.random() < 0.8) text = w.pick(incidentZh).replace('{n}', n());
      else text = w.pick(incidentEn).replace('{n}', n());
    }
    // About a quarter of the Chinese posts arrive in Simplified characters (mainland platforms, reposts).
    if (/[\u4e00-\u9fff]/.test(text) && w.random() < 0.25) text = toSimplified(text);
    return { ...item, text, source: sourceOf(item.source), externalId: id, url: `https://example.com/demo/${id}` };
  };
}

async function ingestAll(deps: IngestDeps, orgId: string, items: Array<Record<string, unknown>>) {
  let accepted = 0;
  for (let k = 0; k < items.length; k += 1000) accepted += (await ingestMentions(deps, orgId, ACTOR, items.slice(k, k + 1000))).accepted;
  return accepted;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });

/** Calm history: about 40 mentions an hour with a daily rhythm, 30% negative, spread over the last `hours`. */
async function backfill(deps: IngestDeps, orgId: string, make: ReturnType<typeof createDemoWriter>, hours: number) {
  const now = deps.clock.now().getTime();
  const items: Array<Record<string, unknown>> = [];
  for (let h = hours; h > 0; h--) {
    const start = now - h * 3_600_000;
    const hourOfDay = new Date(start).getUTCHours();
    const count = Math.round(40 * (1 + 0.6 * Math.sin(((hourOfDay - 4) / 24) * 2 * Math.PI)));
    for (let k = 0; k < count; k++) items.push(make(new Date(start + Math.floor((k / count) * 3_600_000)), waveAt(0)));
  }
  return ingestAll(deps, orgId, items);
}

/** Runs the feed until `minutes` pass or the signal aborts; returns how many mentions were stored. */
export async function runDemoFeed(deps: IngestDeps, orgId: string, opts: DemoFeedOptions) {
  const log = opts.log ?? (() => {});
  const runId = `demo-${deps.clock.now().getTime().toString(36)}`;
  const make = createDemoWriter(opts.seed ?? Date.now() % 1e9, runId, opts.source);
  let stored = 0;
  if (opts.backfillHours > 0) {
    stored += await backfill(deps, orgId, make, opts.backfillHours);
    log(`Loaded ${stored} mentions of calm history (${opts.backfillHours} h).`);
  }
  const started = Date.now();
  const total = opts.minutes * 60_000;
  let owed = 0;
  let lastLog = 0;
  while (!opts.signal?.aborted && Date.now() - started < total) {
    const tick = Date.now();
    const state = waveAt((tick - started) / total);
    owed += opts.ratePerSecond * state.volume;
    const count = Math.floor(owed);
    owed -= count;
    const now = deps.clock.now().getTime();
    // Published in the last minute: collectors see posts a little after they appear.
    const items = Array.from({ length: count }, () => make(new Date(now - Math.floor(Math.random() * 60_000)), state));
    if (items.length) stored += await ingestAll(deps, orgId, items);
    if (tick - lastLog >= 10_000) {
      lastLog = tick;
      log(`${new Date().toISOString().slice(11, 19)}  ${stored} stored · negative share now ${Math.round(state.negativeShare * 100)}%`);
    }
    await sleep(Math.max(0, 1000 - (Date.now() - tick)), opts.signal);
  }
  return stored;
}
