// Monitoring: zod schemas, types and event names shared by the server and the web app.
import { z } from 'zod';

/** Most mentions one push request may carry. */
export const MAX_BATCH = 1000;
/** Longest mention text accepted (characters). */
export const MAX_TEXT = 50_000;

export const sentiments = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof sentiments)[number];

// Refinements name their rejection code in `params.code` (see rejectionCodes); ingest maps the other zod issues.
// Control characters (except tab/newline/CR) are refused: PostgreSQL cannot store NUL, and the rest hide text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const wellFormed = (s: string) => s.isWellFormed() && !CONTROL.test(s);

/** A bounded piece of human text from the internet: well-formed Unicode, no control characters. */
export const hostileText = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .refine(wellFormed, { message: 'contains control characters or invalid Unicode', params: { code: 'invalid_unicode' } });

const count = z.number().int().min(0).max(1e12);

/** One mention as a collector sends it. `externalId` or `url` identifies it within its source. */
export const mentionInput = z
  .strictObject({
    source: hostileText(100).pipe(z.string().trim().min(1, 'required')),
    externalId: hostileText(500).optional(),
    url: z
      .string()
      .max(2000)
      .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), { message: 'must be an http(s) URL', params: { code: 'bad_url' } })
      .optional(),
    author: hostileText(200).optional(),
    authorFollowers: count.optional(),
    title: hostileText(1000).optional(),
    text: hostileText(MAX_TEXT).refine((t) => t.trim().length > 0, { message: 'text is empty', params: { code: 'text_empty' } }),
    publishedAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone' }),
    lang: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag')
      .optional(),
    metrics: z
      .strictObject({ likes: count.optional(), shares: count.optional(), comments: count.optional(), views: count.optional() })
      .optional(),
    raw: z.unknown().optional(),
  })
  .refine((m) => m.externalId !== undefined || m.url !== undefined, {
    message: 'needs externalId or url',
    path: ['externalId'],
    params: { code: 'missing_id' },
  });
export type MentionInput = z.infer<typeof mentionInput>;

/** The push API body: items are checked one by one, so a bad item never sinks the batch. */
export const pushInput = z.strictObject({
  mentions: z.array(z.unknown()).min(1, 'send at least one mention').max(MAX_BATCH, `at most ${MAX_BATCH} mentions per request`),
});

/**
 * Stable codes of why an item is rejected (next to the English `reason`), for programs and for
 * translating the reason. `invalid` is the fallback for problems without a code of their own.
 */
export const rejectionCodes = [
  'not_object',
  'bad_json',
  'unknown_field',
  'missing_field',
  'missing_id',
  'text_empty',
  'text_too_long',
  'invalid_unicode',
  'bad_url',
  'bad_date',
  'date_too_old',
  'date_in_future',
  'bad_lang',
  'bad_number',
  'raw_too_large',
  'too_many_fields',
  'source_unknown',
  'source_paused',
  'source_not_push',
  'invalid',
] as const;
export type RejectionCode = (typeof rejectionCodes)[number];

/** Why an item is rejected: a stable code and the field it concerns (next to the English reason). */
export const rejectionDetail = {
  code: z
    .enum(rejectionCodes)
    .optional()
    .describe('Set when rejected: a stable code for why (`invalid` when no more specific one applies); `reason` says it in English.'),
  field: z
    .string()
    .optional()
    .describe('Set when rejected because of one field: its dotted path (e.g. `publishedAt`, `metrics.likes`, or an unknown key).'),
};

export const itemResult = z.object({
  index: z.number().int(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  id: z.number().int().optional(),
  reason: z.string().optional().describe('Why the item was rejected or is a duplicate, in English.'),
  ...rejectionDetail,
});
export const pushResult = z.object({
  accepted: z.number().int(),
  duplicate: z.number().int(),
  rejected: z.number().int(),
  items: z.array(itemResult),
});
export type PushResult = z.infer<typeof pushResult>;

export const mentionOut = z.object({
  id: z.number().int(),
  sourceId: z.uuid(),
  sourceName: z.string(),
  url: z.string().nullable(),
  author: z.string().nullable(),
  authorFollowers: z.number().int().nullable(),
  title: z.string().nullable(),
  text: z.string(),
  lang: z.string(),
  publishedAt: z.string(),
  collectedAt: z.string(),
  metrics: z.object({
    likes: z.number().nullable(),
    shares: z.number().nullable(),
    comments: z.number().nullable(),
    views: z.number().nullable(),
  }),
  /** An estimate from followers and engagement (views when the source reports them). */
  reachEstimate: z.number().int(),
  clusterId: z.number().int().nullable(),
  /** How many stored mentions share this mention's repost cluster (detail view only). */
  clusterSize: z.number().int().optional(),
  sentiment: z.enum(sentiments),
  sentimentScore: z.number(),
  sentimentConfidence: z.number(),
  sentimentCorrected: z.boolean(),
  topicIds: z.array(z.uuid()),
  /** [start, end) ranges in `text` that matched the search or topic, for highlighting. */
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
});
export type Mention = z.infer<typeof mentionOut>;

export const mentionQuery = z.strictObject({
  q: z.string().max(2000).optional(),
  topicId: z.uuid().optional(),
  sourceId: z.uuid().optional(),
  sentiment: z.enum(sentiments).optional(),
  lang: z.string().max(20).optional(),
  author: z.string().max(200).optional(),
  /** Only the mentions of one repost cluster (the id of its first mention). */
  clusterId: z.coerce.number().int().positive().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type MentionQuery = z.infer<typeof mentionQuery>;

export const mentionPage = z.object({ mentions: z.array(mentionOut), nextBefore: z.number().int().nullable() });

export const correctSentimentInput = z.strictObject({ sentiment: z.enum(sentiments) });

/** Event types this feature writes. */
export const monitoringEvents = [
  'mention.batch_ingested',
  'mention.sentiment_corrected',
  'source.created',
  'source.updated',
  'topic.created',
  'topic.updated',
] as const;
