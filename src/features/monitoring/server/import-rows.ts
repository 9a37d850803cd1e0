// Turning one CSV row into a mention object the ingest pipeline validates: column mapping,
// local date formats in a stated time zone, counts like "1,234" or "1.2萬", and a content key
// for rows without an id or URL (so re-importing the same file stores nothing twice).
import crypto from 'node:crypto';
import { offsetAt } from '../../../platform/time-zone.ts';
import type { RejectionCode } from '../contract.ts';
import type { ImportMapping, MappableField } from '../import-contract.ts';

const synonyms: Record<MappableField, string[]> = {
  text: [
    'text',
    'content',
    'body',
    'message',
    'post',
    '內容',
    '内容',
    '內文',
    '内文',
    '本文',
    '正文',
    '全文',
    '貼文內容',
    '留言內容',
    '文章內容',
  ],
  publishedAt: [
    'publishedat',
    'published',
    'date',
    'datetime',
    'time',
    'timestamp',
    'createdat',
    'created',
    'posted',
    'posttime',
    '發布時間',
    '發佈時間',
    '发布时间',
    '發文時間',
    '時間',
    '时间',
    '日期',
    '發布日期',
    '發文日期',
  ],
  title: ['title', 'subject', 'headline', '標題', '标题', '主旨'],
  author: ['author', 'user', 'username', 'screenname', 'poster', '作者', '發文者', '用戶', '用户', '使用者', '帳號', '账号'],
  authorFollowers: ['authorfollowers', 'followers', 'fans', '粉絲', '粉絲數', '粉丝', '粉丝数', '追蹤數', '追蹤者'],
  url: ['url', 'link', 'permalink', 'href', '網址', '連結', '链接', '原文連結', '原文網址'],
  externalId: ['id', 'externalid', 'postid', '編號', '文章id', '貼文id'],
  likes: ['likes', 'like', 'reactions', 'likecount', '讚', '讚數', '按讚數', '點讚', '点赞', '喜歡', '心情數'],
  shares: ['shares', 'share', 'retweets', 'reposts', '分享', '分享數', '轉發', '转发', '轉貼'],
  comments: ['comments', 'comment', 'replies', '留言', '留言數', '回覆', '回覆數', '回應', '評論', '评论'],
  views: ['views', 'view', 'impressions', 'plays', '瀏覽', '瀏覽數', '浏览', '觀看', '觀看數', '閱讀數', '点阅', '點閱'],
  lang: ['lang', 'language', '語言', '语言'],
};

const headerKey = (h: string) =>
  h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-().:：（）]/g, '');

/** Suggests which column fills which mention field, from common header names (English and Chinese). */
export function suggestMapping(headers: string[]): Partial<Record<MappableField, string>> {
  const out: Partial<Record<MappableField, string>> = {};
  const taken = new Set<number>();
  for (const [field, names] of Object.entries(synonyms) as Array<[MappableField, string[]]>) {
    const i = headers.findIndex((h, idx) => !taken.has(idx) && names.includes(headerKey(h)));
    if (i >= 0 && headers.indexOf(headers[i]) === i) {
      out[field] = headers[i];
      taken.add(i);
    }
  }
  return out;
}

/** Whether a header row looks like column names (true) or like a row of data (false). */
export function looksLikeHeader(cells: string[]): boolean {
  if (cells.some((c) => Object.values(synonyms).some((names) => names.includes(headerKey(c))))) return true;
  return !cells.some((c) => parseLocalDate(c, 'UTC') !== null || /^https?:\/\//i.test(c.trim()) || c.length > 200);
}

/** The instant a wall-clock time in `timeZone` denotes (the earlier one when clocks go back). */
export function zonedTime(parts: [number, number, number, number, number, number, number], timeZone: string): number {
  const guess = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5], parts[6]);
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  return Math.min(first, second);
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL =
  /^(\d{3,4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]+(上午|下午|AM|PM)?\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:\.(\d{1,3})\d*)?)?\s*(AM|PM|上午|下午)?)?$/i;

/**
 * Parses the dates people's exports contain: ISO 8601 with a zone; `2026/11/30 14:05`, `2026-11-30`,
 * `2026年11月30日 下午 2:05`, ROC years (`115/11/30`) as wall-clock time in `timeZone`; Unix seconds or
 * milliseconds. Ambiguous forms (`11/30/26`) are refused rather than guessed. Returns ISO 8601 UTC or null.
 */
export function parseLocalDate(value: string, timeZone: string): string | null {
  const s = value.trim();
  if (ISO_WITH_ZONE.test(s)) {
    const t = Date.parse(s.replace(' ', 'T').replace(/\s+(?=[Zz+-]\d*)/, ''));
    return Number.isNaN(t) ? null : new Date(t).toISOString();
  }
  if (/^\d{10}$/.test(s)) return new Date(Number(s) * 1000).toISOString();
  if (/^\d{13}$/.test(s)) return new Date(Number(s)).toISOString();
  const m = LOCAL.exec(s);
  if (!m) return null;
  let year = Number(m[1]);
  if (m[1].length === 3) year += 1911; // 民國 (ROC) year
  const [month, day, minute, second, ms] = [
    Number(m[2]),
    Number(m[3]),
    Number(m[6] ?? 0),
    Number(m[7] ?? 0),
    Number((m[8] ?? '0').padEnd(3, '0')),
  ];
  let hour = Number(m[5] ?? 0);
  const half = (m[4] ?? m[9] ?? '').toUpperCase();
  if (half && (hour < 1 || hour > 12)) return null;
  if (half === 'PM' || half === '下午') hour = (hour % 12) + 12;
  else if (half === 'AM' || half === '上午') hour %= 12;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null; // 2026/02/30
  return new Date(zonedTime([year, month, day, hour, minute, second, ms], timeZone)).toISOString();
}

/** Parses a count as exports write it: `1,234`, `1.2萬`, `3.4k`, `2M`. Empty → undefined; junk → null. */
export function parseCount(value: string): number | undefined | null {
  const s = value.trim().replace(/[,\s_]/g, '');
  if (s === '' || s === '-') return undefined;
  const m = /^(\d+(?:\.\d+)?)(萬|万|億|亿|k|m)?$/i.exec(s);
  if (!m) return null;
  const unit = { 萬: 1e4, 万: 1e4, 億: 1e8, 亿: 1e8, k: 1e3, m: 1e6 }[(m[2] ?? '').toLowerCase() as 'k'] ?? 1;
  return Math.round(Number(m[1]) * unit);
}

const shown = (v: string) => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);

/** Why a CSV row cannot become a mention: the English reason, its code, and the mention field it concerns. */
export type RowRejected = { ok: false; reason: string; code: RejectionCode; field?: string };

/** The mention object for one CSV row, or the reason the row cannot become one. */
export function rowToMention(
  headers: string[],
  cells: string[],
  mapping: ImportMapping,
  source: string,
): { ok: true; value: Record<string, unknown> } | RowRejected {
  if (cells.length > headers.length)
    return { ok: false, reason: `row has ${cells.length} fields, the header has ${headers.length}`, code: 'too_many_fields' };
  const cell = (f: MappableField): string | undefined => {
    const h = mapping.columns[f];
    if (h === undefined) return undefined;
    const v = cells[headers.indexOf(h)];
    return v === undefined || v.trim() === '' ? undefined : v;
  };
  const m: Record<string, unknown> = { source, text: cell('text') ?? '' };
  const published = cell('publishedAt');
  if (published === undefined) return { ok: false, reason: 'publishedAt: empty', code: 'missing_field', field: 'publishedAt' };
  const iso = parseLocalDate(published, mapping.timeZone);
  if (!iso) {
    const reason = `publishedAt: not a date we can read: ${shown(published)} (e.g. 2026/11/30 14:05)`;
    return { ok: false, reason, code: 'bad_date', field: 'publishedAt' };
  }
  m.publishedAt = iso;
  for (const f of ['title', 'author', 'url', 'externalId', 'lang'] as const) {
    const v = cell(f);
    if (v !== undefined) m[f] = f === 'externalId' || f === 'url' || f === 'lang' ? v.trim() : v;
  }
  const followers = cell('authorFollowers');
  if (followers !== undefined) {
    const n = parseCount(followers);
    if (n === null)
      return { ok: false, reason: `authorFollowers: not a number: ${shown(followers)}`, code: 'bad_number', field: 'authorFollowers' };
    m.authorFollowers = n;
  }
  const metrics: Record<string, number> = {};
  for (const f of ['likes', 'shares', 'comments', 'views'] as const) {
    const v = cell(f);
    if (v === undefined) continue;
    const n = parseCount(v);
    if (n === null) return { ok: false, reason: `${f}: not a number: ${shown(v)}`, code: 'bad_number', field: `metrics.${f}` };
    if (n !== undefined) metrics[f] = n;
  }
  if (Object.keys(metrics).length) m.metrics = metrics;
  if (m.externalId === undefined && m.url === undefined) m.externalId = contentKey(m);
  return { ok: true, value: m };
}

/** A stable id for a row with neither id nor URL: the same post in any re-import gets the same key. */
export function contentKey(m: Record<string, unknown>): string {
  const h = crypto.createHash('sha256');
  for (const f of ['publishedAt', 'author', 'title', 'text']) h.update(String(m[f] ?? '')).update('\u0000');
  return `content:${h.digest('hex').slice(0, 32)}`;
}
