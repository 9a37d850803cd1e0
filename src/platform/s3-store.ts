// An S3-compatible object store for uploaded bytes (AWS S3, MinIO, Ceph, R2 …), used instead of the disk when
// FIREBREAK_S3_BUCKET is set. The file store still receives, sniffs, caps and hashes an upload into a local temp
// file; this module only moves finished files to and from the bucket under the same server-made keys
// (`sha256/<aa>/<hash>`). Uploads stream from disk with their length and SHA-256 (the store verifies it), every
// call has bounded connect, idle and overall times, and failures become AppErrors naming the endpoint and
// bucket, never the credentials. On AWS the credentials need s3:ListBucket on the bucket (without it a missing
// key is a 403, not a 404) and s3:GetObject, s3:PutObject and s3:DeleteObject under the prefix.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { z } from 'zod';
import { AppError } from './errors.ts';

/** Where the bytes go: a bucket (and key prefix) on AWS S3 or any S3-compatible endpoint. */
export type S3Settings = {
  /** An S3-compatible endpoint (`https://minio.internal:9000`); absent: AWS S3 for `region`. */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Prepended to every key: '' or a path ending in `/` (`firebreak/`). */
  prefix: string;
  /** Absent: the SDK's default chain (environment, instance or task role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `endpoint/bucket/key` instead of `bucket.endpoint/key` (MinIO and most self-hosted stores need it). */
  forcePathStyle: boolean;
};

/** Time bounds of every call (milliseconds). */
export type S3Timeouts = {
  /** To open the TCP (and TLS) connection. */
  connectMs: number;
  /** Longest silence on an open connection, also while a download's body is being read. */
  idleMs: number;
  /** Whole-call budget for the small calls (HEAD, DELETE, a GET until its body starts). */
  callMs: number;
  /** Slowest upload rate tolerated: an upload's budget is `callMs` plus its size at this rate. */
  minBytesPerSecond: number;
};

/** Bounds fit for a server on a normal network: a dead endpoint is reported in seconds, not minutes. */
export const DEFAULT_S3_TIMEOUTS: S3Timeouts = { connectMs: 5_000, idleMs: 30_000, callMs: 30_000, minBytesPerSecond: 256 * 1024 };

/** What an upload declares about the file (from the file store's receive step). */
export type S3PutInfo = { size: number; contentType: string; sha256: string };

/** The object store as the file store uses it. */
export type S3Store = {
  /** The bucket and endpoint, for messages and logs (no credentials). */
  readonly description: string;
  /** Uploads the file at `filePath` (streamed) under `key`; the store checks the SHA-256. */
  put(key: string, filePath: string, info: S3PutInfo): Promise<void>;
  /** Whether `key` is stored. */
  exists(key: string): Promise<boolean>;
  /** The stored bytes as a stream, and their length; `not_found` when absent. */
  get(key: string): Promise<{ body: Readable; size: number }>;
  /** Deletes `key` (absent is fine). */
  remove(key: string): Promise<void>;
  /** Checks the bucket answers with these credentials (for start-up): throws the same errors as the calls. */
  check(): Promise<void>;
  /** Closes idle connections. */
  close(): void;
};

const KEY = /^[a-z0-9._-]+(\/[a-z0-9._-]+)*$/;

/** True for a key this module will send: server-made shape only, no `..`, no leading `/`, no empty segment. */
export function isSafeKey(key: string): boolean {
  return key.length > 0 && key.length <= 900 && KEY.test(key) && !key.split('/').some((s) => s === '.' || s === '..');
}

function checkKey(key: string) {
  // Keys are made by the server; anything else is a bug (or an attack through a row) and is never sent.
  if (!isSafeKey(key)) throw new AppError('internal', 'Refused an unsafe object storage key.');
}

/** The endpoint as shown in messages: its origin only (never user information or a query). */
function endpointLabel(s: S3Settings): string {
  if (!s.endpoint) return `AWS S3 (${s.region})`;
  try {
    return new URL(s.endpoint).origin;
  } catch {
    return 'the configured S3 endpoint';
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'ECONNABORTED',
]);

type Failure = { kind: 'not_found' | 'network' | 'timeout' | 'denied' | 'no_bucket' | 'other'; detail: string; retry: boolean };

/** What went wrong, from an SDK or Node error, without its message (which may quote the request). */
function classify(e: unknown, timedOut: boolean): Failure {
  if (timedOut) return { kind: 'timeout', detail: '', retry: false };
  const err = e as { name?: string; code?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  const status = err.$metadata?.httpStatusCode;
  const name = String(err.Code ?? err.name ?? '');
  if (e instanceof S3ServiceException || status) {
    if (name === 'NoSuchBucket') return { kind: 'no_bucket', detail: name, retry: false };
    if (status === 404 || name === 'NotFound' || name === 'NoSuchKey') return { kind: 'not_found', detail: name, retry: false };
    if (status === 401 || status === 403 || ['AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch'].includes(name))
      return { kind: 'denied', detail: name || String(status), retry: false };
    const retry = status === undefined || status >= 500 || status === 429 || name === 'SlowDown';
    return { kind: 'other', detail: `${status ?? ''} ${/^[A-Za-z]{1,64}$/.test(name) ? name : ''}`.trim(), retry };
  }
  const code = String(err.code ?? '');
  // The SDK names a reset or broken connection TimeoutError too; only its connect and idle timeouts are timeouts.
  if (NETWORK_CODES.has(code) && code !== 'ETIMEDOUT') return { kind: 'network', detail: code, retry: true };
  if (err.name === 'TimeoutError') return { kind: 'timeout', detail: 'idle', retry: true };
  return { kind: 'other', detail: /^[A-Za-z_]{1,64}$/.test(err.name ?? '') ? String(err.name) : 'unexpected error', retry: false };
}

/** The failure behind each error made here (to tell a broken connection from a timeout after the fact). */
const failureOf = new WeakMap<AppError, Failure>();

function toAppError(f: Failure, where: string, bucket: string, seconds: number): AppError {
  const e = describe(f, where, bucket, seconds);
  failureOf.set(e, f);
  return e;
}

function describe(f: Failure, where: string, bucket: string, seconds: number): AppError {
  switch (f.kind) {
    case 'not_found':
      return new AppError('not_found', 'No such file.');
    case 'timeout':
      return new AppError(
        'internal',
        f.detail === 'idle'
          ? `The object store at ${where} stopped answering (connection or idle timeout).`
          : `The object store at ${where} did not answer within ${seconds} s.`,
      );
    case 'network':
      return new AppError('internal', `The object store at ${where} could not be reached (${f.detail}).`);
    case 'denied':
      return new AppError('internal', `The object store at ${where} refused Firebreak's credentials for bucket "${bucket}" (${f.detail}).`);
    case 'no_bucket':
      return new AppError('internal', `The bucket "${bucket}" does not exist at ${where}.`);
    default:
      return new AppError('internal', `The object store at ${where} failed (${f.detail || 'no details'}) for bucket "${bucket}".`);
  }
}

// Given a logger, the SDK logs every call (info) and every failed one (error, with the request's input): we map
// and report failures ourselves. It also warns on the console whenever an upload fails ("non-retryable
// streaming request"), which we retry ourselves; other warnings (deprecations …) still reach the console.
const sdkLogger = {
  debug() {},
  info() {},
  error() {},
  warn(...args: unknown[]) {
    if (!String(args[0]).includes('non-retryable streaming request')) console.warn(...args);
  },
};

/** A store for `settings`; no connection is made until the first call. */
export function createS3Store(settings: S3Settings, timeouts: S3Timeouts = DEFAULT_S3_TIMEOUTS): S3Store {
  const where = endpointLabel(settings);
  const credentials =
    settings.accessKeyId && settings.secretAccessKey
      ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
      : undefined;
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials,
    // Retries are ours (below): the SDK cannot replay a file stream it has already consumed.
    maxAttempts: 1,
    // No CRC32 of our own bodies in chunked trailers (many S3-compatible stores refuse them): uploads carry the
    // SHA-256 we computed anyway, which S3 and MinIO verify.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    requestHandler: { connectionTimeout: timeouts.connectMs, socketTimeout: timeouts.idleMs },
    logger: sdkLogger,
  });
  const prefix = settings.prefix && !settings.prefix.endsWith('/') ? `${settings.prefix}/` : settings.prefix;
  const prefixed = (key: string) => {
    checkKey(key);
    return `${prefix}${key}`;
  };

  /** Runs one call with an overall deadline, once more after a transient failure; maps errors. */
  async function call<T>(budgetMs: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const abort = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        abort.abort();
      }, budgetMs);
      try {
        return await run(abort.signal);
      } catch (e) {
        const f = classify(e, timedOut);
        // A stale keep-alive socket or a 5xx is worth one more try; a timeout has used the budget up.
        if (attempt < 2 && f.retry) {
          await new Promise((r) => setTimeout(r, 200));
          continue;
        }
        throw toAppError(f, where, settings.bucket, Math.ceil(budgetMs / 1000));
      } finally {
        clearTimeout(timer);
      }
    }
  }

  async function check() {
    try {
      await call(timeouts.callMs, (abortSignal) => client.send(new HeadBucketCommand({ Bucket: settings.bucket }), { abortSignal }));
    } catch (e) {
      // HEAD has no body, so a missing bucket is only a 404.
      if (e instanceof AppError && e.code === 'not_found')
        throw toAppError({ kind: 'no_bucket', detail: '', retry: false }, where, settings.bucket, 0);
      throw e;
    }
  }

  return {
    description: `bucket "${settings.bucket}" at ${where}`,

    async put(key, filePath, info) {
      const Key = prefixed(key);
      if (!/^[0-9a-f]{64}$/.test(info.sha256)) throw new AppError('internal', 'An upload needs its SHA-256 (64 hex digits).');
      const { size } = await fsp.stat(filePath);
      // A length that does not match the bytes would hang the request (or store a truncated object).
      if (size !== info.size) throw new AppError('internal', 'The file to upload changed size after it was received.');
      const budget = timeouts.callMs + Math.ceil((size / timeouts.minBytesPerSecond) * 1000);
      const upload = call(budget, async (abortSignal) => {
        // A fresh stream per attempt: a retry sends the file from its start.
        const Body = fs.createReadStream(filePath);
        try {
          await client.send(
            new PutObjectCommand({
              Bucket: settings.bucket,
              Key,
              Body,
              ContentLength: size,
              ContentType: info.contentType,
              ChecksumSHA256: Buffer.from(info.sha256, 'hex').toString('base64'),
              // The hex digest too, for people and tools listing the bucket (and stores that ignore checksums).
              Metadata: { sha256: info.sha256 },
            }),
            { abortSignal },
          );
        } finally {
          Body.destroy();
        }
      });
      await upload.catch(async (e) => {
        // A store that refuses an upload (no bucket, bad credentials) often answers before reading the body and
        // closes the connection, which the sender sees only as a broken pipe: a HEAD on the bucket tells why.
        if (e instanceof AppError && failureOf.get(e)?.kind === 'network') await check();
        throw e;
      });
    },

    async exists(key) {
      const Key = prefixed(key);
      try {
        await call(timeouts.callMs, (abortSignal) => client.send(new HeadObjectCommand({ Bucket: settings.bucket, Key }), { abortSignal }));
        return true;
      } catch (e) {
        if (e instanceof AppError && e.code === 'not_found') return false;
        throw e;
      }
    },

    async get(key) {
      const Key = prefixed(key);
      // The deadline covers the wait for the answer's headers only (the body may take longer to read); a
      // stalled body is ended by the idle timeout.
      const res = await call(timeouts.callMs, (abortSignal) =>
        // ChecksumMode (explicit, whatever the client's default): the store returns the SHA-256 given at upload
        // and the SDK checks the body against it as it streams (the stream errors at its end on a mismatch).
        // Stores that keep no checksums (s3rver, older MinIO) simply return none.
        client.send(new GetObjectCommand({ Bucket: settings.bucket, Key, ChecksumMode: 'ENABLED' }), { abortSignal }),
      );
      if (!(res.Body instanceof Readable)) throw new AppError('internal', `The object store at ${where} answered without a body.`);
      return { body: res.Body, size: Number(res.ContentLength ?? 0) };
    },

    async remove(key) {
      const Key = prefixed(key);
      await call(timeouts.callMs, (abortSignal) => client.send(new DeleteObjectCommand({ Bucket: settings.bucket, Key }), { abortSignal }));
    },

    check,

    close() {
      client.destroy();
    },
  };
}

const bool = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'], 'must be true or false')
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const settingsSchema = z.object({
  FIREBREAK_S3_BUCKET: z
    .string()
    .regex(
      /^(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'must be a bucket name: 3–63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit',
    ),
  FIREBREAK_S3_ENDPOINT: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL (e.g. https://minio.internal:9000)' })
    // (Refinements also run on a value that failed the URL check, hence the null checks.)
    .refine((u) => {
      const url = URL.parse(u);
      return !url || (!url.username && !url.password);
    }, 'must not contain credentials: use FIREBREAK_S3_ACCESS_KEY_ID and FIREBREAK_S3_SECRET_ACCESS_KEY')
    .refine((u) => {
      const url = URL.parse(u);
      return !url || (!url.search && !url.hash);
    }, 'must not have a query or fragment')
    .optional(),
  FIREBREAK_S3_REGION: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a region name such as us-east-1')
    .default('us-east-1'),
  FIREBREAK_S3_PREFIX: z
    .string()
    .transform((p) => p.replace(/^\/+|\/+$/g, ''))
    .refine(
      (p) =>
        p === '' ||
        (/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(p) && !p.split('/').some((s) => s === '.' || s === '..') && p.length <= 100),
      'must be a path of letters, digits, dots, hyphens and underscores separated by / (e.g. firebreak/files), at most 100 characters',
    )
    .default(''),
  FIREBREAK_S3_ACCESS_KEY_ID: z.string().max(256).optional(),
  FIREBREAK_S3_SECRET_ACCESS_KEY: z.string().max(1024).optional(),
  FIREBREAK_S3_FORCE_PATH_STYLE: bool.optional(),
});

/** The environment variables of the object store, for `configVariables`. */
export const s3ConfigVariables = Object.keys(settingsSchema.shape);

/**
 * The object store settings from the environment, or null when FIREBREAK_S3_BUCKET is unset (files stay on
 * disk). Empty values count as unset. A bad value throws `makeError('Invalid configuration:\n  VAR: why …')`,
 * naming every bad variable (config.ts passes its ConfigError).
 */
export function loadS3Settings(
  env: NodeJS.ProcessEnv = process.env,
  makeError: (message: string) => Error = (m) => new Error(m),
): S3Settings | null {
  const input: Record<string, string> = {};
  for (const key of s3ConfigVariables) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const fail = (lines: string[]) => makeError(`Invalid configuration:\n${lines.map((l) => `  ${l}`).join('\n')}`);
  if (input.FIREBREAK_S3_BUCKET === undefined) {
    const stray = s3ConfigVariables.filter((k) => input[k] !== undefined);
    if (stray.length) throw fail([`FIREBREAK_S3_BUCKET: must be set when ${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} set`]);
    return null;
  }
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) throw fail(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`));
  const c = parsed.data;
  if ((c.FIREBREAK_S3_ACCESS_KEY_ID === undefined) !== (c.FIREBREAK_S3_SECRET_ACCESS_KEY === undefined))
    throw fail(['FIREBREAK_S3_ACCESS_KEY_ID and FIREBREAK_S3_SECRET_ACCESS_KEY must be set together']);
  return {
    endpoint: c.FIREBREAK_S3_ENDPOINT?.replace(/\/+$/, ''),
    region: c.FIREBREAK_S3_REGION,
    bucket: c.FIREBREAK_S3_BUCKET,
    prefix: c.FIREBREAK_S3_PREFIX ? `${c.FIREBREAK_S3_PREFIX}/` : '',
    accessKeyId: c.FIREBREAK_S3_ACCESS_KEY_ID,
    secretAccessKey: c.FIREBREAK_S3_SECRET_ACCESS_KEY,
    forcePathStyle: c.FIREBREAK_S3_FORCE_PATH_STYLE ?? c.FIREBREAK_S3_ENDPOINT !== undefined,
  };
}
