// Comments anchored to a statement's text, shared by the server and the web app: the API shapes, and the
// anchoring itself. A thread is made on one version's plain text (`docToText`, UTF-16 offsets, as the checker's);
// it keeps the quoted words and up to 32 characters around them, so later versions find the quote again — the
// occurrence whose surroundings match best, nearest the old place — or say plainly that it is gone ('lost').
import { z } from 'zod';

/** How much text around a quote is kept to re-anchor it. */
export const CONTEXT_CHARS = 32;
/** The longest comment or reply. */
export const MAX_COMMENT_CHARS = 4000;

const person = z.object({ id: z.uuid(), name: z.string() });
const body = z.string().trim().min(1).max(MAX_COMMENT_CHARS);

export const commentInput = z
  .strictObject({
    versionNumber: z.number().int().min(1).max(1_000_000),
    start: z.number().int().min(0).max(10_000_000),
    end: z.number().int().min(1).max(10_000_000),
    body,
  })
  .refine((x) => x.start < x.end, { path: ['end'], message: 'The end must come after the start.' });
export type CommentInput = z.infer<typeof commentInput>;

export const replyInput = z.strictObject({ body });
export const resolveInput = z.strictObject({ version: z.number().int().min(1) });

export const anchorStates = ['exact', 'moved', 'lost'] as const;
export type AnchorState = (typeof anchorStates)[number];

export const commentReply = z.object({
  id: z.uuid(),
  body: z.string(),
  author: person.nullable(),
  createdAt: z.string(),
});
export type CommentReply = z.infer<typeof commentReply>;

export const commentThread = z.object({
  id: z.uuid(),
  /** The version the comment was made on, and its span there. */
  versionNumber: z.number().int(),
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  /** The span in the head version's text; null when the quote is no longer in it. */
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
  anchor: z.enum(anchorStates),
  body: z.string(),
  author: person.nullable(),
  createdAt: z.string(),
  resolved: z.object({ at: z.string(), by: person.nullable() }).nullable(),
  replies: z.array(commentReply),
  /** Whether the caller may resolve or reopen it. */
  canResolve: z.boolean(),
  version: z.number().int(),
});
export type CommentThread = z.infer<typeof commentThread>;

export const commentList = z.object({
  /** The head version number whose text the spans are in. */
  head: z.number().int(),
  threads: z.array(commentThread),
});
export type CommentList = z.infer<typeof commentList>;

/** The quote at [start, end) of `text` with the context kept around it. */
export function quoteOf(text: string, start: number, end: number): { quote: string; prefix: string; suffix: string } {
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
  };
}

/** How many characters of `prefix` end just before `at` in `text`, plus how many of `suffix` start at `after`. */
function contextScore(text: string, at: number, after: number, prefix: string, suffix: string): number {
  let score = 0;
  for (let i = 1; i <= prefix.length && at - i >= 0 && text[at - i] === prefix[prefix.length - i]; i++) score++;
  for (let i = 0; i < suffix.length && after + i < text.length && text[after + i] === suffix[i]; i++) score++;
  return score;
}

export type Anchored = { start: number; end: number; anchor: 'exact' | 'moved' } | { start: null; end: null; anchor: 'lost' };

/**
 * Finds a quote again in `text`: among its occurrences, the one whose surroundings match the kept prefix and
 * suffix best, then the one nearest the old start. 'exact' when it is where it was, 'moved' when elsewhere, 'lost'
 * when the words are no longer there.
 */
export function reanchor(text: string, a: { quote: string; prefix: string; suffix: string; start: number }): Anchored {
  if (!a.quote) return { start: null, end: null, anchor: 'lost' };
  let best = -1;
  let bestScore = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let at = text.indexOf(a.quote); at >= 0; at = text.indexOf(a.quote, at + 1)) {
    const score = contextScore(text, at, at + a.quote.length, a.prefix, a.suffix);
    const distance = Math.abs(at - a.start);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = at;
      bestScore = score;
      bestDistance = distance;
    }
  }
  if (best < 0) return { start: null, end: null, anchor: 'lost' };
  return { start: best, end: best + a.quote.length, anchor: best === a.start ? 'exact' : 'moved' };
}
