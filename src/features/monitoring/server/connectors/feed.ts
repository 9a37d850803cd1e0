// RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 → mention inputs. Bytes are decoded strictly, the XML is read by the
// safe reader (no DTDs), HTML becomes plain text, links are resolved against the feed URL, and every item is
// checked against `mentionInput` so the pipeline only sees items it can accept.
import { createHash } from 'node:crypto';
import { htmlToText, tidyText } from '../../../../platform/text/html-text.ts';
import { MAX_TEXT, mentionInput } from '../../contract.ts';
import type { ConnectorError, MentionInputWithoutSource } from './types.ts';
import { childOf, childrenOf, NS, parseXml, textOf, type XmlElement, XmlError, type XmlLimits } from './xml.ts';

/** A parsed feed: its title, format and items, with counts of what was left out and why. */
export type ParsedFeed = {
  format: 'rss' | 'rdf' | 'atom';
  title?: string;
  items: MentionInputWithoutSource[];
  skipped: number;
  warnings: string[];
};

/** Options for parseFeed: the URL the feed was fetched from (for relative links) and the current time. */
export type ParseFeedOptions = { url: string; now: Date; contentType?: string; maxItems?: number; limits?: Partial<XmlLimits> };

const PLAIN = ['', NS.rss1, NS.rss090];
const EARLIEST = Date.parse('1990-01-01T00:00:00Z');

const fail = (code: string, message: string): { ok: false; error: ConnectorError } => ({
  ok: false,
  error: { code, message, transient: false },
});

class FeedDecodeError extends Error {}

/** Decodes feed bytes: BOM, then the XML declaration, then the HTTP charset, then UTF-8; invalid bytes are an error. */
export function decodeFeedBytes(body: Buffer, contentType = ''): string {
  let label = 'utf-8';
  let start = 0;
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) start = 3;
  else if (body[0] === 0xff && body[1] === 0xfe) label = 'utf-16le';
  else if (body[0] === 0xfe && body[1] === 0xff) label = 'utf-16be';
  else {
    const head = body.subarray(0, 200).toString('latin1');
    const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/.exec(head)?.[1];
    const http = /charset\s*=\s*"?([A-Za-z0-9._:-]{1,40})/i.exec(contentType)?.[1];
    label = declared ?? http ?? 'utf-8';
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new FeedDecodeError(`The feed uses an unsupported character encoding: ${label}.`);
  }
  try {
    return decoder.decode(body.subarray(start));
  } catch {
    throw new FeedDecodeError(`The feed is not valid ${decoder.encoding.toUpperCase()} (invalid byte sequence).`);
  }
}

/** Cuts text to at most `max` UTF-16 units without splitting a surrogate pair. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const code = s.charCodeAt(max - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Parses a feed date (RFC 822 or ISO 8601; ISO without a zone is read as UTC); undefined if unusable. */
export function parseFeedDate(s: string | undefined, now: Date): Date | undefined {
  const v = s?.trim();
  if (!v) return undefined;
  const iso = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(v) ? `${v.replace(' ', 'T')}Z` : v;
  const t = Date.parse(iso);
  if (!Number.isFinite(t) || t < EARLIEST || t > now.getTime() + 24 * 3_600_000) return undefined;
  return new Date(t);
}

const text = (el: XmlElement | undefined) => (el ? tidyText(textOf(el)) : '');

/** Atom text construct: type text, html or xhtml. */
function atomText(el: XmlElement | undefined): string {
  if (!el) return '';
  const type = (el.attrs.type ?? 'text').toLowerCase();
  if (type === 'xhtml') return tidyText(textOf(el));
  return type.includes('html') ? htmlToText(textOf(el)) : tidyText(textOf(el));
}

function absolute(href: string | undefined, base: string): string | undefined {
  const v = href?.trim();
  if (!v || !URL.canParse(v, base || undefined)) return undefined;
  const u = new URL(v, base || undefined);
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.href.length <= 2000 ? u.href : undefined;
}

/** "jane@example.com (Jane Doe)" → "Jane Doe". */
function personName(s: string): string {
  return /^\S+@\S+\s+\((.+)\)$/.exec(s)?.[1]?.trim() ?? s;
}

type Entry = {
  id?: string;
  link?: string;
  title: string;
  text: string;
  author: string;
  date?: string;
  raw: Record<string, unknown>;
  comments?: number;
};

function rssEntry(item: XmlElement, feedUrl: string): Entry {
  const links = childrenOf(item, 'link', PLAIN);
  const atomLink = childrenOf(item, 'link', [NS.atom]).find((l) => !l.attrs.rel || l.attrs.rel === 'alternate');
  const guid = childOf(item, 'guid', PLAIN);
  const guidText = text(guid);
  const about = Object.entries(item.attrs).find(([k]) => k === 'rdf:about' || k.endsWith(':about'))?.[1];
  const guidIsLink = guid && guid.attrs.isPermaLink !== 'false' && /^https?:\/\//i.test(guidText);
  const link = absolute(
    links.map(text).find(Boolean) ?? atomLink?.attrs.href ?? (guidIsLink ? guidText : undefined) ?? about,
    item.base || feedUrl,
  );
  const source = childOf(item, 'source', PLAIN);
  const outlet = text(source);
  const titleEl = childOf(item, 'title', PLAIN);
  const title = titleEl ? htmlToText(textOf(titleEl).slice(0, 20_000)) : '';
  const body = childOf(item, 'encoded', [NS.content]) ?? childOf(item, 'description', PLAIN) ?? childOf(item, 'description', [NS.media]);
  let content = body ? htmlToText(textOf(body)) : '';
  const raw: Record<string, unknown> = {};
  if (outlet) {
    raw.outlet = { name: outlet, url: absolute(source?.attrs.url, feedUrl) };
    // Google News: "標題 - 自由時報" and a description that only repeats the headline and the outlet.
    if (content.endsWith(outlet)) content = content.slice(0, -outlet.length).trim();
  }
  const categories = childrenOf(item, 'category', PLAIN).map(text).filter(Boolean).slice(0, 20);
  if (categories.length) raw.categories = categories;
  const commentsText = text(childOf(item, 'comments', [NS.slash]));
  const comments = /^\d{1,12}$/.test(commentsText) ? Number(commentsText) : undefined;
  return {
    id: guidText || about,
    link,
    title: outlet && title.endsWith(` - ${outlet}`) ? title.slice(0, -(outlet.length + 3)).trim() : title,
    text: content,
    author: personName(clip(text(childOf(item, 'creator', [NS.dc])) || text(childOf(item, 'author', PLAIN)), 1000)) || outlet,
    date: text(childOf(item, 'pubdate', PLAIN)) || text(childOf(item, 'date', [NS.dc])) || text(childOf(item, 'updated', [NS.atom])),
    raw,
    comments,
  };
}

function atomAuthor(el: XmlElement | undefined): string {
  const a = el && childOf(el, 'author', [NS.atom]);
  return a ? text(childOf(a, 'name', [NS.atom])) || text(a) : '';
}

function atomEntry(entry: XmlElement, feed: XmlElement, feedUrl: string): Entry {
  const links = childrenOf(entry, 'link', [NS.atom]);
  const alt =
    links.find((l) => (l.attrs.rel ?? 'alternate') === 'alternate' && /html/i.test(l.attrs.type ?? 'html')) ??
    links.find((l) => !l.attrs.rel);
  const content = childOf(entry, 'content', [NS.atom]);
  const group = childOf(entry, 'group', [NS.media]);
  const media = childOf(group ?? entry, 'description', [NS.media]);
  const body = content && !content.attrs.src ? atomText(content) : '';
  const raw: Record<string, unknown> = {};
  const categories = childrenOf(entry, 'category', [NS.atom])
    .map((c) => (c.attrs.label ?? c.attrs.term ?? '').trim())
    .filter(Boolean)
    .slice(0, 20);
  if (categories.length) raw.categories = categories;
  return {
    id: text(childOf(entry, 'id', [NS.atom])),
    link: absolute(alt?.attrs.href, alt?.base || entry.base || feedUrl),
    title: atomText(childOf(entry, 'title', [NS.atom])),
    text: body || atomText(childOf(entry, 'summary', [NS.atom])) || text(media),
    author: atomAuthor(entry) || atomAuthor(childOf(entry, 'source', [NS.atom])) || atomAuthor(feed),
    date:
      text(childOf(entry, 'published', [NS.atom])) ||
      text(childOf(entry, 'updated', [NS.atom])) ||
      text(childOf(entry, 'issued', [NS.atom])),
    raw,
  };
}

function toMention(e: Entry, now: Date, counts: { undated: number }): MentionInputWithoutSource | undefined {
  const title = clip(e.title, 1000);
  const body = clip(e.text || e.title, MAX_TEXT);
  if (!body.trim()) return undefined;
  const published = parseFeedDate(e.date, now);
  if (!published) counts.undated++;
  const raw = { ...e.raw, ...(published ? {} : { publishedAtGuessed: true }) };
  const id = e.id?.trim();
  const externalId = id
    ? id.length <= 500
      ? id
      : `sha256:${createHash('sha256').update(id).digest('hex')}`
    : e.link
      ? undefined
      : `sha256:${createHash('sha256').update(`${title}\n${body}`).digest('hex')}`;
  const item: MentionInputWithoutSource = {
    ...(externalId ? { externalId } : {}),
    ...(e.link ? { url: e.link } : {}),
    ...(e.author ? { author: clip(e.author, 200) } : {}),
    ...(title ? { title } : {}),
    text: body,
    publishedAt: (published ?? now).toISOString(),
    ...(e.comments !== undefined ? { metrics: { comments: e.comments } } : {}),
    ...(Object.keys(raw).length ? { raw } : {}),
  };
  return mentionInput.safeParse({ ...item, source: 'feed' }).success ? item : undefined;
}

/** Parses feed bytes into mention inputs, or returns an error value (never throws). */
export function parseFeed(
  body: Buffer | string,
  opts: ParseFeedOptions,
): { ok: true; feed: ParsedFeed } | { ok: false; error: ConnectorError } {
  try {
    const source = typeof body === 'string' ? body : decodeFeedBytes(body, opts.contentType);
    if (/^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype\s+html|<html[\s>])/i.test(source.slice(0, 4096))) {
      return fail('not_a_feed', 'The address returned an HTML web page, not an RSS or Atom feed. Check the feed URL.');
    }
    const root = parseXml(source, { baseUrl: opts.url, limits: opts.limits });
    const counts = { undated: 0 };
    let format: ParsedFeed['format'];
    let title: string;
    let entries: Entry[];
    if (root.local === 'rss') {
      const channel = childOf(root, 'channel', PLAIN) ?? root;
      format = 'rss';
      title = text(childOf(channel, 'title', PLAIN));
      entries = childrenOf(channel, 'item', PLAIN).map((i) => rssEntry(i, opts.url));
    } else if (root.local === 'rdf' && root.ns === NS.rdf) {
      format = 'rdf';
      title = text(childOf(childOf(root, 'channel', PLAIN) ?? root, 'title', PLAIN));
      entries = childrenOf(root, 'item', PLAIN).map((i) => rssEntry(i, opts.url));
    } else if (root.local === 'feed' && (root.ns === NS.atom || root.ns === '' || root.ns.startsWith('http://purl.org/atom'))) {
      const ns = root.ns;
      const feed = ns === NS.atom ? root : { ...root, children: root.children.map((c) => (typeof c === 'string' ? c : reNs(c, ns))) };
      format = 'atom';
      title = atomText(childOf(feed, 'title', [NS.atom]));
      entries = childrenOf(feed, 'entry', [NS.atom]).map((e) => atomEntry(e, feed, opts.url));
    } else if (root.local === 'html') {
      return fail('not_a_feed', 'The address returned an HTML web page, not an RSS or Atom feed. Check the feed URL.');
    } else {
      return fail('not_a_feed', `The document is XML but not an RSS or Atom feed (its root element is <${root.name.slice(0, 50)}>).`);
    }
    const max = opts.maxItems ?? 500;
    const warnings: string[] = [];
    if (entries.length > max) warnings.push(`The feed has ${entries.length} items; only the first ${max} were read.`);
    const items: MentionInputWithoutSource[] = [];
    let skipped = 0;
    for (const e of entries.slice(0, max)) {
      const m = toMention(e, opts.now, counts);
      if (m) items.push(m);
      else skipped++;
    }
    if (counts.undated) warnings.push(`${counts.undated} item(s) had no usable date; the collection time was used.`);
    if (skipped) warnings.push(`${skipped} item(s) had no text or were invalid and were skipped.`);
    return { ok: true, feed: { format, title: title || undefined, items, skipped, warnings } };
  } catch (e) {
    if (e instanceof XmlError) return fail(e.code, e.message);
    if (e instanceof FeedDecodeError) return fail('bad_encoding', e.message);
    return fail('bad_xml', `The feed could not be read: ${e instanceof Error ? e.message.slice(0, 200) : String(e)}`);
  }
}

// Atom 0.3 and namespace-less Atom: read as Atom 1.0.
function reNs(el: XmlElement, from: string): XmlElement {
  if (el.ns !== from) return el;
  return { ...el, ns: NS.atom, children: el.children.map((c) => (typeof c === 'string' ? c : reNs(c, from))) };
}
