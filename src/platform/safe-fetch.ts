// Fetching user-supplied URLs safely: http(s) only, no loopback/private/link-local targets (checked on
// every redirect hop, and the checked address is the one connected to: no DNS rebinding), time, idle and
// size limits (applied after decompression), conditional GET. Every failure is a SafeFetchError.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tls from 'node:tls';
import zlib from 'node:zlib';

/** Stable reasons a fetch failed. */
export type SafeFetchErrorCode = 'blocked_address' | 'bad_url' | 'too_many_redirects' | 'too_large' | 'timeout' | 'http_error' | 'network';

/** The only error safeFetch throws: a stable `code` and a message a person can read. */
export class SafeFetchError extends Error {
  readonly code: SafeFetchErrorCode;
  /** The HTTP status, for `http_error`. */
  readonly status?: number;
  /** From a Retry-After header on 429/503, when the server sent one. */
  readonly retryAfterMs?: number;
  constructor(code: SafeFetchErrorCode, message: string, extra: { status?: number; retryAfterMs?: number } = {}) {
    super(message);
    this.name = 'SafeFetchError';
    this.code = code;
    this.status = extra.status;
    this.retryAfterMs = extra.retryAfterMs;
  }
}

/** A resolved address, as `dns.lookup(host, { all: true })` returns them. */
export type ResolvedAddress = { address: string; family: number };

/** Options for safeFetch; every limit has a safe default. */
export type SafeFetchOptions = {
  /** Hostnames, IPs or CIDRs that may be fetched although private/loopback (an admin setting; tests use ['127.0.0.1']). */
  allowPrivate?: string[];
  /** Validator from a previous answer: sent as If-None-Match. */
  etag?: string;
  /** Last-Modified from a previous answer: sent as If-Modified-Since. */
  lastModified?: string;
  /** Accept header (default any). */
  accept?: string;
  maxRedirects?: number;
  /** Whole exchange, redirects included (default 15 s). */
  timeoutMs?: number;
  /** From sending a request to its response headers (default 10 s). */
  headersTimeoutMs?: number;
  /** Longest silence while reading a body (default 10 s). */
  idleTimeoutMs?: number;
  /** Largest body, after decompression (default 5 MB). */
  maxBytes?: number;
  signal?: AbortSignal;
  /** Extra CA certificate (PEM) trusted besides the system roots: private PKI, and tests. */
  ca?: string;
  /** Name resolution (default dns.lookup with all: true); tests inject one. */
  resolve?: (host: string) => Promise<ResolvedAddress[]>;
};

/** A successful answer (2xx, or 304 with `notModified`). */
export type SafeFetchResult = {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  finalUrl: string;
  notModified: boolean;
};

/** Sent with every request. */
export const USER_AGENT = 'Firebreak/0.1 (+self-hosted reputation monitoring)';

// ---------------------------------------------------------------------------------------------
// Address classification

type Ip = { v: 4 | 6; b: number[] };

function parseIp(s: string): Ip | null {
  const host = s.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (net.isIPv4(host)) return { v: 4, b: host.split('.').map(Number) };
  if (!net.isIPv6(host)) return null;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  const hex = (hi: string, lo: string) => ((Number(hi) << 8) | Number(lo)).toString(16);
  const text = dotted ? `${host.slice(0, dotted.index)}${hex(dotted[1], dotted[2])}:${hex(dotted[3], dotted[4])}` : host;
  const [head, rest] = text.includes('::') ? text.split('::') : [text, undefined];
  const hs = head ? head.split(':').filter(Boolean) : [];
  const rs = rest ? rest.split(':').filter(Boolean) : [];
  const fill = 8 - hs.length - rs.length;
  const groups = [
    ...hs.map((g) => Number.parseInt(g, 16)),
    ...Array(rest === undefined ? 0 : fill).fill(0),
    ...rs.map((g) => Number.parseInt(g, 16)),
  ];
  if (groups.length !== 8) return null;
  return { v: 6, b: groups.flatMap((g) => [g >> 8, g & 255]) };
}

function inPrefix(ip: Ip, net: Ip, bits: number): boolean {
  if (ip.v !== net.v) return false;
  for (let i = 0; i < bits; i += 8) {
    const take = Math.min(8, bits - i);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((ip.b[i / 8] & mask) !== (net.b[i / 8] & mask)) return false;
  }
  return true;
}

// "CIDR why" entries separated by '|' or new lines.
const table = (spec: string) =>
  spec
    .trim()
    .split(/\s*[|\n]\s*/)
    .map((entry) => {
      const [cidr, ...why] = entry.split(' ');
      const [a, bits] = cidr.split('/');
      return { net: parseIp(a)!, bits: Number(bits), why: why.join(' ') };
    });
const V4 = table(`
  0.0.0.0/8 unspecified | 10.0.0.0/8 private | 100.64.0.0/10 shared (CGNAT) | 127.0.0.0/8 loopback | 169.254.0.0/16 link-local
  172.16.0.0/12 private | 192.0.0.0/24 reserved | 192.0.2.0/24 documentation | 192.88.99.0/24 reserved | 192.168.0.0/16 private
  198.18.0.0/15 benchmarking | 198.51.100.0/24 documentation | 203.0.113.0/24 documentation | 224.0.0.0/4 multicast | 240.0.0.0/4 reserved`);
const V6 = table(`
  ::/128 unspecified | ::1/128 loopback | fc00::/7 private | fe80::/10 link-local | fec0::/10 site-local | ff00::/8 multicast
  2001::/23 reserved | 2001:db8::/32 documentation | 3fff::/20 documentation`);
// IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4), with the offset of its bytes.
const EMBEDS_V4 = table('::ffff:0:0/96 12 | ::/96 12 | 64:ff9b::/96 12 | 2002::/16 2');
const GLOBAL_V6 = parseIp('2000::')!;

/** Why an address must not be fetched ('loopback', 'private', …), or null for a public address. */
export function blockedReason(address: string): string | null {
  const ip = parseIp(address);
  if (!ip) return 'not an IP address';
  if (ip.v === 4) return V4.find((r) => inPrefix(ip, r.net, r.bits))?.why ?? null;
  const direct = V6.find((r) => inPrefix(ip, r.net, r.bits));
  if (direct) return direct.why;
  const embed = EMBEDS_V4.find((r) => inPrefix(ip, r.net, r.bits));
  if (embed) {
    const at = Number(embed.why);
    const why = blockedReason(ip.b.slice(at, at + 4).join('.'));
    return why && `${why} (IPv4 inside IPv6)`;
  }
  return inPrefix(ip, GLOBAL_V6, 3) ? null : 'reserved';
}

/** True when the host name or address is covered by an allow-list entry (hostname, IP or CIDR). */
export function isAllowListed(host: string, address: string, allow: string[]): boolean {
  const name = host
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  const mapped = parseIp(address);
  const ip = mapped?.v === 6 && inPrefix(mapped, EMBEDS_V4[0].net, 96) ? parseIp(mapped.b.slice(12).join('.')) : mapped;
  return allow.some((entry) => {
    const e = entry.trim().toLowerCase();
    if (e === name) return true;
    const [base, bits] = e.split('/');
    const netIp = parseIp(base);
    const max = (netIp?.b.length ?? 0) * 8;
    const n = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : -1;
    return !!netIp && !!ip && n >= 0 && n <= max && inPrefix(ip, netIp, n);
  });
}

// ---------------------------------------------------------------------------------------------
// Fetching

function checkUrl(raw: string, protocols = ['http:', 'https:']): URL {
  if (!URL.canParse(raw)) throw new SafeFetchError('bad_url', `Not a valid URL: ${raw.slice(0, 200)}`);
  const url = new URL(raw);
  if (!protocols.includes(url.protocol))
    throw new SafeFetchError('bad_url', `Only ${protocols.join(' ')} URLs can be fetched, not ${url.protocol}`);
  if (url.username || url.password) throw new SafeFetchError('bad_url', 'URLs with a user name or password are not allowed.');
  if (!url.hostname) throw new SafeFetchError('bad_url', 'The URL has no host.');
  return url;
}

async function resolveChecked(url: URL, o: Required<Pick<SafeFetchOptions, 'allowPrivate' | 'resolve'>>): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = net.isIP(host);
  const found = literal ? [{ address: host, family: literal }] : await o.resolve(host);
  if (!found.length) throw new SafeFetchError('network', `Could not resolve ${host}.`);
  for (const a of found) {
    const why = blockedReason(a.address);
    if (why && !isAllowListed(host, a.address, o.allowPrivate)) {
      throw new SafeFetchError('blocked_address', `${host} points to a ${why} address; fetching it is not allowed.`);
    }
  }
  return found[0];
}

const defaultResolve = (host: string) => dns.promises.lookup(host, { all: true, order: 'verbatim' });

/** A `lookup` for http/https/ws request options that always answers the already-checked address. */
export function pinnedLookup(to: ResolvedAddress): net.LookupFunction {
  return (_name, opts, cb) => (opts.all ? cb(null, [{ address: to.address, family: to.family }]) : cb(null, to.address, to.family));
}

/** A checked destination for clients that open their own connections (e.g. WebSockets): pass `lookup` to them. */
export type CheckedTarget = { url: URL; address: ResolvedAddress; lookup: net.LookupFunction };

/** Parses and checks a URL the way safeFetch does (scheme, credentials, every resolved address); throws SafeFetchError. */
export async function checkTarget(
  input: string,
  opts: { allowPrivate?: string[]; resolve?: SafeFetchOptions['resolve']; protocols?: string[] } = {},
): Promise<CheckedTarget> {
  try {
    const url = checkUrl(input, opts.protocols);
    const address = await resolveChecked(url, { allowPrivate: opts.allowPrivate ?? [], resolve: opts.resolve ?? defaultResolve });
    return { url, address, lookup: pinnedLookup(address) };
  } catch (e) {
    throw asSafeFetchError(e, new AbortController().signal);
  }
}

function retryAfter(h: http.IncomingHttpHeaders, now: number): number | undefined {
  const v = h['retry-after'];
  if (!v) return undefined;
  const ms = /^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v) - now;
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

function send(url: URL, to: ResolvedAddress, o: Required<SafeFetchOptions>, signal: AbortSignal) {
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: o.accept, 'accept-encoding': 'gzip, deflate, br' };
  if (o.etag) headers['if-none-match'] = o.etag;
  if (o.lastModified) headers['if-modified-since'] = o.lastModified;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const request = url.protocol === 'https:' ? https.request : http.request;
  return new Promise<{ req: http.ClientRequest; res: http.IncomingMessage }>((resolve, reject) => {
    const req = request({
      protocol: url.protocol,
      host,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers,
      lookup: pinnedLookup(to),
      agent: false,
      ...(url.protocol === 'https:' && !net.isIP(host) ? { servername: host } : {}),
      ...(url.protocol === 'https:' && o.ca ? { ca: [...tls.rootCertificates, o.ca] } : {}),
    });
    const onAbort = () => req.destroy(signal.reason);
    const timer = setTimeout(
      () => req.destroy(new SafeFetchError('timeout', `No response from ${host} within ${o.headersTimeoutMs / 1000} s.`)),
      o.headersTimeoutMs,
    );
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    req.once('close', () => signal.removeEventListener('abort', onAbort));
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.once('response', (res) => {
      clearTimeout(timer);
      resolve({ req, res });
    });
    req.end();
  });
}

async function readBody(res: http.IncomingMessage, o: Required<SafeFetchOptions>, signal: AbortSignal): Promise<Buffer> {
  const tooLarge = () => new SafeFetchError('too_large', `The body is larger than ${o.maxBytes} bytes.`);
  const length = Number(res.headers['content-length']);
  if (Number.isFinite(length) && length > o.maxBytes) throw tooLarge();
  const encoding = (res.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const decoders: Record<string, () => Transform> = {
    gzip: zlib.createGunzip,
    'x-gzip': zlib.createGunzip,
    deflate: zlib.createInflate,
    br: zlib.createBrotliDecompress,
  };
  if (encoding !== 'identity' && !decoders[encoding])
    throw new SafeFetchError('network', `Unsupported content encoding: ${encoding.slice(0, 50)}`);
  let raw = 0;
  let idle: NodeJS.Timeout | undefined;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      raw += chunk.length;
      armIdle();
      cb(raw > o.maxBytes ? tooLarge() : null, chunk);
    },
  });
  const armIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(
      () => meter.destroy(new SafeFetchError('timeout', `The server stopped sending for ${o.idleTimeoutMs / 1000} s.`)),
      o.idleTimeoutMs,
    );
  };
  const chunks: Buffer[] = [];
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > o.maxBytes) return cb(tooLarge());
      chunks.push(chunk);
      cb();
    },
  });
  armIdle();
  try {
    const stages = encoding === 'identity' ? [meter] : [meter, decoders[encoding]()];
    await pipeline([res, ...stages, sink], { signal });
  } finally {
    clearTimeout(idle);
  }
  return Buffer.concat(chunks, size);
}

function asSafeFetchError(e: unknown, signal: AbortSignal): SafeFetchError {
  if (signal.aborted && signal.reason instanceof SafeFetchError) return signal.reason;
  if (e instanceof SafeFetchError) return e;
  const err = e as NodeJS.ErrnoException;
  const cause = (err?.cause as SafeFetchError | undefined) ?? undefined;
  if (cause instanceof SafeFetchError) return cause;
  const code = String(err?.code ?? '');
  const known: Record<string, string> = {
    ENOTFOUND: 'The host name could not be resolved.',
    EAI_AGAIN: 'The host name could not be resolved (temporary DNS failure).',
    ECONNREFUSED: 'The server refused the connection.',
    ECONNRESET: 'The server closed the connection.',
    ETIMEDOUT: 'The connection timed out.',
    EHOSTUNREACH: 'The host is unreachable.',
    Z_DATA_ERROR: 'The server sent a corrupt compressed body.',
    Z_BUF_ERROR: 'The server sent a truncated compressed body.',
    ERR_STREAM_PREMATURE_CLOSE: 'The server closed the connection before the body was complete.',
  };
  if (known[code]) return new SafeFetchError('network', known[code]);
  if (code.startsWith('HPE_')) return new SafeFetchError('network', 'The server sent an invalid HTTP response.');
  const text = typeof err?.message === 'string' ? err.message.slice(0, 300) : String(e).slice(0, 300);
  return new SafeFetchError('network', code ? `${text} (${code})` : text);
}

/** Fetches a user-supplied http(s) URL with address checks on every hop and strict limits; throws only SafeFetchError. */
export async function safeFetch(input: string, opts: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const given = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) as SafeFetchOptions;
  const o: Required<SafeFetchOptions> = {
    allowPrivate: [],
    etag: '',
    lastModified: '',
    accept: '*/*',
    maxRedirects: 3,
    timeoutMs: 15_000,
    headersTimeoutMs: 10_000,
    idleTimeoutMs: 10_000,
    maxBytes: 5 * 1024 * 1024,
    signal: new AbortController().signal,
    resolve: defaultResolve,
    ca: '',
    ...given,
  };
  const ac = new AbortController();
  const deadline = setTimeout(
    () => ac.abort(new SafeFetchError('timeout', `No complete answer within ${o.timeoutMs / 1000} s.`)),
    o.timeoutMs,
  );
  const cancel = () => ac.abort(new SafeFetchError('network', 'The request was cancelled.'));
  if (o.signal.aborted) cancel();
  o.signal.addEventListener('abort', cancel, { once: true });
  const aborted = new Promise<never>((_, reject) => {
    ac.signal.addEventListener('abort', () => reject(ac.signal.reason), { once: true });
  });
  aborted.catch(() => {});
  try {
    let url = checkUrl(input);
    for (let hop = 0; ; hop++) {
      const to = await Promise.race([resolveChecked(url, o), aborted]);
      const { res } = await send(url, to, o, ac.signal);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if ([301, 302, 303, 307, 308].includes(status) && location) {
        res.destroy();
        if (hop >= o.maxRedirects) throw new SafeFetchError('too_many_redirects', `More than ${o.maxRedirects} redirects.`);
        url = checkUrl(URL.canParse(location, url) ? new URL(location, url).href : location);
        continue;
      }
      if (status === 304) {
        res.destroy();
        return { status, headers: res.headers, body: Buffer.alloc(0), finalUrl: url.href, notModified: true };
      }
      if (status < 200 || status > 299) {
        res.destroy();
        throw new SafeFetchError('http_error', `The server answered ${status} ${res.statusMessage ?? ''}`.trim(), {
          status,
          retryAfterMs: retryAfter(res.headers, Date.now()),
        });
      }
      const body = await readBody(res, o, ac.signal);
      return { status, headers: res.headers, body, finalUrl: url.href, notModified: false };
    }
  } catch (e) {
    throw asSafeFetchError(e, ac.signal);
  } finally {
    clearTimeout(deadline);
    o.signal.removeEventListener('abort', cancel);
  }
}
