// Automatic evidence screenshots (證據保全 · 自動截圖): when FIREBREAK_CAPTURE_BROWSER names a Chromium, a capture of
// a URL queues a job — in the capture's own transaction, so an acknowledged capture never loses its request — that
// opens the page in a throwaway headless browser and attaches a PNG to the evidence document through the same path
// as an uploaded screenshot (magic bytes, SHA-256 in `files`, preview, bundle), as the person who captured it.
// `evidence.screenshot_captured` (file SHA-256, URL, browser version) or `evidence.screenshot_failed` (a stable
// reason) ends the request on the chain of custody; the text capture stays whatever happens.
//
// The browser never touches the network itself. Every request of the page — the page, subresources, fetch/XHR,
// iframes, popups — is answered by `context.route` with the safe fetcher (the same address rules and allow-list as
// the text capture: no loopback, private, link-local or metadata addresses on any redirect hop, the checked address
// pinned so DNS rebinding cannot move it; GET/HEAD only; per-request and total size caps; a deadline). Behind that,
// fail-closed switches for whatever interception does not see: `--host-resolver-rules=MAP * ~NOTFOUND` makes every
// name and address unresolvable inside the browser, a proxy that cannot be reached catches the rest, WebSockets are
// closed by `routeWebSocket`, and WebRTC is limited to proxied TCP by the profile's `webrtc.ip_handling_policy`
// (measured: the command-line switch for it is ignored by this Chromium and STUN/TURN datagrams reached a loopback
// port; the profile preference stops them — so each capture launches a persistent context on a fresh profile).
// A fulfilled redirect is never used: Chromium follows it on its own without asking the route again (measured), so
// the safe fetcher follows redirects and the page is opened at its final URL.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { Task } from 'graphile-worker';
import type { BrowserContext, Route } from 'playwright-core';
import { HEADLESS_CHROMIUM_ARGS } from '../../../platform/chromium.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { SafeFetchError, type SafeFetchResult, safeFetch } from '../../../platform/safe-fetch.ts';
import type { ScreenshotFailureReason } from '../contract.ts';
import { uploadAttachment } from './attachments.ts';
import type { DocumentDeps } from './deps.ts';

/** The job's name on the shared queue. */
export const SCREENSHOT_JOB = 'evidence:screenshot';
/** Graphile runs a named queue's jobs one at a time across every process: one browser at a time in all. */
const QUEUE = 'evidence-screenshots';

/** Limits of one capture. */
export const SHOT = {
  /** Everything: start, load, render, screenshot (the browser is closed when it passes). */
  deadlineMs: 30_000,
  width: 1280,
  viewportHeight: 800,
  /** A full-page screenshot is cut at this height (px); longer pages say `truncated`. */
  maxHeight: 8_000,
  /** One response (bytes, after decompression). */
  maxResponseBytes: 5 * 1024 * 1024,
  /** All responses of the page together. */
  maxTotalBytes: 30 * 1024 * 1024,
  /** Requests answered per page; the rest are refused. */
  maxRequests: 300,
  /** After `load`, how long to wait for the network to go quiet (late images, fonts). */
  settleMs: 2_000,
};

/** The flags every capture browser starts with (see the file comment for why each network one is there). */
export const BROWSER_ARGS = [
  ...HEADLESS_CHROMIUM_ARGS,
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--mute-audio',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--proxy-server=http://no-network.invalid:9',
  '--proxy-bypass-list=<-loopback>',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--dns-prefetch-disable',
];

// Response headers not passed to the page: the body is handed over decoded and whole, and cookies are never kept.
const DROPPED_HEADERS = new Set([
  'content-encoding',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'set-cookie',
  'location',
]);

/** A capture that did not produce a screenshot, with its stable reason. */
export class ScreenshotError extends Error {
  readonly reason: ScreenshotFailureReason;
  constructor(reason: ScreenshotFailureReason, message: string) {
    super(message);
    this.name = 'ScreenshotError';
    this.reason = reason;
  }
}

/** A screenshot and how it was taken. */
export type Shot = {
  png: Buffer;
  browserVersion: string;
  /** The URL the page was opened at (after redirects the safe fetcher followed). */
  finalUrl: string;
  width: number;
  height: number;
  /** The page was longer than `SHOT.maxHeight`. */
  truncated: boolean;
  /** Requests answered, refused (rules, methods, schemes, caps) and WebSockets closed. */
  requests: { served: number; refused: number; blockedAddress: number; webSockets: number };
  durationMs: number;
};

// One browser at a time in this process (the named queue does the same across processes; this also covers direct
// calls): a browser is hundreds of MB and the machine's cores are shared with the database.
let tail: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const run = tail.then(fn, fn);
  tail = run.catch(() => {});
  return run;
}

// A Playwright step given what was left of the deadline (`timeout: left()`) throws its own TimeoutError, sometimes a
// moment before the deadline's abort fires: that is the deadline too.
const asShotError = (e: unknown): ScreenshotError =>
  e instanceof ScreenshotError
    ? e
    : e instanceof SafeFetchError
      ? new ScreenshotError(e.code, e.message)
      : e instanceof Error && e.name === 'TimeoutError'
        ? new ScreenshotError('timeout', e.message.split('\n')[0].slice(0, 300))
        : new ScreenshotError('render_failed', (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 300));

/** Checks that the configured executable exists and may be run: a wrong path is a clear reason, not a crash. */
async function checkExecutable(file: string) {
  try {
    await fs.promises.access(file, fs.constants.X_OK);
    if (!(await fs.promises.stat(file)).isFile()) throw new Error('not a file');
  } catch {
    throw new ScreenshotError('browser_missing', `The configured browser (${file}) does not exist or cannot be run.`);
  }
}

function headersOf(res: SafeFetchResult): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) {
    if (v === undefined || DROPPED_HEADERS.has(k)) continue;
    out[k] = Array.isArray(v) ? v.join(', ') : String(v);
  }
  return out;
}

/**
 * Opens `url` in a fresh headless Chromium whose every request goes through the safe fetcher, and returns a PNG of
 * the page (1280 px wide, full height up to `SHOT.maxHeight`). Throws ScreenshotError.
 */
export function takeScreenshot(opts: ShotOptions): Promise<Shot> {
  return oneAtATime(() => capture(opts));
}

/** What to capture, how, and (tests) a shorter deadline than `SHOT.deadlineMs`. */
export type ShotOptions = {
  executablePath: string;
  url: string;
  allowPrivate: string[];
  deadlineMs?: number;
  /** Where the throwaway profile is made (default: the system's temporary folder). */
  tmpDir?: string;
};

async function capture(opts: ShotOptions): Promise<Shot> {
  const started = Date.now();
  const limitMs = opts.deadlineMs ?? SHOT.deadlineMs;
  const deadline = started + limitMs;
  const left = () => Math.max(0, deadline - Date.now());
  await checkExecutable(opts.executablePath);
  const abort = new AbortController();
  const requests = { served: 0, refused: 0, blockedAddress: 0, webSockets: 0 };
  let totalBytes = 0;
  // The page itself first, outside the browser: an address the rules refuse is a reason, and the browser then opens
  // the final URL (so relative links resolve against it) and is handed these bytes.
  let first: SafeFetchResult;
  try {
    first = await safeFetch(opts.url, {
      allowPrivate: opts.allowPrivate,
      maxBytes: SHOT.maxResponseBytes,
      timeoutMs: Math.min(20_000, left()),
      accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
    });
  } catch (e) {
    throw asShotError(e);
  }
  totalBytes += first.body.length;
  // Keyed without the fragment, which the browser never sends.
  const keyOf = (u: string) => u.replace(/#.*$/s, '');
  const cache = new Map<string, SafeFetchResult>([[keyOf(first.finalUrl), first]]);

  const profile = await fs.promises.mkdtemp(path.join(opts.tmpDir ?? os.tmpdir(), 'firebreak-shot-'));
  let context: BrowserContext | null = null;
  // One close, awaited by everyone: the profile is removed only once the browser has exited and stopped writing.
  let closing: Promise<void> | null = null;
  const close = () => {
    if (!closing && context) closing = context.close().catch(() => {});
    return closing ?? Promise.resolve();
  };
  const timer = setTimeout(() => {
    abort.abort();
    // Closing the browser ends every pending step at once.
    void close();
  }, left());
  try {
    // The profile's own preference is the switch this Chromium honours for WebRTC (see the file comment).
    await fs.promises.mkdir(path.join(profile, 'Default'));
    await fs.promises.writeFile(
      path.join(profile, 'Default', 'Preferences'),
      JSON.stringify({
        webrtc: { ip_handling_policy: 'disable_non_proxied_udp', multiple_routes_enabled: false, nonproxied_udp_enabled: false },
      }),
    );
    const { chromium } = await import('playwright-core');
    try {
      context = await chromium.launchPersistentContext(profile, {
        executablePath: opts.executablePath,
        headless: true,
        args: BROWSER_ARGS,
        viewport: { width: SHOT.width, height: SHOT.viewportHeight },
        locale: 'zh-TW',
        serviceWorkers: 'block',
        acceptDownloads: false,
        timeout: Math.min(15_000, left()),
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
    } catch (e) {
      if (abort.signal.aborted) throw new ScreenshotError('timeout', `The browser did not start within ${limitMs / 1000} s.`);
      throw new ScreenshotError('browser_failed', `The browser did not start: ${(e as Error).message.split('\n')[0].slice(0, 300)}`);
    }
    const ctx = context;
    const browserVersion = ctx.browser()?.version() ?? 'unknown';
    await ctx.routeWebSocket(/.*/, (ws) => {
      requests.webSockets++;
      void ws.close({ code: 1008, reason: 'blocked' }).catch(() => {});
    });
    const refuse = (route: Route, reason: 'blockedbyclient' | 'addressunreachable' | 'failed' = 'blockedbyclient') => {
      requests.refused++;
      return route.abort(reason).catch(() => {});
    };
    await ctx.route('**/*', async (route) => {
      const req = route.request();
      const method = req.method();
      if (!/^https?:/i.test(req.url()) || (method !== 'GET' && method !== 'HEAD')) return refuse(route);
      if (requests.served + requests.refused >= SHOT.maxRequests || totalBytes >= SHOT.maxTotalBytes) return refuse(route);
      let res = cache.get(keyOf(req.url()));
      if (res) cache.delete(keyOf(req.url()));
      else {
        try {
          res = await safeFetch(req.url(), {
            allowPrivate: opts.allowPrivate,
            maxBytes: Math.min(SHOT.maxResponseBytes, SHOT.maxTotalBytes - totalBytes),
            timeoutMs: Math.max(1, Math.min(15_000, left())),
            accept: (req.headers().accept ?? '*/*').slice(0, 200),
            signal: abort.signal,
          });
        } catch (e) {
          if (e instanceof SafeFetchError && e.code === 'blocked_address') requests.blockedAddress++;
          return refuse(route, e instanceof SafeFetchError && e.code === 'blocked_address' ? 'addressunreachable' : 'failed');
        }
        totalBytes += res.body.length;
      }
      requests.served++;
      await route.fulfill({ status: res.status, headers: headersOf(res), body: method === 'HEAD' ? '' : res.body }).catch(() => {});
    });
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    // Popups and new windows are closed at once (their requests would be answered by the same rules anyway).
    ctx.on('page', (p) => {
      if (p !== page) void p.close().catch(() => {});
    });
    try {
      const answer = await page.goto(first.finalUrl, { waitUntil: 'domcontentloaded', timeout: Math.max(1, left()) });
      if (!answer) throw new ScreenshotError('render_failed', 'The page did not open.');
      await page.waitForLoadState('load', { timeout: Math.max(1, Math.min(10_000, left() - 3_000)) }).catch(() => {});
      await page.waitForLoadState('networkidle', { timeout: Math.max(1, Math.min(SHOT.settleMs, left() - 3_000)) }).catch(() => {});
      // The page's own script could lie about its height; the value is only clamped, never trusted further.
      const reported = Number(
        await page.evaluate(() => Math.max(document.documentElement?.scrollHeight ?? 0, document.body?.scrollHeight ?? 0)).catch(() => 0),
      );
      const full = Number.isFinite(reported) && reported > 0 ? Math.ceil(reported) : SHOT.viewportHeight;
      const height = Math.max(SHOT.viewportHeight, Math.min(full, SHOT.maxHeight));
      const png = await page.screenshot({
        type: 'png',
        fullPage: true,
        clip: { x: 0, y: 0, width: SHOT.width, height },
        animations: 'disabled',
        timeout: Math.max(1, left()),
      });
      return {
        png,
        browserVersion,
        finalUrl: first.finalUrl,
        width: SHOT.width,
        height,
        truncated: full > SHOT.maxHeight,
        requests,
        durationMs: Date.now() - started,
      };
    } catch (e) {
      if (abort.signal.aborted) throw new ScreenshotError('timeout', `The page was not captured within ${limitMs / 1000} s.`);
      throw asShotError(e);
    }
  } finally {
    clearTimeout(timer);
    await close();
    await fs.promises.rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Queueing (in the capture's transaction) and the job

/** The 400 for `screenshot: true` on a server without a browser. */
export const noBrowser = () =>
  new AppError('validation_failed', 'This server has no browser configured for automatic screenshots; upload one instead.', {
    errors: [{ path: 'screenshot', code: 'unavailable', message: 'no browser configured' }],
  });

/** Is an automatic screenshot on for this capture? The rules are in `evidenceInput.screenshot`'s comment. */
export function wantsScreenshot(deps: DocumentDeps, asked: boolean | undefined, captured: { method: string; sourceUrl: string | null }) {
  if (asked === false) return false;
  if (asked === true) {
    if (!deps.captureBrowser) throw noBrowser();
    if (!captured.sourceUrl)
      throw new AppError('validation_failed', 'There is no URL to take a screenshot of.', {
        errors: [{ path: 'screenshot', code: 'no_url', message: 'no URL' }],
      });
    return true;
  }
  return !!deps.captureBrowser && !!captured.sourceUrl && (captured.method === 'fetch' || captured.method === 'mention');
}

/** Queues the screenshot of a capture (one job per document) and records the request; inside the capture's transaction. */
export async function queueScreenshot(
  tx: Executor,
  clock: Clock,
  e: { orgId: string; documentId: string; url: string; crisisId: string | null; actor: Actor; requestId?: string; ip?: string },
) {
  await tx.execute(sql`SELECT graphile_worker.add_job(${SCREENSHOT_JOB}, json_build_object('documentId', ${e.documentId}::text),
    queue_name := ${QUEUE}, job_key := ${`${SCREENSHOT_JOB}:${e.documentId}`}, max_attempts := 3)`);
  await recordEvent(tx, clock, {
    orgId: e.orgId,
    type: 'evidence.screenshot_requested',
    actor: e.actor,
    subjectType: 'document',
    subjectId: e.documentId,
    crisisId: e.crisisId ?? undefined,
    data: { url: e.url },
    requestId: e.requestId,
    ip: e.ip,
  });
}

type Job = {
  orgId: string;
  documentId: string;
  crisisId: string | null;
  number: number;
  url: string | null;
  capturedBy: string | null;
  deleted: boolean;
  done: boolean;
};

async function loadJob(deps: DocumentDeps, documentId: string): Promise<Job | null> {
  const r = await deps.db.execute<Record<string, unknown>>(sql`
    SELECT c.org_id, c.document_id, c.source_url, c.captured_by, d.crisis_id, d.number, d.deleted_at IS NOT NULL AS deleted,
      EXISTS (SELECT 1 FROM events e WHERE e.subject_type = 'document' AND e.subject_id = c.document_id::text
              AND e.type IN ('evidence.screenshot_captured', 'evidence.screenshot_failed')) AS done
    FROM evidence_captures c JOIN documents d ON d.id = c.document_id WHERE c.document_id = ${documentId}`);
  const row = r.rows[0];
  if (!row) return null;
  return {
    orgId: row.org_id as string,
    documentId: row.document_id as string,
    crisisId: (row.crisis_id as string | null) ?? null,
    number: Number(row.number),
    url: (row.source_url as string | null) ?? null,
    capturedBy: (row.captured_by as string | null) ?? null,
    deleted: row.deleted === true,
    done: row.done === true,
  };
}

/** The person who captured, as a principal for attaching (their rights now, not at capture time). */
async function principalOf(deps: DocumentDeps, job: Job): Promise<Extract<Principal, { kind: 'user' }> | null> {
  if (!job.capturedBy) return null;
  const r = await deps.db.execute<{ id: string; org_id: string; role: string; name: string; status: string }>(
    sql`SELECT id, org_id, role, name, status FROM users WHERE id = ${job.capturedBy} AND org_id = ${job.orgId}`,
  );
  const u = r.rows[0];
  if (u?.status !== 'active') return null;
  return { kind: 'user', userId: u.id, orgId: u.org_id, role: u.role, label: u.name, sessionHash: '', csrfToken: '', secondFactor: 'ok' };
}

/** Requests carry this id, so a retried job finds an attachment it stored before it could record the outcome. */
const requestIdOf = (documentId: string) => `evidence-screenshot:${documentId}`;

async function recordOutcome(deps: DocumentDeps, job: Job, actor: Actor, type: 'captured' | 'failed', data: Record<string, unknown>) {
  await deps.db.transaction(async (tx) => {
    // Twice (a retried job) would be one outcome too many.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${requestIdOf(job.documentId)}::text))`);
    const again = await tx.execute(sql`SELECT 1 FROM events WHERE subject_type = 'document' AND subject_id = ${job.documentId}
      AND type IN ('evidence.screenshot_captured', 'evidence.screenshot_failed')`);
    if (again.rows.length) return;
    await recordEvent(tx, deps.clock, {
      orgId: job.orgId,
      type: `evidence.screenshot_${type}`,
      actor,
      subjectType: 'document',
      subjectId: job.documentId,
      crisisId: job.crisisId ?? undefined,
      data: { number: job.number, url: job.url, ...data },
      requestId: requestIdOf(job.documentId),
    });
  });
}

/** Takes, attaches and records the screenshot of one capture; every outcome is an event (never throws for the page). */
export async function runScreenshotJob(deps: DocumentDeps, documentId: string, log?: { info(m: string): void }) {
  const job = await loadJob(deps, documentId);
  if (!job || job.done) return;
  const system: Actor = { type: 'system', label: 'evidence screenshot' };
  const fail = (actor: Actor, reason: ScreenshotFailureReason, message: string) =>
    recordOutcome(deps, job, actor, 'failed', { reason, message: message.slice(0, 500) });
  if (!job.url) return fail(system, 'bad_url', 'The capture has no URL.');
  if (job.deleted) return fail(system, 'not_permitted', 'The document was deleted before its screenshot was taken.');
  if (!deps.captureBrowser) return fail(system, 'browser_missing', 'No browser is configured (FIREBREAK_CAPTURE_BROWSER).');
  const p = await principalOf(deps, job);
  if (!p) return fail(system, 'not_permitted', 'The person who captured this is no longer active.');
  const actor: Actor = { type: 'user', id: p.userId, label: p.label };

  // A previous attempt that stored the file but died before recording the outcome: record it now, attach nothing.
  const earlier = await deps.db.execute<{ data: Record<string, unknown> }>(sql`
    SELECT data FROM events WHERE subject_type = 'document' AND subject_id = ${documentId} AND type = 'document.attachment_added'
      AND request_id = ${requestIdOf(documentId)} ORDER BY id LIMIT 1`);
  if (earlier.rows[0]) {
    const d = earlier.rows[0].data;
    return recordOutcome(deps, job, actor, 'captured', {
      attachmentId: d.attachmentId,
      fileId: d.fileId,
      sha256: d.sha256,
      size: d.size,
      recovered: true,
    });
  }

  let shot: Shot;
  try {
    shot = await takeScreenshot({ executablePath: deps.captureBrowser, url: job.url, allowPrivate: deps.allowPrivateFetch });
  } catch (e) {
    const err = asShotError(e);
    return fail(actor, err.reason, err.message);
  }
  const at = deps.clock.now();
  let attached: Awaited<ReturnType<typeof uploadAttachment>>;
  try {
    attached = await uploadAttachment(
      deps,
      p,
      actor,
      documentId,
      {
        source: Readable.from([shot.png]),
        declaredLength: shot.png.length,
        name: `screenshot-${at.toISOString().slice(0, 19).replace(/:/g, '')}Z.png`,
      },
      { requestId: requestIdOf(documentId) },
    );
  } catch (e) {
    const code = e instanceof AppError ? e.code : '';
    const reason: ScreenshotFailureReason = code === 'forbidden' || code === 'not_found' ? 'not_permitted' : 'store_failed';
    return fail(actor, reason, e instanceof Error ? e.message : String(e));
  }
  await recordOutcome(deps, job, actor, 'captured', {
    attachmentId: attached.attachment.id,
    fileId: attached.attachment.fileId,
    sha256: attached.attachment.sha256,
    size: attached.attachment.size,
    // The same hash computed here from the bytes the browser gave: the stored file is what was captured.
    pngSha256: createHash('sha256').update(shot.png).digest('hex'),
    finalUrl: shot.finalUrl,
    browser: `Chromium ${shot.browserVersion}`,
    width: shot.width,
    height: shot.height,
    truncated: shot.truncated,
    requests: shot.requests,
    durationMs: shot.durationMs,
    takenAt: at.toISOString(),
  });
  log?.info(`evidence screenshot of D-${job.number}: ${shot.png.length} bytes in ${shot.durationMs} ms`);
}

/** The screenshot job for the shared queue (registered with the documents feature's jobs). */
export function screenshotTask(deps: DocumentDeps): Task {
  return async (payload, helpers) => {
    const { documentId } = payload as { documentId: string };
    await runScreenshotJob(deps, documentId, helpers.logger);
  };
}
