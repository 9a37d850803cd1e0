// Configuration from environment variables: defaults, validation, and a message naming the bad variable.
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { loadS3Settings, type S3Settings, s3ConfigVariables } from './s3-store.ts';

const bool = z.enum(['0', '1', 'true', 'false', 'yes', 'no', '']).transform((v) => v === '1' || v === 'true' || v === 'yes');

// An allow-list entry: a host name, an IPv4/IPv6 address, or a CIDR.
const allowEntry = (e: string) => {
  const [base, bits, ...rest] = e.split('/');
  if (rest.length) return false;
  const v = net.isIP(base.replace(/^\[|\]$/g, ''));
  if (bits !== undefined) return v !== 0 && /^\d{1,3}$/.test(bits) && Number(bits) <= (v === 4 ? 32 : 128);
  return v !== 0 || /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)*\.?$/i.test(base);
};

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  FIREBREAK_DATA_DIR: z.string().min(1).default('./data'),
  // The embedded PostgreSQL's shared_buffers (e.g. 512MB, 4GB); unset: a quarter of memory, 128 MB to 2 GB.
  FIREBREAK_PG_SHARED_BUFFERS: z
    .string()
    .regex(/^[1-9]\d{0,6}(kB|MB|GB)$/, 'must be a size such as 512MB or 2GB')
    .optional(),
  FIREBREAK_SECURE_COOKIES: bool.default(false),
  FIREBREAK_PUBLIC_URL: z.url().optional(),
  FIREBREAK_ADMIN_EMAIL: z.email().optional(),
  FIREBREAK_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  FIREBREAK_ORG_NAME: z.string().min(1).max(200).default('Firebreak'),
  // The language of the demo workspace that `npm start -- --demo` opens.
  FIREBREAK_DEMO_LOCALE: z.enum(['zh-TW', 'en']).default('zh-TW'),
  FIREBREAK_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(10080).default(120),
  FIREBREAK_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(8760)
    .default(24 * 7),
  FIREBREAK_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FIREBREAK_TRUST_PROXY: bool.default(false),
  FIREBREAK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  FIREBREAK_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  FIREBREAK_BUILD_WEB: bool.default(true),
  FIREBREAK_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps:// (e.g. smtp://user:pass@mail.example.com:587)')
    .optional(),
  FIREBREAK_SMTP_FROM: z.string().min(3).default('Firebreak <firebreak@localhost>'),
  FIREBREAK_LINE_API_URL: z.url().default('https://api.line.me'),
  // A headless Chromium for automatic evidence screenshots (e.g. /usr/bin/chromium); unset: screenshots are uploaded.
  FIREBREAK_CAPTURE_BROWSER: z.string().min(1).optional(),
  FIREBREAK_FETCH_ALLOW_PRIVATE: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(allowEntry), 'must be comma-separated host names, IP addresses or CIDRs (e.g. 127.0.0.1,10.0.0.0/8)'),
});

/** Validated server configuration. */
export type Config = {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  /** shared_buffers of the embedded PostgreSQL; undefined: sized from the machine (defaultSharedBuffers). */
  pgSharedBuffers?: string;
  secureCookies: boolean;
  publicUrl?: string;
  adminEmail?: string;
  adminPassword?: string;
  orgName: string;
  demoLocale: 'zh-TW' | 'en';
  sessionIdleMs: number;
  sessionMaxMs: number;
  logLevel: string;
  trustProxy: boolean;
  rateLimitPerMinute: number;
  loginMaxFailures: number;
  buildWeb: boolean;
  /** Hosts, addresses and CIDRs that connectors may fetch although private or loopback (an admin decision). */
  fetchAllowPrivate: string[];
  /** Outgoing mail server for e-mail notification channels (unset: e-mail channels report it). */
  smtpUrl?: string;
  smtpFrom: string;
  /** LINE Messaging API base (tests point it at a local server). */
  lineApiUrl: string;
  /** The Chromium executable that takes evidence screenshots of captured pages (FIREBREAK_CAPTURE_BROWSER), or unset. */
  captureBrowser?: string;
  /** The S3-compatible bucket that holds uploaded bytes instead of `<dataDir>/files` (FIREBREAK_S3_*), or null. */
  s3: S3Settings | null;
};

/** A configuration error that names the environment variable at fault. */
export class ConfigError extends Error {}

/** Reads and validates configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const parsed = schema.safeParse(input);
  // The object store's variables are checked too, so one message names every bad variable.
  let s3: S3Settings | null = null;
  let s3Lines: string[] = [];
  try {
    s3 = loadS3Settings(env, (m) => new ConfigError(m));
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    s3Lines = e.message.split('\n').slice(1);
  }
  if (!parsed.success || s3Lines.length) {
    const lines = (parsed.error?.issues ?? []).map((i) => `  ${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${[...lines, ...s3Lines].join('\n')}`);
  }
  const c = parsed.data;
  if ((c.FIREBREAK_ADMIN_EMAIL === undefined) !== (c.FIREBREAK_ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('Invalid configuration:\n  FIREBREAK_ADMIN_EMAIL and FIREBREAK_ADMIN_PASSWORD must be set together');
  }
  const dataDir = path.resolve(c.FIREBREAK_DATA_DIR);
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir,
    pgSharedBuffers: c.FIREBREAK_PG_SHARED_BUFFERS,
    secureCookies: c.FIREBREAK_SECURE_COOKIES,
    publicUrl: c.FIREBREAK_PUBLIC_URL,
    adminEmail: c.FIREBREAK_ADMIN_EMAIL?.toLowerCase(),
    adminPassword: c.FIREBREAK_ADMIN_PASSWORD,
    orgName: c.FIREBREAK_ORG_NAME,
    demoLocale: c.FIREBREAK_DEMO_LOCALE,
    sessionIdleMs: c.FIREBREAK_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: c.FIREBREAK_SESSION_MAX_HOURS * 3_600_000,
    logLevel: c.FIREBREAK_LOG_LEVEL,
    trustProxy: c.FIREBREAK_TRUST_PROXY,
    rateLimitPerMinute: c.FIREBREAK_RATE_LIMIT_PER_MINUTE,
    loginMaxFailures: c.FIREBREAK_LOGIN_MAX_FAILURES,
    buildWeb: c.FIREBREAK_BUILD_WEB,
    fetchAllowPrivate: c.FIREBREAK_FETCH_ALLOW_PRIVATE,
    smtpUrl: c.FIREBREAK_SMTP_URL,
    smtpFrom: c.FIREBREAK_SMTP_FROM,
    lineApiUrl: c.FIREBREAK_LINE_API_URL.replace(/\/+$/, ''),
    captureBrowser: c.FIREBREAK_CAPTURE_BROWSER,
    s3,
  };
}

/** The environment variables Firebreak reads, for documentation and `--help`. */
export const configVariables = [...Object.keys(schema.shape), ...s3ConfigVariables];
