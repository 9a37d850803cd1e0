// POSTing to a user-supplied URL (outgoing webhooks) with the same address checks as safeFetch:
// no loopback, private or link-local destinations unless allow-listed, the resolved address pinned
// for the connection, no redirects followed, a hard deadline, and a small cap on the answer read.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { checkTarget, SafeFetchError, USER_AGENT } from './safe-fetch.ts';

/** What came back. */
export type PostResult = { status: number; body: string; durationMs: number };

/** Sends `body` to `url`; resolves for a 2xx answer, throws SafeFetchError otherwise (with status and Retry-After). */
export async function safePost(
  url: string,
  body: string,
  opts: { headers?: Record<string, string>; allowPrivate?: string[]; timeoutMs?: number; maxBytes?: number } = {},
): Promise<PostResult> {
  const started = performance.now();
  const target = await checkTarget(url, { allowPrivate: opts.allowPrivate });
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const maxBytes = opts.maxBytes ?? 64 * 1024;
  const host = target.url.hostname.replace(/^\[|\]$/g, '');
  const request = target.url.protocol === 'https:' ? https.request : http.request;
  return new Promise<PostResult>((resolve, reject) => {
    const req = request({
      protocol: target.url.protocol,
      host,
      port: target.url.port || undefined,
      path: `${target.url.pathname}${target.url.search}`,
      method: 'POST',
      headers: {
        'user-agent': USER_AGENT,
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(body)),
        ...opts.headers,
      },
      lookup: target.lookup,
      agent: false,
      ...(target.url.protocol === 'https:' && !net.isIP(host) ? { servername: host } : {}),
    });
    const timer = setTimeout(() => req.destroy(new SafeFetchError('timeout', `No answer within ${timeoutMs / 1000} s.`)), timeoutMs);
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e instanceof SafeFetchError ? e : new SafeFetchError('network', e.message));
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= maxBytes) chunks.push(c);
      });
      res.on('error', (e) => {
        clearTimeout(timer);
        reject(new SafeFetchError('network', e.message));
      });
      res.on('end', () => {
        clearTimeout(timer);
        const status = res.statusCode ?? 0;
        const text = Buffer.concat(chunks).toString('utf8').slice(0, 2000);
        const durationMs = Math.round(performance.now() - started);
        if (status >= 200 && status < 300) return resolve({ status, body: text, durationMs });
        const ra = res.headers['retry-after'];
        const retryAfterMs = ra && /^\d+$/.test(ra) ? Number(ra) * 1000 : undefined;
        reject(
          new SafeFetchError('http_error', `The receiver answered ${status} ${res.statusMessage ?? ''}`.trim(), { status, retryAfterMs }),
        );
      });
    });
    req.end(body);
  });
}
