// Statement API shapes (聲明稿), shared by the server and the web app: kinds, statuses, the restricted rich-text
// document a version holds (never HTML) and its plain text, the communication plan and fact sheet, approvals
// bound to a content hash, and publications.
import { z } from 'zod';
import { severities } from '../warnings/contract.ts';

/** What a statement is for. */
export const statementKinds = [
  'holding',
  'apology',
  'clarification',
  'update',
  'closing',
  'internal_memo',
  'cs_script',
  'media_qa',
] as const;
export type StatementKind = (typeof statementKinds)[number];

/** Approval chains are set per severity and per kind group: internal memos go inward, everything else outward. */
export const kindGroups = ['external', 'internal'] as const;
export type KindGroup = (typeof kindGroups)[number];
export const kindGroupOf = (kind: StatementKind): KindGroup => (kind === 'internal_memo' ? 'internal' : 'external');

/**
 * draft → in_review (submitted; the chain decides step by step) → approved (every step approved this exact text,
 * or the commander overrode) → published. A request for changes or a rejection stops the chain; any edit returns
 * the statement to draft and resets the approvals given.
 */
export const statementStatuses = ['draft', 'in_review', 'changes_requested', 'rejected', 'approved', 'published', 'withdrawn'] as const;
export type StatementStatus = (typeof statementStatuses)[number];

/** Languages a statement is written in. */
export const statementLanguages = ['zh-TW', 'en'] as const;
export type StatementLanguage = (typeof statementLanguages)[number];

/** Where a statement goes out (also the channel variants). */
export const publishChannels = ['press_release', 'facebook', 'instagram', 'threads', 'x', 'website', 'line', 'email', 'other'] as const;
export type PublishChannel = (typeof publishChannels)[number];

/** Built-in audiences of a communication plan ('custom' carries its own name). */
export const audienceKinds = ['customers', 'affected', 'media', 'employees', 'regulators', 'investors', 'partners', 'custom'] as const;
export type AudienceKind = (typeof audienceKinds)[number];

/** An approval decision. */
export const approvalDecisions = ['approved', 'changes_requested', 'rejected'] as const;
export type ApprovalDecision = (typeof approvalDecisions)[number];

/** Longest statement text (characters of plain text); a longer paste is refused with a clear message. */
export const MAX_STATEMENT_CHARS = 100_000;

// ---------------------------------------------------------------------------------------------------------
// The document: a restricted subset of the editor's (ProseMirror/Tiptap) JSON. Validated strictly, rendered
// only as React elements, never as HTML.

// No length on a text node: the whole text's length is the service's (create.ts `checkLength`: 413 "statement too
// long", whatever the shape of the document); the route's body limit bounds what is parsed at all.
const textNode = z.strictObject({
  type: z.literal('text'),
  text: z.string().min(1),
  marks: z
    .array(z.strictObject({ type: z.enum(['bold', 'italic', 'underline']) }))
    .max(3)
    .optional(),
});
const hardBreak = z.strictObject({ type: z.literal('hardBreak') });
const inline = z.array(z.discriminatedUnion('type', [textNode, hardBreak])).max(5000);

const paragraph = z.strictObject({ type: z.literal('paragraph'), content: inline.optional() });
const heading = z.strictObject({
  type: z.literal('heading'),
  attrs: z.strictObject({ level: z.union([z.literal(2), z.literal(3)]) }),
  content: inline.optional(),
});
const listItem = z.strictObject({ type: z.literal('listItem'), content: z.array(paragraph).min(1).max(20) });
const bulletList = z.strictObject({ type: z.literal('bulletList'), content: z.array(listItem).min(1).max(500) });
const orderedList = z.strictObject({
  type: z.literal('orderedList'),
  attrs: z.strictObject({ start: z.number().int().min(1).max(10_000) }).optional(),
  content: z.array(listItem).min(1).max(500),
});
const block = z.discriminatedUnion('type', [paragraph, heading, bulletList, orderedList]);

/** A statement's rich text: paragraphs, headings (2–3), bullet and numbered lists; bold, italic, underline. */
export const statementDoc = z.strictObject({ type: z.literal('doc'), content: z.array(block).max(5000) });
export type StatementDoc = z.infer<typeof statementDoc>;
type Inline = z.infer<typeof inline>;

function inlineText(content: Inline | undefined): string {
  return (content ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join('');
}

/**
 * The plain text of a document: each text block (paragraph, heading, a list item's paragraph) in order,
 * joined by one newline; a hard break is a newline. The editor computes the same text, so a checker finding's
 * offsets in it map back to positions in the editor.
 */
export function docToText(doc: StatementDoc): string {
  const lines: string[] = [];
  for (const b of doc.content) {
    if (b.type === 'paragraph' || b.type === 'heading') lines.push(inlineText(b.content));
    else for (const item of b.content) for (const p of item.content) lines.push(inlineText(p.content));
  }
  return lines.join('\n');
}

/** A document of plain paragraphs from text (one paragraph per line; templates and the CLI use it). */
export function textToDoc(text: string): StatementDoc {
  return {
    type: 'doc',
    content: text
      .split('\n')
      .map((line) => (line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Communication plan and fact sheet

const line = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max);

export const commAudience = z.object({
  id: z.uuid(),
  kind: z.enum(audienceKinds),
  name: z.string().nullable(),
  channels: z.array(z.enum(publishChannels)),
  keyMessages: z.string(),
  spokesperson: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  timing: z.string(),
  owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  position: z.number().int(),
  version: z.number().int(),
});
export type CommAudience = z.infer<typeof commAudience>;

export const commPlan = z.object({
  crisisId: z.uuid(),
  objectives: z.string(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  audiences: z.array(commAudience),
});
export type CommPlan = z.infer<typeof commPlan>;

export const planInput = z.strictObject({ objectives: optionalText(5000), version: z.number().int().min(0) });

export const audienceInput = z.strictObject({
  kind: z.enum(audienceKinds),
  name: optionalText(100).optional(),
  channels: z.array(z.enum(publishChannels)).max(publishChannels.length).default([]),
  keyMessages: optionalText(5000).default(''),
  spokespersonId: z.uuid().nullable().optional(),
  timing: optionalText(500).default(''),
  ownerId: z.uuid().nullable().optional(),
});
export const audiencePatch = audienceInput.partial().extend({ version: z.number().int().min(1) });

export const factKinds = ['fact', 'question'] as const;
export type FactKind = (typeof factKinds)[number];

export const crisisFact = z.object({
  id: z.uuid(),
  kind: z.enum(factKinds),
  text: z.string(),
  source: z.string().nullable(),
  answer: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  retiredAt: z.string().nullable(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type CrisisFact = z.infer<typeof crisisFact>;

export const factInput = z.strictObject({
  kind: z.enum(factKinds),
  text: line(2000),
  source: optionalText(500).optional(),
  answer: optionalText(5000).optional(),
  /** ISO time the fact was confirmed; defaults to now for facts. */
  confirmedAt: z.iso.datetime({ offset: true }).optional(),
});
export const factPatch = z.strictObject({
  text: line(2000).optional(),
  source: optionalText(500).nullable().optional(),
  answer: optionalText(5000).nullable().optional(),
  confirmedAt: z.iso.datetime({ offset: true }).nullable().optional(),
  /** true: the fact is no longer true (kept, struck through, not compared against); false: restore it. */
  retired: z.boolean().optional(),
  version: z.number().int().min(1),
});

// ---------------------------------------------------------------------------------------------------------
// Statements

const person = z.object({ id: z.uuid(), name: z.string() });

/** A checker finding as stored with a version (see checker/index.ts `Finding`). */
export const storedFinding = z.object({
  category: z.string(),
  rule: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  excerpt: z.string(),
  message: z.string(),
  suggestion: z.string(),
  law: z.string().optional(),
  ref: z.object({ text: z.string(), source: z.enum(['fact', 'statement']), index: z.number().int() }).optional(),
});
export type StoredFinding = z.infer<typeof storedFinding>;

/** A finding a reviewer accepted as a risk, with the reason. */
export const acceptedRisk = z.object({
  rule: z.string(),
  category: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  excerpt: z.string(),
  reason: z.string(),
  by: person,
  at: z.string(),
});
export type AcceptedRisk = z.infer<typeof acceptedRisk>;

export const versionMeta = z.object({
  number: z.number().int(),
  contentHash: z.string(),
  author: person.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  chars: z.number().int(),
  findings: z.number().int(),
});
export type VersionMeta = z.infer<typeof versionMeta>;

export const statementVersion = versionMeta.extend({
  body: statementDoc,
  text: z.string(),
  findings: z.array(storedFinding),
  accepted: z.array(acceptedRisk),
});
export type StatementVersion = z.infer<typeof statementVersion>;

export const approvalEntry = z.object({
  id: z.uuid(),
  versionNumber: z.number().int(),
  contentHash: z.string(),
  step: z.number().int(),
  role: z.string(),
  approver: person,
  asBackup: z.boolean(),
  decision: z.enum(approvalDecisions),
  comment: z.string().nullable(),
  decidedAt: z.string(),
  resetAt: z.string().nullable(),
});
export type ApprovalEntry = z.infer<typeof approvalEntry>;

/** One step of the chain as it stands for the head version. */
export const chainStep = z.object({
  step: z.number().int(),
  role: z.string(),
  /** Who may decide: the holder of the role on this crisis (if any) and the named backups. */
  holder: person.nullable(),
  backups: z.array(person),
  state: z.enum(['waiting', 'current', 'approved', 'changes_requested', 'rejected']),
  decision: approvalEntry.nullable(),
});
export type ChainStep = z.infer<typeof chainStep>;

export const publication = z.object({
  id: z.uuid(),
  versionNumber: z.number().int(),
  contentHash: z.string(),
  channel: z.enum(publishChannels),
  url: z.string().nullable(),
  note: z.string().nullable(),
  publishedBy: person,
  publishedAt: z.string(),
});
export type Publication = z.infer<typeof publication>;

export const statementSummary = z.object({
  id: z.uuid(),
  crisisId: z.uuid(),
  crisisNumber: z.number().int(),
  crisisTitle: z.string(),
  kind: z.enum(statementKinds),
  language: z.enum(statementLanguages),
  title: z.string(),
  status: z.enum(statementStatuses),
  head: z.number().int(),
  approvedVersion: z.number().int().nullable(),
  overridden: z.boolean(),
  /** The due time of the playbook task this statement answers (its clock), if any. */
  dueAt: z.string().nullable(),
  /** Open (not accepted) findings on the head version. */
  openFindings: z.number().int(),
  /** True when the caller is the one who may decide the current step. */
  awaitingMe: z.boolean(),
  createdBy: person.nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type StatementSummary = z.infer<typeof statementSummary>;

export const statementDetail = statementSummary.extend({
  audienceId: z.uuid().nullable(),
  override: z.object({ by: person, reason: z.string(), at: z.string() }).nullable(),
  headVersion: statementVersion,
  versions: z.array(versionMeta),
  chain: z.array(chainStep),
  approvals: z.array(approvalEntry),
  publications: z.array(publication),
  /** What inconsistent_fact compares against: the crisis's current facts and earlier approved statements. */
  reference: z.object({ facts: z.array(z.object({ text: z.string() })), statements: z.array(z.string()) }),
  /** What the caller may do now. */
  can: z.object({ edit: z.boolean(), submit: z.boolean(), decide: z.boolean(), override: z.boolean(), publish: z.boolean() }),
});
export type StatementDetail = z.infer<typeof statementDetail>;

export const statementListQuery = z.strictObject({
  status: z.enum(statementStatuses).optional(),
  /** Only statements waiting for the caller's decision. */
  awaitingMe: z.enum(['true', 'false']).optional(),
});

export const statementInput = z.strictObject({
  kind: z.enum(statementKinds),
  language: z.enum(statementLanguages),
  title: line(200),
  audienceId: z.uuid().optional(),
  /** Start from a template (shipped `builtin:<kind>:<language>` or an organisation template's id) … */
  templateId: z.string().max(100).optional(),
  /** … with its fill-in fields … */
  fields: z.record(z.string().max(50), z.string().max(2000)).optional(),
  /** … or from a document. Neither: an empty statement. */
  body: statementDoc.optional(),
});

export const statementPatch = z.strictObject({
  title: line(200).optional(),
  audienceId: z.uuid().nullable().optional(),
  version: z.number().int().min(1),
});

/** Saving the text: `base` is the head version number the editor started from (409 when it moved on). */
export const textInput = z.strictObject({
  base: z.number().int().min(1),
  body: statementDoc,
  /** An autosave may replace the author's own unsubmitted latest version instead of adding one. */
  autosave: z.boolean().default(false),
});

export const acceptInput = z.strictObject({
  rule: z.string().max(100),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  reason: line(1000),
});

export const submitInput = z.strictObject({ head: z.number().int().min(1) });

export const decisionInput = z.strictObject({
  /** The version decided on and its hash, as the approver saw them (409 when the text changed meanwhile). */
  versionNumber: z.number().int().min(1),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  decision: z.enum(approvalDecisions),
  comment: optionalText(2000).optional(),
});

export const overrideInput = z.strictObject({ head: z.number().int().min(1), reason: line(2000) });

export const publishInput = z.strictObject({
  channel: z.enum(publishChannels),
  url: z
    .string()
    .trim()
    .max(2000)
    .pipe(z.url({ protocol: /^https?$/, message: 'The address must be http:// or https://.' }))
    .optional(),
  note: optionalText(500).optional(),
});

/** A statement template: shipped (`builtin:…`, read-only) or the organisation's own. */
export const statementTemplate = z.object({
  id: z.string(),
  builtin: z.boolean(),
  kind: z.enum(statementKinds),
  language: z.enum(statementLanguages),
  crisisType: z.string().nullable(),
  name: z.string(),
  body: z.string(),
  /** The `{{field}}` names in the body, in order of first use. */
  fields: z.array(z.string()),
  legalSignedAt: z.string().nullable(),
  legalSignedBy: person.nullable(),
  version: z.number().int(),
});
export type StatementTemplate = z.infer<typeof statementTemplate>;

export const templateInput = z.strictObject({
  kind: z.enum(statementKinds),
  language: z.enum(statementLanguages),
  crisisType: z.string().max(60).nullable().optional(),
  name: line(200),
  body: line(20_000),
});

/** One approval chain: the roles in order, each with named backups. */
export const chainStepInput = z.strictObject({ role: z.string().min(1).max(60), backups: z.array(z.uuid()).max(5).default([]) });
export const approvalChain = z.object({
  severity: z.enum(severities),
  kindGroup: z.enum(kindGroups),
  steps: z.array(z.object({ role: z.string(), backups: z.array(person) })),
  custom: z.boolean(),
  version: z.number().int(),
});
export type ApprovalChain = z.infer<typeof approvalChain>;
export const chainInput = z.strictObject({ steps: z.array(chainStepInput).min(1).max(6), version: z.number().int().min(0) });

// ---------------------------------------------------------------------------------------------------------
// Lists as the API returns them (added with the server)

export const statementList = z.object({ statements: z.array(statementSummary) });
export const factList = z.object({ facts: z.array(crisisFact) });
export const templateList = z.object({ templates: z.array(statementTemplate) });
export const chainList = z.object({ chains: z.array(approvalChain) });
export const templatePatch = templateInput.partial().extend({ version: z.number().int().min(1) });

/**
 * A text save against an older head is a 409 whose problem details carry the current head in
 * `errors[0]` (`{ path: 'base', code: HEAD_MOVED, limit: <head number> }`): the editor keeps its text and shows
 * the conflict.
 */
export const HEAD_MOVED = 'head_moved';
