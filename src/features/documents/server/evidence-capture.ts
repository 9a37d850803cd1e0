// Capturing evidence (證據保全): a stored mention, a URL fetched now through the safe fetcher, or text as a person
// saw it (the URL then only a claim). The captured text is stored with its SHA-256, the capture time from the
// clock (UTC) and who captured it, in an `evidence` / `social_post_capture` document created by
// `insertDocument`; `evidence.captured` (with the text hash) starts the document's chain of custody.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError, type FieldError, notFound } from '../../../platform/errors.ts';
import { recordEvent } from '../../../platform/events.ts';
import { actorOf, type Principal } from '../../../platform/http.ts';
import { SafeFetchError, safeFetch } from '../../../platform/safe-fetch.ts';
import { loadCrisis } from '../../crises/server/access.ts';
import { type evidenceInput, MAX_BODY } from '../contract.ts';
import type { DocumentDeps } from './deps.ts';
import { noBrowser, queueScreenshot, wantsScreenshot } from './evidence-screenshot.ts';
import { decodeBody, htmlTitle, htmlToText } from './evidence-text.ts';
import { insertDocument } from './store.ts';

/** Request details kept in the audit log. */
export type Meta = { requestId?: string; ip?: string };
type Input = z.output<typeof evidenceInput>;
type Captured = { text: string; sourceUrl: string | null; mentionId: number | null; metadata: Record<string, unknown> };

/** The largest page fetched for a capture (bytes, after decompression). */
export const MAX_FETCH_BYTES = 5 * 1024 * 1024;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** Response headers worth keeping with a fetched capture. */
const KEPT_HEADERS = ['date', 'last-modified', 'etag', 'server', 'content-language', 'content-length'];

/** SHA-256 (hex) of a text as UTF-8: what the capture, the bundle and `evidence verify` compare. */
export const sha256Text = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const invalid = (path: string, code: string, message: string): AppError =>
  new AppError('validation_failed', message, { errors: [{ path, code, message } satisfies FieldError] });

/** The one source a request may name: a mention, a fetch of its URL, or the text as given. */
function checkSource(input: Input) {
  if (input.mentionId !== undefined) {
    if (input.fetch || input.text !== undefined || input.sourceUrl !== undefined)
      throw invalid(
        'mentionId',
        'exclusive',
        'A mention capture takes its text and URL from the mention; give neither text, URL nor fetch.',
      );
    return;
  }
  if (input.fetch) {
    if (!input.sourceUrl) throw invalid('sourceUrl', 'required', 'Give the URL to fetch.');
    if (input.text !== undefined) throw invalid('text', 'exclusive', 'A fetched capture stores the fetched text; do not give text too.');
    return;
  }
  if (input.text === undefined || input.text.trim() === '')
    throw invalid('text', 'required', 'Give the text as seen, a mention, or a URL to fetch.');
}

async function fromMention(deps: DocumentDeps, p: Principal, id: number): Promise<Captured> {
  const r = await deps.db.execute<Record<string, unknown>>(sql`
    SELECT m.id, m.url, m.author, m.author_followers, m.title, m.text, m.lang, m.published_at, m.collected_at,
           m.likes, m.shares, m.comments, m.views, m.reach, m.sentiment, s.id AS source_id, s.name AS source_name,
           s.kind AS source_kind
    FROM mentions m JOIN sources s ON s.id = m.source_id
    WHERE m.id = ${id} AND m.org_id = ${p.orgId}`);
  const m = r.rows[0];
  if (!m) throw notFound('No such mention.');
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const iso = (v: unknown) => new Date(v as string).toISOString();
  return {
    text: m.text as string,
    sourceUrl: (m.url as string | null) ?? null,
    mentionId: Number(m.id),
    metadata: {
      method: 'mention',
      mention: {
        id: Number(m.id),
        url: m.url ?? null,
        author: m.author ?? null,
        authorFollowers: num(m.author_followers),
        title: m.title ?? null,
        lang: m.lang,
        source: { id: m.source_id, name: m.source_name, kind: m.source_kind },
        publishedAt: iso(m.published_at),
        collectedAt: iso(m.collected_at),
        metrics: { likes: num(m.likes), shares: num(m.shares), comments: num(m.comments), views: num(m.views), reach: num(m.reach) },
        sentiment: num(m.sentiment),
      },
    },
  };
}

async function fromFetch(deps: DocumentDeps, url: string): Promise<Captured> {
  const fetchedAt = deps.clock.now().toISOString();
  let res: Awaited<ReturnType<typeof safeFetch>>;
  try {
    res = await safeFetch(url, {
      allowPrivate: deps.allowPrivateFetch,
      maxBytes: MAX_FETCH_BYTES,
      timeoutMs: 20_000,
      accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5',
    });
  } catch (e) {
    if (e instanceof SafeFetchError) throw invalid('sourceUrl', e.code, `The page could not be fetched: ${e.message}`);
    throw e;
  }
  const contentType = String(res.headers['content-type'] ?? '').slice(0, 200);
  const mime = contentType.split(';')[0].trim().toLowerCase();
  const isHtml = mime === 'text/html' || mime === 'application/xhtml+xml';
  const isText = isHtml || mime.startsWith('text/') || mime === 'application/json' || mime.endsWith('+xml') || mime.endsWith('/xml');
  if (!isText)
    throw new AppError(
      'unprocessable_file',
      `The URL answered with ${mime || 'an unknown type'}, not a page of text; save the file and attach it to a capture instead.`,
    );
  const { text: raw, charset } = decodeBody(res.body, contentType);
  const headers = Object.fromEntries(KEPT_HEADERS.flatMap((h) => (res.headers[h] ? [[h, String(res.headers[h]).slice(0, 300)]] : [])));
  return {
    // Control characters (NUL above all, which PostgreSQL text cannot hold) are dropped; bodySha256 keeps the bytes.
    text: isHtml || mime.endsWith('xml') ? htmlToText(raw) : raw.replace(/\r\n?/g, '\n').replace(CONTROL, ''),
    sourceUrl: url,
    mentionId: null,
    metadata: {
      method: 'fetch',
      fetch: {
        status: res.status,
        finalUrl: res.finalUrl,
        contentType,
        charset,
        fetchedAt,
        bytes: res.body.length,
        /** What was received, before the markup was removed. */
        bodySha256: createHash('sha256').update(res.body).digest('hex'),
        pageTitle: isHtml ? htmlTitle(raw) : null,
        headers,
      },
    },
  };
}

/** Captures evidence; returns the new document's id. */
export async function captureEvidence(deps: DocumentDeps, p: Principal, input: Input, meta: Meta): Promise<{ id: string }> {
  if (p.kind !== 'user') throw new AppError('forbidden', 'Only people capture evidence.');
  checkSource(input);
  // Refused before any fetch: asked for a screenshot this server cannot take (no browser configured).
  if (input.screenshot === true && !deps.captureBrowser) throw noBrowser();
  if (input.crisisId) await loadCrisis(deps.db, p, input.crisisId, 'work');
  // Network first, outside any transaction: a slow site never holds a database connection or a lock.
  const captured =
    input.mentionId !== undefined
      ? await fromMention(deps, p, input.mentionId)
      : input.fetch && input.sourceUrl
        ? await fromFetch(deps, input.sourceUrl)
        : {
            text: (input.text ?? '').replace(/\r\n?/g, '\n'),
            sourceUrl: input.sourceUrl ?? null,
            mentionId: null,
            metadata: { method: 'manual', sourceUrlIsClaim: input.sourceUrl !== undefined },
          };
  const textSha256 = sha256Text(captured.text);
  const screenshot = wantsScreenshot(deps, input.screenshot, { method: String(captured.metadata.method), sourceUrl: captured.sourceUrl });
  return deps.db.transaction(async (tx) => {
    if (input.crisisId) await loadCrisis(tx, p, input.crisisId, 'work');
    const now = deps.clock.now();
    const actor = actorOf(p);
    const doc = await insertDocument(
      tx,
      deps.clock,
      {
        orgId: p.orgId,
        kind: input.kind,
        classification: input.classification,
        title: input.title,
        // The document's text is what search and the hub show; the capture keeps the whole text unchanged.
        body: captured.text.slice(0, MAX_BODY),
        ownerId: p.userId,
        crisisId: input.crisisId,
        tags: input.tags,
        createdBy: p.userId,
      },
      { actor, requestId: meta.requestId, ip: meta.ip },
    );
    await tx.execute(sql`
      INSERT INTO evidence_captures (document_id, org_id, source_url, mention_id, captured_text, text_sha256, metadata,
                                     captured_at, captured_by)
      VALUES (${doc.id}, ${p.orgId}, ${captured.sourceUrl}, ${captured.mentionId}, ${captured.text}, ${textSha256},
              ${JSON.stringify(captured.metadata)}::jsonb, ${now.toISOString()}, ${p.userId})`);
    await recordEvent(tx, deps.clock, {
      orgId: p.orgId,
      type: 'evidence.captured',
      actor,
      subjectType: 'document',
      subjectId: doc.id,
      crisisId: input.crisisId ?? undefined,
      data: {
        number: doc.number,
        method: captured.metadata.method,
        textSha256,
        sourceUrl: captured.sourceUrl,
        mentionId: captured.mentionId,
      },
      requestId: meta.requestId,
      ip: meta.ip,
    });
    // Queued with the capture: once the capture is acknowledged, its screenshot request cannot be lost.
    if (screenshot && captured.sourceUrl)
      await queueScreenshot(tx, deps.clock, {
        orgId: p.orgId,
        documentId: doc.id,
        url: captured.sourceUrl,
        crisisId: input.crisisId,
        actor,
        requestId: meta.requestId,
        ip: meta.ip,
      });
    return { id: doc.id };
  });
}
