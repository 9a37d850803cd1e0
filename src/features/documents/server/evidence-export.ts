// Exporting an evidence bundle (證據包) for counsel: the chosen evidence documents the principal may open, each
// with its captured text, its files (from the store) and its chain of custody. `evidence.exported` is written
// for every document in the transaction that then reads the custody, so the bundle's custody ends with its own
// export, and the events carry the bundle id and the hashes the bundle vouches for. The ZIP itself is streamed
// after commit (bundle-write.ts): an interrupted download is still on record as exported. Files in a bucket are
// copied under the store's tmp directory after commit (never while the transaction holds the event lock) and
// deleted once the bundle has been written or broken off.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { AppError, notFound } from '../../../platform/errors.ts';
import { recordEvent } from '../../../platform/events.ts';
import { localCopy, type StoredRef } from '../../../platform/files.ts';
import { actorOf, type Principal } from '../../../platform/http.ts';
import { loadCrisis } from '../../crises/server/access.ts';
import { guestGate } from '../../people/server/guest-gate.ts';
import { type EvidenceExportInput, MAX_EXPORT_DOCUMENTS } from '../contract.ts';
import { documentVisibleSql } from './access.ts';
import { renderManifestHtml } from './bundle-html.ts';
import { BUNDLE_FORMAT, type BundleFile, type BundleItem, type BundleManifest, MANIFEST_HTML, MANIFEST_JSON } from './bundle-manifest.ts';
import type { ZipEntry } from './bundle-write.ts';
import type { DocumentDeps } from './deps.ts';
import type { Meta } from './evidence-capture.ts';
import { sha256Text } from './evidence-capture.ts';
import { readCustody } from './evidence-custody.ts';

const EVIDENCE_KINDS = ['evidence', 'social_post_capture'];
const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};
/** Types already compressed: stored as they are. */
const STORED = new Set(Object.keys(EXTENSIONS));

/** A prepared bundle: its manifest, the ZIP entries in order, and the download's file name. */
export type PreparedBundle = { manifest: BundleManifest; entries: ZipEntry[]; fileName: string };

type DocRow = { id: string; number: number; kind: string; classification: string; title: string; crisis_id: string | null };

async function chooseDocuments(deps: DocumentDeps, p: Principal, input: EvidenceExportInput): Promise<DocRow[]> {
  const now = deps.clock.now();
  if ('crisisId' in input) {
    await loadCrisis(deps.db, p, input.crisisId, 'read');
    const r = await deps.db.execute<DocRow>(sql`
      SELECT d.id, d.number, d.kind, d.classification, d.title, d.crisis_id FROM documents d
      WHERE d.crisis_id = ${input.crisisId} AND d.kind IN ('evidence', 'social_post_capture') AND ${documentVisibleSql(p, now, 'd')}
      ORDER BY d.number LIMIT ${MAX_EXPORT_DOCUMENTS + 1}`);
    if (r.rows.length === 0) throw new AppError('bad_request', 'This crisis has no evidence you may export.');
    if (r.rows.length > MAX_EXPORT_DOCUMENTS)
      throw new AppError(
        'bad_request',
        `This crisis has more than ${MAX_EXPORT_DOCUMENTS} evidence documents; export them in parts by id.`,
      );
    return r.rows;
  }
  const ids = [...new Set(input.documentIds.map((id) => id.toLowerCase()))];
  const r = await deps.db.execute<DocRow>(sql`
    SELECT d.id, d.number, d.kind, d.classification, d.title, d.crisis_id FROM documents d
    WHERE d.id = ANY(${`{${ids.join(',')}}`}::uuid[]) AND ${documentVisibleSql(p, now, 'd')} ORDER BY d.number`);
  const found = new Set(r.rows.map((d) => d.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw notFound(`No such document: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ' …' : ''}.`);
  const wrong = r.rows.filter((d) => !EVIDENCE_KINDS.includes(d.kind));
  if (wrong.length) {
    const errors = wrong.map((d) => ({
      path: `documentIds.${input.documentIds.findIndex((x) => x.toLowerCase() === d.id)}`,
      code: 'not_evidence',
      message: `D-${d.number} is not evidence (kind ${d.kind}).`,
    }));
    throw new AppError('validation_failed', 'Only evidence documents can be exported in a bundle.', { errors });
  }
  return r.rows;
}

/** Chooses the documents, records the export on each one's custody, and returns what to stream. */
export async function prepareEvidenceExport(
  deps: DocumentDeps,
  p: Principal,
  input: EvidenceExportInput,
  meta: Meta,
): Promise<PreparedBundle> {
  await guestGate(deps.db, p);
  const docs = await chooseDocuments(deps, p, input);
  const bundleId = randomUUID();
  const actor = actorOf(p);
  const store = deps.files;
  // The stored files each file entry needs, read once the transaction has committed.
  const pending: { entry: ZipEntry & { file: string }; ref: StoredRef }[] = [];
  const bundle = await deps.db.transaction(async (tx): Promise<PreparedBundle> => {
    const now = deps.clock.now();
    const org = await tx.execute<{ name: string }>(sql`SELECT name FROM organisations WHERE id = ${p.orgId}`);
    const items: BundleItem[] = [];
    const entries: ZipEntry[] = [];
    for (const d of docs) {
      const c = await tx.execute<Record<string, unknown>>(sql`
        SELECT e.source_url, e.mention_id, e.captured_text, e.text_sha256, e.metadata, e.captured_at, e.captured_by,
               cu.name AS captured_by_name, doc.body, doc.created_at, doc.created_by, du.name AS created_by_name
        FROM documents doc LEFT JOIN evidence_captures e ON e.document_id = doc.id
        LEFT JOIN users cu ON cu.id = e.captured_by LEFT JOIN users du ON du.id = doc.created_by
        WHERE doc.id = ${d.id}`);
      const cap = c.rows[0];
      // An evidence-kind document written in the hub rather than captured: its text is its body.
      const text = (cap.captured_text as string | null) ?? (cap.body as string);
      const textSha256 = (cap.text_sha256 as string | null) ?? sha256Text(text);
      const att = await tx.execute<Record<string, unknown>>(sql`
        SELECT f.storage_key, f.sha256, f.size, f.content_type, f.display_name FROM document_attachments a
        JOIN files f ON f.id = a.file_id AND f.org_id = ${p.orgId}
        WHERE a.document_id = ${d.id} AND a.removed_in_version IS NULL ORDER BY a.created_at, a.id`);
      const files: BundleFile[] = [];
      const written = new Set<string>();
      for (const a of att.rows) {
        const sha = a.sha256 as string;
        const type = a.content_type as string;
        const name = `files/D-${d.number}-${sha.slice(0, 16)}.${EXTENSIONS[type] ?? 'bin'}`;
        files.push({
          path: name,
          sha256: sha,
          size: Number(a.size),
          contentType: type,
          originalName: (a.display_name as string | null) ?? null,
        });
        if (written.has(name)) continue; // the same bytes attached twice: one copy in the bundle
        written.add(name);
        const entry = { path: name, compress: !STORED.has(type), file: '', sha256: sha };
        pending.push({ entry, ref: { storageKey: a.storage_key as string, sha256: sha, size: Number(a.size) } });
        entries.push(entry);
      }
      await recordEvent(tx, deps.clock, {
        orgId: p.orgId,
        type: 'evidence.exported',
        actor,
        subjectType: 'document',
        subjectId: d.id,
        crisisId: d.crisis_id ?? undefined,
        data: { bundleId, number: d.number, textSha256, files: files.map((f) => f.sha256) },
        // Custody only: the organisation's room does not need to hear of every export.
        orgRoom: false,
        requestId: meta.requestId,
        ip: meta.ip,
      });
      const textPath = `captures/D-${d.number}.txt`;
      const bytes = Buffer.from(text, 'utf8');
      entries.push({ path: textPath, compress: true, bytes });
      items.push({
        documentId: d.id,
        number: Number(d.number),
        title: d.title,
        kind: d.kind,
        classification: d.classification,
        crisisId: d.crisis_id,
        sourceUrl: (cap.source_url as string | null) ?? null,
        mentionId: cap.mention_id === null || cap.mention_id === undefined ? null : Number(cap.mention_id),
        capturedAt: new Date((cap.captured_at ?? cap.created_at) as string).toISOString(),
        capturedBy: {
          id: ((cap.captured_by ?? cap.created_by) as string | null) ?? null,
          name: ((cap.captured_by_name ?? cap.created_by_name) as string | null) ?? null,
        },
        text: { path: textPath, sha256: textSha256, size: bytes.length },
        metadata: (cap.metadata as Record<string, unknown> | null) ?? { method: 'document' },
        files,
        custody: await readCustody(tx, p.orgId, d.id),
      });
    }
    const manifest: BundleManifest = {
      format: BUNDLE_FORMAT,
      bundleId,
      createdAt: now.toISOString(),
      createdBy: { id: p.kind === 'user' ? p.userId : null, name: actor.label },
      organisation: { id: p.orgId, name: org.rows[0]?.name ?? '' },
      hashAlgorithm: 'sha256',
      items,
    };
    entries.push({ path: MANIFEST_JSON, compress: true, bytes: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') });
    entries.push({ path: MANIFEST_HTML, compress: true, bytes: Buffer.from(renderManifestHtml(manifest), 'utf8') });
    const day = now.toISOString().slice(0, 10).replaceAll('-', '');
    return { manifest, entries, fileName: `evidence-${day}-${bundleId.slice(0, 8)}.zip` };
  });
  const copies: { remove: () => Promise<void> }[] = [];
  const removeAll = () => Promise.all(copies.map((c) => c.remove().catch(() => {})));
  try {
    for (const { entry, ref } of pending) {
      const copy = await localCopy(store, ref);
      copies.push(copy);
      entry.file = copy.path;
    }
  } catch (e) {
    await removeAll();
    throw e;
  }
  if (store.s3) bundle.entries = removingAfter(bundle.entries, removeAll);
  return bundle;
}

/**
 * The same entries, whose iteration ends (the ZIP written, or writing given up: `for … of` closes the iterator
 * on a throw) by deleting the local copies of bucket objects.
 */
function removingAfter(entries: ZipEntry[], removeAll: () => Promise<unknown>): ZipEntry[] {
  const list = [...entries];
  Object.defineProperty(list, Symbol.iterator, {
    value: function* () {
      try {
        yield* entries;
      } finally {
        void removeAll();
      }
    },
  });
  return list;
}
