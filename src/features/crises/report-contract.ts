// Employee report API shapes (通報): what a reporter sends, what they see of their own reports, what triagers
// see in the queue (the reporter's name hidden when anonymous) and how a report is attached or closed.
import { z } from 'zod';

/** How urgent the reporter thinks it is. */
export const urgencies = ['low', 'normal', 'high', 'critical'] as const;
export type Urgency = (typeof urgencies)[number];

/** A report's state: new (in the queue) → accepted (a new crisis) | attached (to an existing one) | closed. */
export const reportStatuses = ['new', 'accepted', 'attached', 'closed'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** At most this many screenshots and links per report. */
export const MAX_REPORT_FILES = 5;
export const MAX_REPORT_LINKS = 5;

/** An http(s) link, at most 2000 characters. */
const link = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, message: 'Links must be http:// or https:// addresses.' }));

/** A new report. */
export const reportInput = z.strictObject({
  what: z.string().trim().min(1).max(5000),
  links: z.array(link).max(MAX_REPORT_LINKS).default([]),
  whereSeen: z.string().trim().max(200).optional(),
  urgency: z.enum(urgencies),
  /** Hide my name from colleagues (the audit log still records who reported). */
  anonymous: z.boolean().default(false),
  /** Screenshots uploaded first through POST /api/reports/files (the caller's own, not yet attached). */
  fileIds: z.array(z.uuid()).max(MAX_REPORT_FILES).default([]),
});
export type ReportInput = z.input<typeof reportInput>;

/** An uploaded screenshot. */
export const uploadedFile = z.object({ id: z.uuid(), contentType: z.string(), size: z.number().int(), sha256: z.string() });
export type UploadedFile = z.infer<typeof uploadedFile>;

/** A report as its reporter or a triager sees it. */
export const reportView = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: z.enum(reportStatuses),
  urgency: z.enum(urgencies),
  what: z.string(),
  links: z.array(z.string()),
  whereSeen: z.string().nullable(),
  anonymous: z.boolean(),
  /** Null when anonymous and the viewer is not the reporter (the web app shows 匿名同仁). */
  reporterId: z.uuid().nullable(),
  reporterName: z.string().nullable(),
  /** The viewer filed it. */
  mine: z.boolean(),
  files: z.array(uploadedFile),
  closeReason: z.string().nullable(),
  crisisId: z.uuid().nullable(),
  crisisNumber: z.number().int().nullable(),
  triagedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type ReportView = z.infer<typeof reportView>;

/** The reporter's own reports, newest first. */
export const myReports = z.object({ reports: z.array(reportView) });

/** Which reports the queue shows. */
export const reportFilters = [...reportStatuses, 'all'] as const;
export type ReportFilter = (typeof reportFilters)[number];

/** The triage queue's query. */
export const reportListQuery = z.strictObject({ status: z.enum(reportFilters).default('new') });

/** The triage queue: new first, most urgent first, then newest; with counts per status. */
export const reportQueue = z.object({
  reports: z.array(reportView),
  counts: z.object({ new: z.number().int(), accepted: z.number().int(), attached: z.number().int(), closed: z.number().int() }),
});
export type ReportQueue = z.infer<typeof reportQueue>;

/** Attaching a report to an existing, open crisis (guarded by the report's version). */
export const attachInput = z.strictObject({ crisisId: z.uuid(), version: z.number().int().min(1) });

/** Closing a report without a crisis: the reason is shown to the reporter. */
export const closeInput = z.strictObject({ reason: z.string().trim().min(1).max(2000), version: z.number().int().min(1) });
