// The RSS / Atom connector: polls one feed URL with a conditional GET (ETag / Last-Modified) and turns its
// entries into mentions. Works with news sites, PTT board Atom feeds, Google News RSS searches and RSSHub.
import { z } from 'zod';
import { SafeFetchError } from '../../../../platform/safe-fetch.ts';
import { parseFeed } from './feed.ts';
import { type ConnectorError, defineConnector, type PollContext, type PollResult } from './types.ts';

/** Settings of an RSS/Atom source. */
export const rssConfig = z.strictObject({
  url: z
    .string()
    .trim()
    .max(2000)
    .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), 'must be an http(s) URL'),
});
/** Parsed settings of an RSS/Atom source. */
export type RssConfig = z.infer<typeof rssConfig>;

const ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/** A fetch failure as a value for the source's status page. */
export function fetchErrorOf(e: unknown): ConnectorError {
  if (!(e instanceof SafeFetchError)) return { code: 'network', message: String(e).slice(0, 300), transient: true };
  const status = e.status ?? 0;
  const transient =
    e.code === 'timeout' || e.code === 'network' || (e.code === 'http_error' && (status >= 500 || status === 429 || status === 408));
  const hint =
    status === 404 || status === 410
      ? ' The feed may have moved or been removed.'
      : status === 401 || status === 403
        ? ' The site refuses access.'
        : '';
  return { code: e.code, message: e.message + hint, transient, ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}) };
}

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Polls a feed: a conditional GET with the last validators, then parsing; errors are values, never thrown. */
export async function pollRss(ctx: PollContext<RssConfig>): Promise<PollResult> {
  let res: Awaited<ReturnType<PollContext<RssConfig>['fetch']>>;
  try {
    res = await ctx.fetch(ctx.config.url, { etag: ctx.etag, lastModified: ctx.lastModified, accept: ACCEPT, signal: ctx.signal });
  } catch (e) {
    return { ok: false, error: fetchErrorOf(e) };
  }
  const etag = header(res.headers.etag) ?? ctx.etag;
  const lastModified = header(res.headers['last-modified']) ?? ctx.lastModified;
  if (res.notModified) return { ok: true, items: [], etag, lastModified, notModified: true };
  const parsed = parseFeed(res.body, { url: res.finalUrl, now: ctx.clock.now(), contentType: header(res.headers['content-type']) });
  // On a parse error the validators are not kept: the next poll fetches the whole feed again.
  if (!parsed.ok) return parsed;
  const { items, skipped, warnings } = parsed.feed;
  if (res.finalUrl !== ctx.config.url) warnings.push(`The feed redirects to ${res.finalUrl}.`);
  return {
    ok: true,
    items,
    ...(header(res.headers.etag) ? { etag: header(res.headers.etag) } : {}),
    ...(header(res.headers['last-modified']) ? { lastModified: header(res.headers['last-modified']) } : {}),
    notModified: false,
    skipped,
    warnings,
  };
}

/** The RSS / Atom connector. */
export const rssConnector = defineConnector({
  kind: 'rss',
  label: 'RSS / Atom feed',
  configSchema: rssConfig,
  defaultIntervalSeconds: 15 * 60,
  poll: pollRss,
});
