// The Bluesky Jetstream connector: one WebSocket to `<endpoint>/subscribe` for app.bsky.feed.post commits
// (optionally only some DIDs), resumed from the time_us cursor of the last acknowledged batch. New posts
// become mentions, optionally only those matching a topic query, so a firehose never floods the database.
// Everything else (identity/account events, updates, deletes, junk) is skipped without ending the stream;
// a socket error or close does end it, with a thrown SafeFetchError, and the scheduler reconnects.
import WebSocket, { type RawData } from 'ws';
import { z } from 'zod';
import { type CheckedTarget, SafeFetchError, USER_AGENT } from '../../../../platform/safe-fetch.ts';
import { normalise } from '../../../../platform/text/normalise.ts';
import { parseTopicQuery, topicMatcher } from '../../topic-query.ts';
import { defineConnector, type MentionInputWithoutSource, type StreamBatch, type StreamContext } from './types.ts';

/** Bluesky's public instance, used when a source names none. */
export const DEFAULT_JETSTREAM = 'wss://jetstream2.us-east.bsky.network';
const POST = 'app.bsky.feed.post';
const DID = /^did:[a-z]{1,32}:[A-Za-z0-9._:%-]{1,150}$/;
const RKEY = /^(?!\.{1,2}$)[A-Za-z0-9._:~-]{1,100}$/;
const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const EARLIEST_MS = Date.parse('1990-01-01T00:00:00Z');
const DAY_MS = 86_400_000;

const endpoint = z
  .string()
  .trim()
  .max(500)
  .refine((u) => /^wss?:\/\//i.test(u) && URL.canParse(u), 'must be a ws:// or wss:// URL')
  .refine((u) => !URL.canParse(u) || plainUrl(new URL(u)), 'must not contain credentials, a query or a fragment');

function plainUrl(u: URL): boolean {
  return !u.username && !u.password && !u.search && !u.hash;
}

/** Settings of a Jetstream source. */
export const jetstreamConfig = z
  .strictObject({
    endpoint: endpoint.default(DEFAULT_JETSTREAM).describe('Jetstream instance (ws:// or wss://)'),
    /** Only posts by these accounts (Jetstream filters server-side; checked here too). */
    wantedDids: z
      .array(z.string().regex(DID, 'must be a DID such as did:plc:…'))
      .max(100, 'at most 100 accounts')
      .optional()
      .describe('Only posts by these accounts (DIDs)'),
    /** A topic query (鼎泰豐 OR "din tai fung"): only matching posts are kept. */
    query: z
      .string()
      .trim()
      .max(2000)
      .superRefine((q, ctx) => {
        const p = q ? parseTopicQuery(q) : undefined;
        if (p && !p.ok) ctx.addIssue({ code: 'custom', message: p.errors[0].message });
      })
      .optional()
      .describe('Only posts matching this topic query'),
  })
  // The whole firehose is millions of posts a day: a source must narrow it.
  .refine((c) => !!c.query || !!c.wantedDids?.length, {
    message: 'Give a query or some accounts: the whole Bluesky firehose is millions of posts a day.',
    path: ['query'],
  });
/** Parsed settings of a Jetstream source. */
export type JetstreamConfig = z.infer<typeof jetstreamConfig>;

/** Limits and batching; the defaults suit the public firehose, tests shrink them. */
export type JetstreamTuning = {
  /** Items per batch at most (the push limit is 1,000). */
  batchSize?: number;
  /** A batch is yielded at most this long after its first post. */
  windowMs?: number;
  /** Without posts, the cursor (and skip count) is yielded this often, so a quiet filter still moves it. */
  cursorEveryMs?: number;
  /** Larger events are skipped (and Jetstream is asked not to send them). */
  maxEventBytes?: number;
  /** Larger frames close the connection (ws maxPayload): a hostile server's answer. */
  maxPayloadBytes?: number;
  /** A ping every so often; no answer by the next one closes the connection. */
  heartbeatMs?: number;
  /** Incoming messages held while the pipeline ingests; past this the socket is paused. */
  highWater?: number;
};
const DEFAULTS: Required<JetstreamTuning> = {
  batchSize: 500,
  windowMs: 1000,
  cursorEveryMs: 10_000,
  maxEventBytes: 64 * 1024,
  maxPayloadBytes: 1024 * 1024,
  heartbeatMs: 30_000,
  highWater: 2000,
};

/** The subscribe URL for a config, resuming after `cursor` (a time_us) when there is one. */
export function subscribeUrl(config: JetstreamConfig, cursor?: string, maxEventBytes = DEFAULTS.maxEventBytes): string {
  const base = config.endpoint.replace(/\/+$/, '').replace(/\/subscribe$/, '');
  const q = new URLSearchParams({ wantedCollections: POST });
  for (const did of new Set(config.wantedDids ?? [])) q.append('wantedDids', did);
  if (cursor && /^\d{1,17}$/.test(cursor)) q.set('cursor', cursor);
  q.set('maxMessageSizeBytes', String(maxEventBytes));
  return `${base}/subscribe?${q}`;
}

/** What one message was: a post to keep, an event to pass over (advancing the cursor), or a bad message. */
export type JetstreamEvent =
  | { type: 'post'; timeUs: number; item: MentionInputWithoutSource }
  | { type: 'ignored'; timeUs: number }
  | { type: 'bad'; timeUs?: number; reason: string };

/** Which posts a source keeps. */
export type PostFilter = { dids?: Set<string>; matches?: (normalisedText: string) => boolean };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const obj = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const cleanText = (s: unknown): s is string => typeof s === 'string' && s.isWellFormed() && !CONTROL.test(s);

/** Reads one WebSocket message into an event; never throws. */
export function readEvent(
  data: Buffer,
  isBinary: boolean,
  now: Date,
  filter: PostFilter = {},
  maxBytes = DEFAULTS.maxEventBytes,
): JetstreamEvent {
  if (isBinary) return bad('binary frame');
  if (data.length > maxBytes) return bad(`larger than ${maxBytes} bytes`);
  let ev: Record<string, unknown> | undefined;
  try {
    ev = obj(JSON.parse(utf8.decode(data)));
  } catch {
    return bad('not UTF-8 JSON');
  }
  const t = ev?.time_us;
  if (!ev || typeof t !== 'number' || !Number.isSafeInteger(t) || t < EARLIEST_MS * 1000 || t > (now.getTime() + DAY_MS) * 1000)
    return bad('no valid time_us');
  if (typeof ev.did !== 'string' || !DID.test(ev.did)) return bad('no valid did', t);
  if (ev.kind !== 'commit') return ignored(t); // identity, account, and kinds yet to come
  const commit = obj(ev.commit);
  if (!commit || typeof commit.operation !== 'string' || typeof commit.collection !== 'string') return bad('malformed commit', t);
  if (commit.operation !== 'create' || commit.collection !== POST) return ignored(t);
  if (filter.dids && !filter.dids.has(ev.did)) return ignored(t);
  return postEvent(ev.did, t, commit, filter);
}

function postEvent(did: string, timeUs: number, commit: Record<string, unknown>, filter: PostFilter): JetstreamEvent {
  const record = obj(commit.record);
  if (typeof commit.rkey !== 'string' || !RKEY.test(commit.rkey)) return bad('no valid rkey', timeUs);
  if (!record || (record.$type !== undefined && record.$type !== POST)) return bad('not a post record', timeUs);
  if (typeof record.text !== 'string') return bad('post without text', timeUs);
  if (!cleanText(record.text)) return bad('control characters or invalid Unicode in text', timeUs);
  const text = record.text;
  if (!text.trim()) return ignored(timeUs); // images only
  if (filter.matches && !filter.matches(normalise(text))) return ignored(timeUs);
  const langs = Array.isArray(record.langs) ? record.langs : [];
  const lang = typeof langs[0] === 'string' && LANG.test(langs[0]) ? langs[0] : undefined;
  const item: MentionInputWithoutSource = {
    externalId: `at://${did}/${POST}/${commit.rkey}`,
    url: `https://bsky.app/profile/${did}/post/${commit.rkey}`,
    author: did,
    text,
    publishedAt: publishedAt(record.createdAt, timeUs),
    ...(lang ? { lang } : {}),
  };
  return { type: 'post', timeUs, item };
}

const bad = (reason: string, timeUs?: number): JetstreamEvent => ({ type: 'bad', reason, ...(timeUs === undefined ? {} : { timeUs }) });
const ignored = (timeUs: number): JetstreamEvent => ({ type: 'ignored', timeUs });
const ISO = z.iso.datetime({ offset: true });

/** The post's createdAt, unless it is not a date, before 1990, or later than the relay saw it (then time_us). */
function publishedAt(createdAt: unknown, timeUs: number): string {
  const seen = Math.floor(timeUs / 1000);
  const t = typeof createdAt === 'string' && ISO.safeParse(createdAt).success ? Date.parse(createdAt) : Number.NaN;
  const ok = Number.isFinite(t) && t >= EARLIEST_MS && t <= seen + 5 * 60_000;
  return new Date(ok ? t : seen).toISOString();
}

type Message = { type: 'message'; data: Buffer; binary: boolean };
type Delivery = Message | { type: 'timeout' } | { type: 'end'; error?: Error };

/** Messages waiting for the generator; `take` resolves with the next one, a timeout at `dueAt`, or the end. */
function createInbox(onDrained: () => void, lowWater: number) {
  const queue: Message[] = [];
  let ended: Extract<Delivery, { type: 'end' }> | undefined;
  let wake: (() => void) | undefined;
  const take = (dueAt?: number): Promise<Delivery> => {
    const next = queue.shift();
    if (next) {
      if (queue.length < lowWater) onDrained();
      return Promise.resolve(next);
    }
    if (ended) return Promise.resolve(ended);
    return new Promise((resolve) => {
      const timer = dueAt === undefined ? undefined : setTimeout(() => finish({ type: 'timeout' }), Math.max(0, dueAt - Date.now()));
      const finish = (d?: Delivery) => {
        clearTimeout(timer);
        wake = undefined;
        resolve(d ?? take());
      };
      wake = () => finish();
    });
  };
  return {
    take,
    /** Queues a message; returns how many wait. */
    push(m: Message): number {
      queue.push(m);
      wake?.();
      return queue.length;
    },
    /** The first end wins: its error is what the stream throws. */
    end(error?: Error) {
      ended ??= { type: 'end', error };
      wake?.();
    },
  };
}

/** Opens the socket to a checked target (connecting to the checked address only) and feeds an inbox. */
function openSocket(target: CheckedTarget, t: Required<JetstreamTuning>) {
  const ws = new WebSocket(target.url, {
    lookup: target.lookup,
    headers: { 'user-agent': USER_AGENT },
    handshakeTimeout: 10_000,
    followRedirects: false,
    maxPayload: t.maxPayloadBytes,
    skipUTF8Validation: true, // invalid UTF-8 skips one event instead of closing the connection (1007)
  });
  const inbox = createInbox(() => ws.isPaused && ws.resume(), t.highWater / 2);
  let alive = true;
  ws.on('message', (data: RawData, binary: boolean) => {
    alive = true;
    const waiting = inbox.push({ type: 'message', data: Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer), binary });
    if (waiting >= t.highWater && !ws.isPaused) ws.pause(); // back-pressure while the pipeline ingests
  });
  ws.on('unexpected-response', (_req, res) => {
    const status = res.statusCode ?? 0;
    const retry = Number(res.headers['retry-after']);
    const extra = { status, ...(Number.isFinite(retry) && retry >= 0 ? { retryAfterMs: retry * 1000 } : {}) };
    inbox.end(new SafeFetchError('http_error', `The stream answered HTTP ${status} instead of a WebSocket.`, extra));
    res.destroy();
    ws.terminate();
  });
  ws.on('error', (e: Error & { code?: string }) => inbox.end(socketError(e)));
  ws.on('close', (code, reason) =>
    inbox.end(new SafeFetchError('network', `The stream closed the connection (${code}${reason.length ? `: ${reason}` : ''}).`)),
  );
  ws.on('pong', () => {
    alive = true;
  });
  const heartbeat = setInterval(() => {
    if (ws.isPaused) alive = true; // our own backlog, not a silent server
    if (!alive) {
      inbox.end(new SafeFetchError('timeout', `The stream sent nothing for ${Math.round(t.heartbeatMs / 500)} s.`));
      return ws.terminate();
    }
    alive = false;
    if (ws.readyState === ws.OPEN) ws.ping();
  }, t.heartbeatMs);
  heartbeat.unref();
  const close = () => {
    clearInterval(heartbeat);
    inbox.end();
    if (ws.readyState === ws.CONNECTING || ws.readyState === ws.OPEN) ws.terminate();
  };
  return { take: inbox.take, close };
}

function socketError(e: Error & { code?: string }): SafeFetchError {
  if (e instanceof SafeFetchError) return e;
  if (e.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH')
    return new SafeFetchError('too_large', `The stream sent a message too large to read (${e.message}).`);
  return new SafeFetchError('network', `${e.message.slice(0, 300)}${e.code ? ` (${e.code})` : ''}`);
}

/** Which posts a config keeps, compiled once per stream. */
export function postFilter(config: JetstreamConfig): PostFilter {
  const parsed = config.query ? parseTopicQuery(config.query) : undefined;
  if (parsed && !parsed.ok) throw new SafeFetchError('bad_url', `The source's query is invalid: ${parsed.errors[0].message}`);
  return {
    ...(config.wantedDids?.length ? { dids: new Set(config.wantedDids) } : {}),
    ...(parsed?.ok ? { matches: topicMatcher(parsed.query) } : {}),
  };
}

/** A batch with what was skipped in it (bad messages), for the source's status. */
export type JetstreamBatch = StreamBatch & { skipped: number };

/** Gathers events into batches: when full, a window after their first post, or (cursor only) now and then. */
function createBatcher(startCursor: number, t: Required<JetstreamTuning>) {
  let items: MentionInputWithoutSource[] = [];
  let skipped = 0;
  let cursor = startCursor;
  let sent = startCursor;
  let firstAt = 0;
  let lastTaken = Date.now();
  const pending = () => items.length > 0 || skipped > 0 || cursor !== sent;
  const dueAt = () => (items.length ? firstAt + t.windowMs : pending() ? lastTaken + t.cursorEveryMs : undefined);
  return {
    pending,
    dueAt,
    add(ev: JetstreamEvent) {
      if (ev.type === 'post' && items.push(ev.item) === 1) firstAt = Date.now();
      if (ev.type === 'bad') skipped++;
      if (ev.timeUs !== undefined && ev.timeUs > cursor) cursor = ev.timeUs;
    },
    ready(timedOut: boolean) {
      const due = dueAt();
      return items.length >= t.batchSize || (due !== undefined && (timedOut || Date.now() >= due));
    },
    take(): JetstreamBatch {
      const b = { items, skipped, ...(cursor ? { cursor: String(cursor) } : {}) };
      [items, skipped, sent, lastTaken] = [[], 0, cursor, Date.now()];
      return b;
    },
  };
}

/** Streams batches of new posts until `signal` aborts; a lost connection is thrown after the last batch. */
export async function* streamJetstream(
  ctx: StreamContext<JetstreamConfig>,
  signal: AbortSignal,
  tuning: JetstreamTuning = {},
): AsyncGenerator<JetstreamBatch> {
  const t = { ...DEFAULTS, ...tuning };
  const filter = postFilter(ctx.config);
  if (signal.aborted) return;
  const target = await ctx.checkTarget(subscribeUrl(ctx.config, ctx.cursor, t.maxEventBytes), ['ws:', 'wss:']);
  if (signal.aborted) return;
  const socket = openSocket(target, t);
  const onAbort = () => socket.close();
  signal.addEventListener('abort', onAbort, { once: true });
  const batches = createBatcher(ctx.cursor && /^\d{1,17}$/.test(ctx.cursor) ? Number(ctx.cursor) : 0, t);
  try {
    for (;;) {
      const d = await socket.take(batches.dueAt());
      if (signal.aborted) return;
      if (d.type === 'end') {
        if (batches.pending()) yield batches.take();
        throw d.error ?? new SafeFetchError('network', 'The stream ended.');
      }
      if (d.type === 'message') batches.add(readEvent(d.data, d.binary, ctx.clock.now(), filter, t.maxEventBytes));
      if (batches.ready(d.type === 'timeout')) yield batches.take();
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    socket.close();
  }
}

/** The Bluesky Jetstream connector. */
export const jetstreamConnector = defineConnector({
  kind: 'jetstream',
  label: 'Bluesky (Jetstream)',
  configSchema: jetstreamConfig,
  stream: streamJetstream,
});
