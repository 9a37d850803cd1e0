// Documents: zod schemas, types and event names shared by the server and the web app — the information hub
// (documents, versions, attachments, legal holds), the evidence locker, and search everywhere.
import { z } from 'zod';

/** Kinds of documents (文件種類). */
export const documentKinds = [
  'statement',
  'press_release',
  'legal_document',
  'contract',
  'internal_memo',
  'meeting_minutes',
  'evidence',
  'social_post_capture',
  'other',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** Classifications, least to most restricted (機密等級). */
export const classifications = ['public', 'internal', 'confidential', 'legal_privileged'] as const;
export type Classification = (typeof classifications)[number];

/** Event types this feature writes. `document.viewed`/`document.downloaded` are written for evidence (custody) and for every guest read. */
export const documentEvents = [
  'document.created',
  'document.updated',
  'document.version_added',
  'document.attachment_added',
  'document.attachment_removed',
  'document.deleted',
  'document.viewed',
  'document.downloaded',
  'document.hold_placed',
  'document.hold_released',
  'crisis.hold_placed',
  'crisis.hold_released',
  'evidence.captured',
  'evidence.exported',
  'evidence.screenshot_requested',
  'evidence.screenshot_captured',
  'evidence.screenshot_failed',
] as const;

// Control characters other than tab and newline are refused in every text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'required')
    .max(max, `at most ${max} characters`)
    .refine((s) => !CONTROL.test(s) && !/[\r\n]/.test(s), 'must not contain control characters or line breaks');
/** The longest document text (characters). */
export const MAX_BODY = 200_000;
const bodyText = z
  .string()
  .max(MAX_BODY, `at most ${MAX_BODY} characters`)
  .refine((s) => !CONTROL.test(s), 'must not contain control characters');
const tag = line(40);
export const tagList = z.array(tag).max(20, 'at most 20 tags');

export const documentInput = z.strictObject({
  kind: z.enum(documentKinds),
  classification: z.enum(classifications),
  title: line(300),
  body: bodyText.default(''),
  crisisId: z.uuid().nullable().default(null),
  tags: tagList.default([]),
  /** Defaults to the creator. */
  ownerId: z.uuid().optional(),
  /** Kind `statement`: the statement this document mirrors. */
  statementId: z.uuid().nullable().optional(),
});
export type DocumentInput = z.input<typeof documentInput>;

/** An edit: metadata changes in place; a new title or text makes a new version. */
export const documentPatch = z.strictObject({
  version: z.number().int().positive(),
  title: line(300).optional(),
  body: bodyText.optional(),
  classification: z.enum(classifications).optional(),
  kind: z.enum(documentKinds).optional(),
  crisisId: z.uuid().nullable().optional(),
  tags: tagList.optional(),
  ownerId: z.uuid().optional(),
  /** What changed (kept with the new version). */
  note: line(500).optional(),
});

export const holdInput = z.strictObject({ reason: line(500) });

export const attachmentOut = z.object({
  id: z.uuid(),
  fileId: z.uuid(),
  /** The uploader's file name, cleaned (display only). */
  name: z.string().nullable(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  addedInVersion: z.number().int(),
  removedInVersion: z.number().int().nullable(),
  textStatus: z.enum(['ok', 'none', 'failed', 'truncated']),
  hasPreview: z.boolean(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentOut>;

export const holdOut = z.object({
  id: z.uuid(),
  scope: z.enum(['document', 'crisis']),
  reason: z.string(),
  placedBy: z.string().nullable(),
  placedAt: z.string(),
});
export type Hold = z.infer<typeof holdOut>;

export const evidenceOut = z.object({
  sourceUrl: z.string().nullable(),
  mentionId: z.number().int().nullable(),
  capturedText: z.string(),
  textSha256: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  capturedAt: z.string(),
  capturedBy: z.string().nullable(),
});
export type Evidence = z.infer<typeof evidenceOut>;

export const documentSummary = z.object({
  id: z.uuid(),
  number: z.number().int(),
  kind: z.enum(documentKinds),
  classification: z.enum(classifications),
  title: z.string(),
  ownerId: z.uuid(),
  ownerName: z.string(),
  crisisId: z.uuid().nullable(),
  /** The crisis's title, when the reader may see that crisis. */
  crisisTitle: z.string().nullable(),
  tags: z.array(z.string()),
  currentVersion: z.number().int(),
  attachmentCount: z.number().int(),
  /** Holds in force on it (its own or its crisis's). */
  onHold: z.boolean(),
  updatedAt: z.string(),
});
export type DocumentSummary = z.infer<typeof documentSummary>;

export const documentOut = documentSummary.extend({
  body: z.string(),
  statementId: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  attachments: z.array(attachmentOut),
  holds: z.array(holdOut),
  evidence: evidenceOut.nullable(),
  /** What the reader may do with it (the web app hides the rest). */
  can: z.object({ edit: z.boolean(), delete: z.boolean(), hold: z.boolean(), exportEvidence: z.boolean() }),
});
export type DocumentView = z.infer<typeof documentOut>;

export const documentVersionOut = z.object({
  number: z.number().int(),
  title: z.string(),
  body: z.string(),
  note: z.string().nullable(),
  attachmentIds: z.array(z.uuid()),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const documentListQuery = z.strictObject({
  kind: z.enum(documentKinds).optional(),
  classification: z.enum(classifications).optional(),
  crisisId: z.uuid().optional(),
  tag: tag.optional(),
  onHold: z.enum(['true', 'false']).optional(),
  /** Keyset cursor from the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const documentList = z.object({ items: z.array(documentSummary), nextCursor: z.string().nullable() });

/** Capture a mention or any URL as evidence (the text is stored as given or as fetched; screenshots are uploaded after). */
export const evidenceInput = z.strictObject({
  /** `evidence` (any source) or `social_post_capture` (a post). */
  kind: z.enum(['evidence', 'social_post_capture']).default('evidence'),
  classification: z.enum(classifications).default('confidential'),
  title: line(300),
  crisisId: z.uuid().nullable().default(null),
  tags: tagList.default([]),
  /** A stored mention to capture (its text and metadata are copied). */
  mentionId: z.number().int().positive().optional(),
  /** A public URL (http/https; private addresses are refused). */
  sourceUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  /** The text as seen (required when neither a mention nor a fetch gives it). */
  text: bodyText.optional(),
  /** Fetch the URL's text now (through the safe fetcher) instead of taking `text`. */
  fetch: z.boolean().default(false),
  /**
   * Take a screenshot of the page automatically (a headless browser on the server, after the capture is stored).
   * Default: true when the server has a browser configured (`GET /api/evidence/capabilities`) and the capture
   * fetches a URL (`fetch: true`) or is of a mention that has a URL; false otherwise. `true` needs a configured
   * browser and a URL (a fetched one, the mention's, or a `sourceUrl` given with pasted text — then the page as it
   * is at capture time, not necessarily what was pasted); otherwise it is a 400.
   */
  screenshot: z.boolean().optional(),
});

/** Automatic evidence capture the server offers: `screenshot` when a headless browser is configured. */
export const evidenceCapabilities = z.object({ screenshot: z.boolean() });
export type EvidenceCapabilities = z.infer<typeof evidenceCapabilities>;

/** Why an automatic screenshot failed (`evidence.screenshot_failed` `reason`; the text capture always stays). */
export const screenshotFailureReasons = [
  /** The configured browser executable does not exist or cannot be run. */
  'browser_missing',
  /** The browser would not start. */
  'browser_failed',
  /** The page's address is private, loopback or link-local (also after a redirect). */
  'blocked_address',
  'bad_url',
  'too_many_redirects',
  'too_large',
  'timeout',
  /** The page answered with an error status. */
  'http_error',
  'network',
  /** The page loaded but could not be rendered or captured. */
  'render_failed',
  /** The capturing person may no longer change the document (deactivated, moved off the team), or it is gone. */
  'not_permitted',
  /** The screenshot could not be stored. */
  'store_failed',
] as const;
export type ScreenshotFailureReason = (typeof screenshotFailureReasons)[number];

// --- Search everywhere -----------------------------------------------------------------------------------------

/** Kinds of search results. */
export const searchKinds = ['mention', 'crisis', 'task', 'note', 'statement', 'document', 'attachment'] as const;
export type SearchKind = (typeof searchKinds)[number];

/** Event types search writes: a guest's search is a read on the record (the access report lists it). */
export const searchEvents = ['search.performed'] as const;

/** The longest search query accepted (characters); longer is a clear 400 `query_too_long`. */
export const MAX_QUERY = 500;

export const searchQuery = z.strictObject({
  q: z.string().max(20_000),
  /** Comma-separated kinds (default: all the reader may search). */
  kinds: z.string().max(200).optional(),
  crisisId: z.uuid().optional(),
  classification: z.enum(classifications).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(1000).default(0),
});

export const searchHit = z.object({
  kind: z.enum(searchKinds),
  id: z.string(),
  title: z.string(),
  /** [start, end) highlight ranges into `title`. */
  titleHighlights: z.array(z.tuple([z.number().int(), z.number().int()])),
  /** A piece of the text around the match, with [start, end) highlight ranges into it. */
  snippet: z.string(),
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
  crisisId: z.uuid().nullable(),
  /** For documents and attachments. */
  classification: z.enum(classifications).nullable(),
  /** The document an attachment belongs to. */
  documentId: z.uuid().nullable(),
  at: z.string(),
  /** Where the web app opens it (a path of the app). */
  path: z.string(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchResult = z.object({
  hits: z.array(searchHit),
  /** Per kind, how many the reader may open (capped at `countCap`). */
  facets: z.object({
    kind: z.record(z.string(), z.number().int()),
    classification: z.record(z.string(), z.number().int()),
  }),
  total: z.number().int(),
  /** Counts at or above this are shown as "cap+" (counting stops there). */
  countCap: z.number().int(),
  tookMs: z.number(),
});
export type SearchResult = z.infer<typeof searchResult>;

// --- Evidence locker: custody and export (owned by the evidence helper) ---------------------------------------

/** One entry of a document's chain of custody: an event of the spine with subject this document. */
export const custodyEntry = z.object({
  eventId: z.number().int(),
  /** UTC, ISO 8601. */
  at: z.string(),
  type: z.string(),
  actor: z.object({ type: z.enum(['user', 'token', 'system']), id: z.string().nullable(), label: z.string().nullable() }),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  crisisId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  /** The previous event's hash and this event's: sha256(prevHash || canonical_json(row)), as in `audit verify`. */
  prevHash: z.string(),
  hash: z.string(),
});
export type CustodyEntry = z.infer<typeof custodyEntry>;

export const custodyOut = z.object({ documentId: z.uuid(), number: z.number().int(), entries: z.array(custodyEntry) });
export type Custody = z.infer<typeof custodyOut>;

/** The most documents one evidence bundle holds. */
export const MAX_EXPORT_DOCUMENTS = 500;

/** What to put in an evidence bundle: chosen documents, or every evidence document of a crisis. */
export const evidenceExportInput = z.union([
  z.strictObject({ documentIds: z.array(z.uuid()).min(1).max(MAX_EXPORT_DOCUMENTS) }),
  z.strictObject({ crisisId: z.uuid() }),
]);
export type EvidenceExportInput = z.infer<typeof evidenceExportInput>;

// --- Documents routes: queries and lists (added by the documents server) ----------------------------------------

/** `?version=` on deletes: the document version the client saw (stale → 409). */
export const versionQuery = z.strictObject({ version: z.coerce.number().int().positive() });
/** `?name=` on an upload: the uploader's file name (display only; cleaned by the server). */
export const attachmentUploadQuery = z.strictObject({ name: z.string().max(1000).optional() });

export const documentVersionList = z.object({ items: z.array(documentVersionOut) });

/** A hold with its release (the crisis's list shows released ones too). */
export const holdRecord = holdOut.extend({
  documentId: z.uuid().nullable(),
  crisisId: z.uuid().nullable(),
  releasedBy: z.string().nullable(),
  releasedAt: z.string().nullable(),
  releaseReason: z.string().nullable(),
});
export type HoldRecord = z.infer<typeof holdRecord>;
export const holdList = z.object({ items: z.array(holdRecord) });

/** An upload's answer: the new attachment and the document at its new version. */
export const attachmentUploaded = z.object({ attachment: attachmentOut, document: documentOut });
