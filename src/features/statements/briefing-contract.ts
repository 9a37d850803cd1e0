// API shapes of what an approved statement feeds, shared by the server and the web app: the customer-service
// answer book (Q&A entries linked to a statement and its approved version, retired when a newer statement of the
// same kind is approved) and the internal employee briefing (對外口徑: what to say, what not to say) with each
// recipient's acknowledgement.
import { z } from 'zod';
import { statementKinds } from './contract.ts';

const line = (max: number) => z.string().trim().min(1).max(max);
const person = z.object({ id: z.uuid(), name: z.string() });

/** Most entries one request may add, and the longest question and answer. */
export const MAX_ANSWER_ENTRIES = 50;
export const MAX_QUESTION_CHARS = 500;
export const MAX_ANSWER_CHARS = 5000;
export const MAX_BRIEFING_CHARS = 5000;

export const answersInput = z.strictObject({
  entries: z
    .array(z.strictObject({ question: line(MAX_QUESTION_CHARS), answer: line(MAX_ANSWER_CHARS) }))
    .min(1)
    .max(MAX_ANSWER_ENTRIES),
});
export type AnswersInput = z.infer<typeof answersInput>;

export const answerEntry = z.object({
  id: z.uuid(),
  statementId: z.uuid(),
  statementTitle: z.string(),
  statementKind: z.enum(statementKinds),
  /** The approved version of the statement the entry was made from. */
  versionNumber: z.number().int(),
  question: z.string(),
  answer: z.string(),
  position: z.number().int(),
  createdAt: z.string(),
  /** When a newer approved statement (or version) superseded it; null while it is in force. */
  retiredAt: z.string().nullable(),
});
export type AnswerEntry = z.infer<typeof answerEntry>;
export const answerList = z.array(answerEntry);

export const answersQuery = z.strictObject({
  /** Also the retired entries. */
  all: z.enum(['true', 'false']).optional(),
  /** Only the entries made from this statement. */
  statementId: z.uuid().optional(),
});

export const briefingInput = z.strictObject({
  title: line(200),
  /** What employees may say (one point a line). */
  say: line(MAX_BRIEFING_CHARS),
  /** What they must not say (one point a line). */
  dontSay: line(MAX_BRIEFING_CHARS),
  /** The departments it goes to; empty: everyone in the organisation (guests never). */
  departmentIds: z.array(z.uuid()).max(100).default([]),
});
export type BriefingInput = z.infer<typeof briefingInput>;

export const departmentRef = z.object({ id: z.uuid(), kind: z.string().nullable(), name: z.string().nullable() });
export type DepartmentRef = z.infer<typeof departmentRef>;

/** A briefing as its recipient reads it. */
export const briefing = z.object({
  id: z.uuid(),
  statementId: z.uuid().nullable(),
  statementTitle: z.string().nullable(),
  title: z.string(),
  say: z.string(),
  dontSay: z.string(),
  sentBy: person.nullable(),
  sentAt: z.string(),
  /** Whether the caller is a recipient, and when they acknowledged it (null: not yet). */
  recipient: z.boolean(),
  ackedAt: z.string().nullable(),
});
export type Briefing = z.infer<typeof briefing>;

/** One of my briefings in my list. */
export const myBriefing = briefing.pick({ id: true, title: true, statementTitle: true, sentBy: true, sentAt: true, ackedAt: true });
export type MyBriefing = z.infer<typeof myBriefing>;
export const myBriefingList = z.array(myBriefing);

/** A briefing as the crisis team tracks it: who got it and who has not acknowledged it yet. */
export const briefingStatus = z.object({
  id: z.uuid(),
  statementId: z.uuid().nullable(),
  statementTitle: z.string().nullable(),
  title: z.string(),
  say: z.string(),
  dontSay: z.string(),
  departments: z.array(departmentRef),
  sentBy: person.nullable(),
  sentAt: z.string(),
  recipients: z.number().int(),
  acked: z.number().int(),
  /** The recipients who have not acknowledged it, with their department. */
  notAcked: z.array(person.extend({ department: departmentRef.nullable() })),
});
export type BriefingStatus = z.infer<typeof briefingStatus>;
export const briefingStatusList = z.array(briefingStatus);

export const briefingsQuery = z.strictObject({ statementId: z.uuid().optional() });
