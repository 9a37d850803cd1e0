// File import (CSV / NDJSON): zod schemas and types shared by the server, the CLI and the web app.
import { z } from 'zod';
import { isTimeZone } from '../../platform/time-zone.ts';
import { rejectionDetail } from './contract.ts';

/** Largest file an import accepts (bytes). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** How many rejections an import keeps (the counts cover all of them). */
export const MAX_REJECTIONS = 100;
/** The time zone assumed for dates written without one, unless the import says otherwise. */
export const DEFAULT_TIME_ZONE = 'Asia/Taipei';

export const importFormats = ['csv', 'ndjson'] as const;
export type ImportFormat = (typeof importFormats)[number];

export const importStatuses = ['uploaded', 'checking', 'checked', 'running', 'done', 'failed', 'cancelled'] as const;
export type ImportStatus = (typeof importStatuses)[number];

/** The mention fields a CSV column can fill. `text` and `publishedAt` must be mapped. */
export const mappableFields = [
  'text',
  'publishedAt',
  'title',
  'author',
  'authorFollowers',
  'url',
  'externalId',
  'likes',
  'shares',
  'comments',
  'views',
  'lang',
] as const;
export type MappableField = (typeof mappableFields)[number];
export const requiredFields = ['text', 'publishedAt'] as const;

const header = z.string().min(1).max(200);

/** CSV column mapping: mention field → column header, and the zone for dates written without one. */
export const importMapping = z.strictObject({
  columns: z.partialRecord(z.enum(mappableFields), header),
  timeZone: z.string().max(64).refine(isTimeZone, 'unknown time zone').default(DEFAULT_TIME_ZONE),
});
export type ImportMapping = z.infer<typeof importMapping>;

/** A name for the import source (created as an import source when new). */
export const sourceName = z.string().trim().min(1).max(100);

/** Query of the upload request (the body is the file itself). */
export const uploadQuery = z.strictObject({
  name: z.string().trim().min(1).max(255),
  source: sourceName,
  format: z.enum(importFormats).optional(),
});

/** PATCH: change the mapping or the target source before the import has stored anything. */
export const updateImportInput = z.strictObject({
  mapping: importMapping.optional(),
  source: sourceName.optional(),
});

/** A rejected row: its number, the English reason, and (since rejection codes exist) the code and field to translate it by. */
export const rejection = z.object({ row: z.number().int(), reason: z.string(), ...rejectionDetail });
export type Rejection = z.infer<typeof rejection>;

/** The outcome of a dry run: what a real run would do right now. */
export const dryRunResult = z.object({
  rows: z.number().int(),
  accepted: z.number().int(),
  duplicate: z.number().int(),
  rejected: z.number().int(),
  rejections: z.array(rejection),
  /** A problem with the file as a whole (e.g. a CSV syntax error); rows after it were not read. */
  error: z.string().nullable(),
  checkedAt: z.string(),
});
export type DryRunResult = z.infer<typeof dryRunResult>;

/** The first rows of the file, for the mapping step. Cells are text; show them as text. */
export const importPreview = z.object({
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  suggested: z.partialRecord(z.enum(mappableFields), z.string()),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importOut = z.object({
  id: z.uuid(),
  fileName: z.string(),
  format: z.enum(importFormats),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  source: z.object({ id: z.uuid(), name: z.string(), status: z.string() }),
  mapping: importMapping.nullable(),
  status: z.enum(importStatuses),
  dryRun: dryRunResult.nullable(),
  rowsTotal: z.number().int().nullable(),
  rowsDone: z.number().int(),
  accepted: z.number().int(),
  duplicate: z.number().int(),
  rejected: z.number().int(),
  rejections: z.array(rejection),
  error: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ImportOut = z.infer<typeof importOut>;

/** One import with its preview (CSV: headers and first rows; NDJSON: first lines as one column). */
export const importDetail = importOut.extend({ preview: importPreview.nullable() });
export type ImportDetail = z.infer<typeof importDetail>;

/** The import page: past imports, newest first, and the import sources one can import into. */
export const importList = z.object({
  imports: z.array(importOut),
  sources: z.array(z.object({ id: z.uuid(), name: z.string(), status: z.string() })),
});
export type ImportList = z.infer<typeof importList>;

/** Stable codes of file-level problems (in problem details `errors[].code`), translated by the web app. */
export const importProblemCodes = [
  'empty_file',
  'too_large',
  'not_utf8',
  'utf16',
  'big5',
  'no_header',
  'duplicate_header',
  'mapping_required',
  'unknown_column',
  'csv_syntax',
  'unsupported_type',
  'source_kind',
  'source_paused',
  'wrong_status',
  'already_running',
] as const;
export type ImportProblemCode = (typeof importProblemCodes)[number];
