// The file store: uploaded bytes on disk (or, with FIREBREAK_S3_BUCKET, in an S3-compatible bucket) under
// server-chosen keys, a `files` row per upload. The type is sniffed from the magic bytes (the client's
// Content-Type and file name are never trusted), the size is capped while streaming (the partial file is deleted),
// the SHA-256 is computed on the way, and the bytes are fsynced (or stored in the bucket) before the row exists.
// Serving sets the sniffed type and headers that stop a browser from running anything.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { Inflate } from 'fflate';
import type { Clock } from './clock.ts';
import type { Executor } from './db.ts';
import { AppError } from './errors.ts';
import { createS3Store, type S3Settings, type S3Store } from './s3-store.ts';

/** Image types the store recognises (safe to show inline). */
export const imageTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
/** A Word document (OOXML): a ZIP with `[Content_Types].xml` and `word/document.xml`. */
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Plain UTF-8 text (no control bytes but tab, CR and LF). */
export const TEXT = 'text/plain';
/** Every type the store recognises. */
export const knownTypes = [...imageTypes, 'application/pdf', DOCX, TEXT] as const;
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
  [DOCX]: 'docx',
  [TEXT]: 'txt',
};

/** The file name extension of a recognised type (`bin` otherwise). */
export function extensionOf(type: string): string {
  return (knownTypes as readonly string[]).includes(type) ? extension[type as KnownType] : 'bin';
}

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

/**
 * Where the store keeps its bytes: under `root` on disk, or in the bucket when `s3` is set (temp files of
 * uploads and local copies still go under `<root>/tmp`).
 */
export type FileStore = { root: string; s3: S3Store | null };

/** A store rooted at `root` (normally `<data dir>/files`), keeping the bytes in the bucket given `s3Settings`. */
export function createFileStore(root: string, s3Settings?: S3Settings | null): FileStore {
  return { root: path.resolve(root), s3: s3Settings ? createS3Store(s3Settings) : null };
}

const shared = new Map<string, { settings: string; store: FileStore }>();

/**
 * The file store of a configuration (`<dataDir>/files`, or the bucket it names), shared so that the bucket's
 * client and its connections are made once per process: the server passes it to the features that keep files,
 * and start-up checks and closes the same one.
 */
export function fileStoreFor(config: { dataDir: string; s3: S3Settings | null }): FileStore {
  const root = path.resolve(config.dataDir, 'files');
  const s3 = config.s3;
  const settings = JSON.stringify(s3);
  const known = shared.get(root);
  if (known && known.settings === settings) return known.store;
  // (A changed configuration only happens in tests; the old client is dropped, not closed under a running call.)
  const store = createFileStore(root, s3);
  shared.set(root, { settings, store });
  return store;
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
  [DOCX]: 'DOCX',
  [TEXT]: 'plain text',
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

/** Limits for reading a ZIP (DOCX): what inflating may produce, checked while inflating. */
export type ZipLimits = { maxTotal: number; maxRatio: number; maxEntries: number };
/** DOCX limits: 50 MiB inflated in all, no entry above 100× its compressed size (past 1 MiB), 5,000 entries. */
export const DOCX_LIMITS: ZipLimits = { maxTotal: 50 * 1024 * 1024, maxRatio: 100, maxEntries: 5000 };
/** Below this an entry's ratio is not judged (a few KB of spaces legitimately compress 1,000×). */
const RATIO_FLOOR = 1024 * 1024;

const unprocessable = (why: string) => new AppError('unprocessable_file', `This Word file cannot be accepted: ${why}.`);

/**
 * Reads a ZIP file's central directory and inflates every entry with a running byte count, refusing
 * (`unprocessable_file`) archives whose declared or actual sizes pass the limits — a zip bomb is stopped while
 * inflating, whatever its headers say. Returns the entry names and the bytes of the entries named in `collect`.
 */
export async function inspectZip(file: string, limits: ZipLimits = DOCX_LIMITS, collect: readonly string[] = []) {
  const fh = await fsp.open(file, 'r');
  try {
    const { size } = await fh.stat();
    const read = async (pos: number, len: number) => {
      const b = Buffer.alloc(len);
      const { bytesRead } = await fh.read(b, 0, len, pos);
      return b.subarray(0, bytesRead);
    };
    const tailLen = Math.min(size, 65_557);
    const tail = await read(size - tailLen, tailLen);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw unprocessable('it is not a complete ZIP archive');
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) throw unprocessable('ZIP64 archives are not accepted');
    if (count > limits.maxEntries) throw unprocessable(`it has more than ${limits.maxEntries} entries`);
    if (cdOffset + cdSize > size) throw unprocessable('its directory is damaged');
    const cd = await read(cdOffset, cdSize);
    type Entry = { name: string; method: number; compressed: number; declared: number; local: number };
    const entries: Entry[] = [];
    let declaredTotal = 0;
    for (let at = 0, i = 0; i < count; i++) {
      if (at + 46 > cd.length || cd.readUInt32LE(at) !== 0x02014b50) throw unprocessable('its directory is damaged');
      const nameLen = cd.readUInt16LE(at + 28);
      const e: Entry = {
        method: cd.readUInt16LE(at + 10),
        compressed: cd.readUInt32LE(at + 20),
        declared: cd.readUInt32LE(at + 24),
        local: cd.readUInt32LE(at + 42),
        name: cd.subarray(at + 46, at + 46 + nameLen).toString('utf8'),
      };
      declaredTotal += e.declared;
      if (declaredTotal > limits.maxTotal) throw unprocessable('it would expand to more than the allowed size');
      if (e.declared > RATIO_FLOOR && e.declared > limits.maxRatio * Math.max(1, e.compressed))
        throw unprocessable('it is compressed suspiciously well (a zip bomb?)');
      entries.push(e);
      at += 46 + nameLen + cd.readUInt16LE(at + 30) + cd.readUInt16LE(at + 32);
    }
    const collected = new Map<string, Buffer>();
    let total = 0;
    for (const e of entries) {
      if (e.name.endsWith('/')) continue;
      const lh = await read(e.local, 30);
      if (lh.length < 30 || lh.readUInt32LE(0) !== 0x04034b50) throw unprocessable('an entry is damaged');
      const start = e.local + 30 + lh.readUInt16LE(26) + lh.readUInt16LE(28);
      if (start + e.compressed > size) throw unprocessable('an entry is damaged');
      const keep = collect.includes(e.name);
      const parts: Buffer[] = [];
      let produced = 0;
      const count = (chunk: Uint8Array) => {
        produced += chunk.length;
        total += chunk.length;
        // Actual sizes, not the headers': a lying header cannot let more through than the limits.
        if (total > limits.maxTotal || produced > e.declared) throw unprocessable('it expands to more than it declares or is allowed');
        if (produced > RATIO_FLOOR && produced > limits.maxRatio * Math.max(1, e.compressed))
          throw unprocessable('it is compressed suspiciously well (a zip bomb?)');
        if (keep) parts.push(Buffer.from(chunk));
      };
      if (e.method === 0) {
        for (let pos = 0; pos < e.compressed; pos += 1 << 20) count(await read(start + pos, Math.min(1 << 20, e.compressed - pos)));
      } else if (e.method === 8) {
        let failure: unknown = null;
        const inflate = new Inflate((chunk) => {
          if (failure) return;
          try {
            count(chunk);
          } catch (err) {
            failure = err;
          }
        });
        for (let pos = 0; pos < e.compressed && !failure; pos += 1 << 16) {
          const piece = await read(start + pos, Math.min(1 << 16, e.compressed - pos));
          try {
            inflate.push(piece, pos + piece.length >= e.compressed);
          } catch {
            failure ??= unprocessable('an entry is not valid deflate data');
          }
        }
        if (failure) throw failure;
      } else throw unprocessable(`an entry uses compression method ${e.method}`);
      if (keep) collected.set(e.name, Buffer.concat(parts));
    }
    return { names: entries.map((e) => e.name), collected };
  } finally {
    await fh.close();
  }
}

/** True when `b` (a chunk of a text file) holds a control byte other than tab, LF or CR. */
function hasControlBytes(b: Buffer): boolean {
  for (const x of b) if ((x < 0x20 && x !== 0x09 && x !== 0x0a && x !== 0x0d) || x === 0x7f) return true;
  return false;
}

/**
 * The type the first bytes commit to: a sniffed binary type, DOCX for a ZIP (checked whole after receiving),
 * or plain text for anything that does not start like markup or a known binary (checked as it streams).
 */
function candidateType(head: Buffer, accept: readonly KnownType[]): KnownType | null {
  const t = sniffType(head);
  if (t) return t;
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return DOCX;
  if (!accept.includes(TEXT)) return null;
  const s = head
    .toString('latin1')
    .replace(/^\xEF\xBB\xBF/, '')
    .trimStart();
  // Markup and scripts are refused rather than stored as text: a browser must never be handed them.
  if (s.startsWith('<') || s.startsWith('#!') || startsWith(head, [0x4d, 0x5a])) return null;
  return TEXT;
}

/**
 * Streams `source` to a temporary file while counting, hashing and sniffing; refuses (and deletes) it when
 * over the cap (413) or not an accepted type (415). The rest of a refused body is read and dropped (up to four
 * times the cap) so the client receives the answer instead of a reset connection. Text is checked to be UTF-8
 * without control bytes as it arrives; a DOCX is checked whole (entries and inflated sizes) before it is kept.
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
  // Text validity is followed from the first byte (the type is only known once enough bytes arrived).
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let textOk = accept.includes(TEXT);
  const notType = () =>
    new AppError(
      'unsupported_media_type',
      `This file is not ${accept.map((a) => names[a]).join(', ')} (its content looks like ${type && type !== TEXT && type !== DOCX ? names[type] : looksLike(head)}), whatever its name or declared type says.`,
    );
  const decide = () => {
    type = candidateType(head, accept);
    if (!type || !accept.includes(type) || (type === TEXT && !textOk)) throw notType();
  };
  const checkText = (chunk: Buffer, final: boolean) => {
    if (!textOk || (type !== undefined && type !== TEXT)) return;
    try {
      if (hasControlBytes(chunk)) textOk = false;
      else utf8.decode(chunk, { stream: !final });
    } catch {
      textOk = false;
    }
    if (!textOk && type === TEXT) throw notType();
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
          checkText(chunk, false);
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
          checkText(Buffer.alloc(0), true);
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
    if (type === DOCX) {
      const zip = await inspectZip(tmp);
      if (!zip.names.includes('[Content_Types].xml') || !zip.names.includes('word/document.xml')) {
        type = null;
        throw new AppError(
          'unsupported_media_type',
          `This file is not ${accept.map((a) => names[a]).join(', ')} (it is a ZIP archive but not a Word document).`,
        );
      }
    }
  } catch (e) {
    // Remove the partial file only once the stream has let go of it: a stream still opening would create the
    // file again after an early `rm`, and a cut upload would leave it behind.
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()).destroy());
    await fsp.rm(tmp, { force: true });
    throw e;
  }
  return { tmp, size, sha256: hash.digest('hex'), type: type as KnownType };
}

/**
 * Stores one upload and records its `files` row: the bytes go under `sha256/<aa>/<hash>` (identical bytes
 * share one copy), fsynced with their directory (or stored in the bucket) before the row is written, so an answered
 * upload survives a crash and no row ever names bytes that were not stored.
 */
export async function saveUpload(db: Executor, clock: Clock, store: FileStore, input: SaveInput): Promise<StoredFile> {
  const max = input.maxBytes ?? DEFAULT_MAX_BYTES;
  if (input.declaredLength !== undefined && input.declaredLength > max) {
    input.source.resume();
    throw tooLarge(max);
  }
  const got = await receive(store, input.source, max, input.accept ?? imageTypes);
  const storageKey = `sha256/${got.sha256.slice(0, 2)}/${got.sha256}`;
  if (store.s3) {
    // The object exists before the row refers to it; identical bytes already stored are not sent again.
    try {
      if (!(await store.s3.exists(storageKey)))
        await store.s3.put(storageKey, got.tmp, { size: got.size, contentType: got.type, sha256: got.sha256 });
    } finally {
      await fsp.rm(got.tmp, { force: true });
    }
  } else {
    const final = path.join(store.root, storageKey);
    try {
      await fsp.mkdir(path.dirname(final), { recursive: true });
      await fsp.rename(got.tmp, final);
      await fsyncDir(path.dirname(final));
    } catch (e) {
      await fsp.rm(got.tmp, { force: true });
      throw e;
    }
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

/** How one send differs from the default (documents: a named download, or watermarked bytes). */
export type SendOptions = {
  /** The full server-made file name (any characters; an ASCII fallback is derived). */
  fileName?: string;
  /** Always download, even images. */
  attachment?: boolean;
  /** Bytes to send instead of the stored ones (a watermarked copy), of the same type. */
  body?: Buffer;
};

/** A Content-Disposition value: an ASCII `filename` fallback and the UTF-8 `filename*` (RFC 6266/8187). */
function disposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return ascii === name ? `${kind}; filename="${name}"` : `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends a stored file: the sniffed type, inline only for images (anything else downloads), a server-made
 * name, no sniffing, no scripts or sub-resources, private caching.
 */
export async function sendFile(reply: FastifyReply, store: FileStore, file: StoredFile, namePrefix = 'file', opts: SendOptions = {}) {
  // Opened before any header is set: a missing object is then an ordinary problem answer.
  const stored = opts.body ? null : await openStored(store, file);
  const known = (knownTypes as readonly string[]).includes(file.contentType) ? (file.contentType as KnownType) : null;
  const inline = !opts.attachment && known !== null && (imageTypes as readonly string[]).includes(known);
  const name = opts.fileName ?? `${namePrefix}-${file.id.slice(0, 8)}.${known ? extension[known] : 'bin'}`;
  reply
    .header('content-type', known === TEXT ? 'text/plain; charset=utf-8' : (known ?? 'application/octet-stream'))
    .header('content-length', String(opts.body ? opts.body.length : file.size))
    .header('content-disposition', disposition(inline ? 'inline' : 'attachment', name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, max-age=3600');
  // A watermarked copy differs per reader and time: no shared validator, no caching.
  if (opts.body) return reply.header('cache-control', 'private, no-store').send(opts.body);
  reply.header('etag', `"${file.sha256}"`);
  return reply.send(stored);
}

/** The path of a stored file's bytes on disk; only for a store without a bucket (see `withLocalCopy`). */
export function storedPath(store: FileStore, file: Pick<StoredFile, 'storageKey'>): string {
  if (store.s3) throw new AppError('internal', 'Files in object storage have no path: read them with withLocalCopy or openStored.');
  return diskPath(store, file);
}

function diskPath(store: FileStore, file: Pick<StoredFile, 'storageKey'>): string {
  const full = path.join(store.root, file.storageKey);
  if (!full.startsWith(store.root + path.sep)) throw new AppError('not_found', 'No such file.');
  return full;
}

/** What reading a file needs: its key, and the length and hash its bytes must have. */
export type StoredRef = Pick<StoredFile, 'storageKey' | 'sha256' | 'size'>;

/**
 * A file's bytes from the bucket, or null when the bucket does not hold them but the disk does (files uploaded
 * before the bucket was configured stay readable where they are).
 */
async function fromBucket(store: FileStore & { s3: S3Store }, file: StoredRef): Promise<Readable | null> {
  try {
    const { body, size } = await store.s3.get(file.storageKey);
    if (size !== file.size) {
      body.destroy();
      throw new AppError(
        'internal',
        `The stored object ${file.storageKey} in ${store.s3.description} has ${size} bytes, not ${file.size}.`,
      );
    }
    return body;
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found' && fs.existsSync(diskPath(store, file))) return null;
    throw e;
  }
}

/** A stream of a stored file's bytes (from the bucket or the disk). */
export async function openStored(store: FileStore, file: StoredRef): Promise<Readable> {
  const body = store.s3 ? await fromBucket(store as FileStore & { s3: S3Store }, file) : null;
  return body ?? fs.createReadStream(diskPath(store, file));
}

/** A stored file's bytes in memory, checked against its SHA-256 (watermarking reads whole files anyway). */
export async function readStored(store: FileStore, file: StoredRef): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of await openStored(store, file)) parts.push(chunk as Buffer);
  const bytes = Buffer.concat(parts);
  if (createHash('sha256').update(bytes).digest('hex') !== file.sha256)
    throw new AppError('internal', `The stored bytes of ${file.storageKey} do not match their SHA-256.`);
  return bytes;
}

/**
 * A path to a stored file's bytes on disk for tools that read files (text extraction, image previews, bundles):
 * the file itself on disk, or a copy of the object under `<root>/tmp` checked against its SHA-256 and length.
 * `remove()` deletes the copy (and does nothing for a file on disk).
 */
export async function localCopy(store: FileStore, file: StoredRef): Promise<{ path: string; remove: () => Promise<void> }> {
  const body = store.s3 ? await fromBucket(store as FileStore & { s3: S3Store }, file) : null;
  if (!body) return { path: diskPath(store, file), remove: async () => {} };
  const tmpDir = path.join(store.root, 'tmp');
  await fsp.mkdir(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, randomUUID());
  const remove = () => fsp.rm(tmp, { force: true });
  const hash = createHash('sha256');
  let size = 0;
  try {
    await pipeline(
      body,
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          hash.update(chunk);
          done(null, chunk);
        },
      }),
      fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600 }),
    );
    if (size !== file.size || hash.digest('hex') !== file.sha256)
      throw new AppError('internal', `The object ${file.storageKey} in ${store.s3?.description} does not match its recorded SHA-256.`);
  } catch (e) {
    await remove();
    throw e;
  }
  return { path: tmp, remove };
}

/** Runs `fn` with a path to the stored file's bytes (see `localCopy`), deleting any copy afterwards. */
export async function withLocalCopy<T>(store: FileStore, file: StoredRef, fn: (path: string) => Promise<T>): Promise<T> {
  const copy = await localCopy(store, file);
  try {
    return await fn(copy.path);
  } finally {
    await copy.remove();
  }
}
