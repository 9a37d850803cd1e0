// The file store: uploaded bytes on disk under server-chosen keys, a `files` row per upload. The type is
// sniffed from the magic bytes (the client's Content-Type and file name are never trusted), the size is capped
// while streaming (the partial file is deleted), the SHA-256 is computed on the way, and the bytes are fsynced
// before the row exists. Serving sets the sniffed type and headers that stop a browser from running anything.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { Clock } from './clock.ts';
import type { Executor } from './db.ts';
import { AppError } from './errors.ts';

/** Image types the store recognises (safe to show inline). */
export const imageTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
/** Every type the store recognises. */
export const knownTypes = [...imageTypes, 'application/pdf'] as const;
/** A recognised type. */
export type KnownType = (typeof knownTypes)[number];

/** The default cap for one upload (screenshots). */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** Bytes needed to tell the types apart (WebP: RIFF....WEBP). */
const SNIFF_BYTES = 12;
const extension: Record<KnownType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

/** A `files` row as the features use it. */
export type StoredFile = {
  id: string;
  orgId: string;
  storageKey: string;
  sha256: string;
  contentType: string;
  size: number;
  displayName: string | null;
  uploadedBy: string | null;
  createdAt: string;
};

/** Where the store keeps its bytes. */
export type FileStore = { root: string };

/** A store rooted at `root` (normally `<data dir>/files`). */
export function createFileStore(root: string): FileStore {
  return { root: path.resolve(root) };
}

const startsWith = (b: Buffer, bytes: number[], at = 0) => bytes.every((x, i) => b[at + i] === x);

/** The type the bytes are, from their first bytes; null when not one the store knows. */
export function sniffType(head: Buffer): KnownType | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (head.subarray(0, 6).toString('latin1') === 'GIF87a' || head.subarray(0, 6).toString('latin1') === 'GIF89a') return 'image/gif';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

/** A plain-words guess at what unrecognised bytes are, for the 415 message. */
function looksLike(head: Buffer): string {
  const s = head
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (s.startsWith('<svg') || (s.startsWith('<?xml') && s.includes('svg'))) return 'SVG';
  if (s.startsWith('<')) return 'HTML or XML';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'a ZIP archive';
  if (s.startsWith('#!') || s.startsWith('function') || s.startsWith('var ') || s.startsWith('(')) return 'a script';
  return 'an unrecognised format';
}

/** A file name fit for display only: no path, no control characters, at most 200 characters. */
export function cleanDisplayName(name: string | undefined | null): string | null {
  if (!name) return null;
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/\p{Cc}|\p{Cf}/gu, '')
    .trim()
    .slice(0, 200);
  return cleaned || null;
}

/** What one upload needs. */
export type SaveInput = {
  orgId: string;
  uploadedBy: string | null;
  displayName?: string | null;
  /** The request body (or any byte stream). */
  source: Readable;
  /** The declared length, if any: refused before reading when already over the cap. */
  declaredLength?: number;
  maxBytes?: number;
  /** Types accepted here (default: images only). */
  accept?: readonly KnownType[];
};

const names: Record<KnownType, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'application/pdf': 'PDF',
};

function tooLarge(max: number) {
  return new AppError('payload_too_large', `The file is larger than ${Math.floor(max / 1024 / 1024)} MiB.`);
}

async function fsyncDir(dir: string) {
  const fh = await fsp.open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Streams `source` to a temporary file while counting, hashing and sniffing; refuses (and deletes) it when
 * over the cap (413) or not an accepted type (415). The rest of a refused body is read and dropped (up to four
 * times the cap) so the client receives the answer instead of a reset connection.
 */
async function receive(store: FileStore, source: Readable, max: number, accept: readonly KnownType[]) {
  const tmpDir = path.join(store.root, 'tmp');
  await fsp.mkdir(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, randomUUID());
  const out = fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  let type: KnownType | null | undefined;
  const decide = () => {
    type = sniffType(head);
    if (!type || !accept.includes(type))
      throw new AppError(
        'unsupported_media_type',
        `This file is not ${accept.map((a) => names[a]).join(', ')} (its content looks like ${type ? names[type] : looksLike(head)}), whatever its name or declared type says.`,
      );
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      let dropped = 0;
      const fail = (e: unknown) => {
        failed = true;
        reject(e);
      };
      source.on('data', (chunk: Buffer) => {
        if (failed) {
          dropped += chunk.length;
          if (dropped > 4 * max) source.destroy();
          return;
        }
        try {
          size += chunk.length;
          if (size > max) throw tooLarge(max);
          if (type === undefined) {
            head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES)]).subarray(0, 64);
            if (head.length >= SNIFF_BYTES) decide();
          }
        } catch (e) {
          return fail(e);
        }
        hash.update(chunk);
        if (!out.write(chunk)) {
          source.pause();
          out.once('drain', () => source.resume());
        }
      });
      let ended = false;
      // A client that goes away mid-upload: no end, only close (or an error).
      source.once('close', () => {
        if (!ended && !failed) fail(new AppError('bad_request', 'The upload was interrupted.'));
      });
      source.once('end', () => {
        ended = true;
        if (failed) return;
        try {
          if (size === 0) throw new AppError('bad_request', 'The file is empty.');
          if (type === undefined) decide();
        } catch (e) {
          return fail(e);
        }
        resolve();
      });
      source.once('error', (e) => fail(e));
      out.once('error', (e) => fail(e));
    });
    await new Promise<void>((resolve, reject) => {
      out.once('close', resolve);
      out.once('error', reject);
      out.end();
    });
    // The bytes reach the disk before anything refers to them (the stream's own close does not fsync first).
    const fh = await fsp.open(tmp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch (e) {
    out.destroy();
    await fsp.rm(tmp, { force: true });
    throw e;
  }
  return { tmp, size, sha256: hash.digest('hex'), type: type as KnownType };
}

/**
 * Stores one upload and records its `files` row: the bytes go under `sha256/<aa>/<hash>` (identical bytes
 * share one copy), fsynced with their directory before the row is written, so an answered upload survives a crash.
 */
export async function saveUpload(db: Executor, clock: Clock, store: FileStore, input: SaveInput): Promise<StoredFile> {
  const max = input.maxBytes ?? DEFAULT_MAX_BYTES;
  if (input.declaredLength !== undefined && input.declaredLength > max) {
    input.source.resume();
    throw tooLarge(max);
  }
  const got = await receive(store, input.source, max, input.accept ?? imageTypes);
  const storageKey = `sha256/${got.sha256.slice(0, 2)}/${got.sha256}`;
  const final = path.join(store.root, storageKey);
  try {
    await fsp.mkdir(path.dirname(final), { recursive: true });
    await fsp.rename(got.tmp, final);
    await fsyncDir(path.dirname(final));
  } catch (e) {
    await fsp.rm(got.tmp, { force: true });
    throw e;
  }
  const r = await db.execute<{ id: string; created_at: string | Date }>(sql`
    INSERT INTO files (org_id, storage_key, sha256, content_type, size, display_name, uploaded_by, created_at)
    VALUES (${input.orgId}, ${storageKey}, ${got.sha256}, ${got.type}, ${got.size}, ${cleanDisplayName(input.displayName)},
      ${input.uploadedBy}, ${clock.now().toISOString()})
    RETURNING id, created_at`);
  return {
    id: r.rows[0].id,
    orgId: input.orgId,
    storageKey,
    sha256: got.sha256,
    contentType: got.type,
    size: got.size,
    displayName: cleanDisplayName(input.displayName),
    uploadedBy: input.uploadedBy,
    createdAt: new Date(r.rows[0].created_at).toISOString(),
  };
}

/** One file of an organisation, or null. */
export async function findFile(db: Executor, orgId: string, id: string): Promise<StoredFile | null> {
  const r = await db.execute<Record<string, unknown>>(sql`
    SELECT id, org_id, storage_key, sha256, content_type, size, display_name, uploaded_by, created_at
    FROM files WHERE id = ${id} AND org_id = ${orgId}`);
  const f = r.rows[0];
  if (!f) return null;
  return {
    id: f.id as string,
    orgId: f.org_id as string,
    storageKey: f.storage_key as string,
    sha256: f.sha256 as string,
    contentType: f.content_type as string,
    size: Number(f.size),
    displayName: (f.display_name as string | null) ?? null,
    uploadedBy: (f.uploaded_by as string | null) ?? null,
    createdAt: new Date(f.created_at as string).toISOString(),
  };
}

/**
 * Sends a stored file: the sniffed type, inline only for images (anything else downloads), a server-made
 * name, no sniffing, no scripts or sub-resources, private caching.
 */
export function sendFile(reply: FastifyReply, store: FileStore, file: StoredFile, namePrefix = 'file') {
  const full = path.join(store.root, file.storageKey);
  if (!full.startsWith(store.root + path.sep)) throw new AppError('not_found', 'No such file.');
  const known = (knownTypes as readonly string[]).includes(file.contentType) ? (file.contentType as KnownType) : null;
  const inline = known !== null && (imageTypes as readonly string[]).includes(known);
  const name = `${namePrefix}-${file.id.slice(0, 8)}.${known ? extension[known] : 'bin'}`;
  reply
    .header('content-type', known ?? 'application/octet-stream')
    .header('content-length', String(file.size))
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${name}"`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, max-age=3600')
    .header('etag', `"${file.sha256}"`);
  return reply.send(fs.createReadStream(full));
}
