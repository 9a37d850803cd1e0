// Comments anchored to a statement's text (issue 6, drafting). Whoever may read the statement's draft may comment
// and reply — the crisis team, the officers, and the approvers, who read it exactly as `decideStatement` does
// (the statement readable on its crisis). A thread is made on one version's text; the server takes the quote and
// its surroundings from the stored version (never from the client) and re-anchors every thread to the head text
// when listing. Resolving and reopening are the thread's author's, the statement's author's, or a crisis 'work'
// holder's, guarded by the thread's `version`. Every change writes its event in the same transaction.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { type CrisisDeps, fieldError, type Meta } from '../../crises/server/access.ts';
import { type CommentInput, type CommentList, type CommentThread, quoteOf, reanchor } from '../comments-contract.ts';
import { conflict, headOf, type Loaded, loadStatement, namesOf, statementEvent, userIdOf } from './access.ts';

type CommentRow = {
  id: string;
  statement_id: string;
  version_number: number;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  body: string;
  parent_id: string | null;
  author_id: string | null;
  created_at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
  version: number;
};

const iso = (d: Date | string) => new Date(d).toISOString();
/** The quote as the event keeps it (the timeline shows what was commented on, not a whole paragraph). */
const short = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

/** May the caller resolve or reopen a thread: its author, the statement's author, or someone who works the crisis. */
function mayResolve(p: Principal, { s, c }: Loaded, thread: { author_id: string | null }): boolean {
  const me = userIdOf(p);
  return c.rights.work || (me !== null && (me === thread.author_id || me === s.created_by));
}

async function threadsOf(tx: Executor, p: Principal, loaded: Loaded, only?: string): Promise<CommentList> {
  const { s } = loaded;
  const head = await headOf(tx, s);
  const r = await tx.execute<CommentRow>(sql`
    SELECT * FROM statement_comments WHERE statement_id = ${s.id}
    ${only ? sql`AND (id = ${only} OR parent_id = ${only})` : sql``}
    ORDER BY created_at, id`);
  const names = await namesOf(
    tx,
    r.rows.flatMap((x) => [x.author_id, x.resolved_by]),
  );
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  const threads: CommentThread[] = [];
  const byId = new Map<string, CommentThread>();
  for (const x of r.rows) {
    if (x.parent_id) continue;
    const a = reanchor(head.text, x);
    const t: CommentThread = {
      id: x.id,
      versionNumber: x.version_number,
      quote: x.quote,
      prefix: x.prefix,
      suffix: x.suffix,
      ...a,
      body: x.body,
      author: person(x.author_id),
      createdAt: iso(x.created_at),
      resolved: x.resolved_at ? { at: iso(x.resolved_at), by: person(x.resolved_by) } : null,
      replies: [],
      canResolve: mayResolve(p, loaded, x),
      version: x.version,
    };
    threads.push(t);
    byId.set(x.id, t);
  }
  for (const x of r.rows)
    if (x.parent_id)
      byId.get(x.parent_id)?.replies.push({ id: x.id, body: x.body, author: person(x.author_id), createdAt: iso(x.created_at) });
  return { head: head.number, threads };
}

/** One thread as the caller sees it now (re-anchored to the head text). */
async function threadOf(tx: Executor, p: Principal, loaded: Loaded, id: string): Promise<CommentThread> {
  const t = (await threadsOf(tx, p, loaded, id)).threads[0];
  if (!t) throw notFound('No such comment.');
  return t;
}

/** Every thread of a statement with its replies, each re-anchored to the head version's text. */
export async function listComments(deps: CrisisDeps, p: Principal, statementId: string): Promise<CommentList> {
  return deps.db.transaction(async (tx) => threadsOf(tx, p, await loadStatement(tx, p, statementId, 'read')));
}

/** Starts a thread on a span of one version's text; the quote and its surroundings come from the stored version. */
export async function addComment(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  statementId: string,
  input: CommentInput,
  meta: Meta = {},
): Promise<CommentThread> {
  const now = deps.clock.now().toISOString();
  return deps.db.transaction(async (tx) => {
    const loaded = await loadStatement(tx, p, statementId, 'read');
    const { s, c } = loaded;
    const v = await tx.execute<{ text: string }>(
      sql`SELECT text FROM statement_versions WHERE statement_id = ${s.id} AND number = ${input.versionNumber}`,
    );
    const text = v.rows[0]?.text;
    if (text === undefined) throw fieldError('versionNumber', `This statement has no version ${input.versionNumber}.`, 'no_such_version');
    if (input.end > text.length)
      throw fieldError(
        'end',
        `The span must lie within the text of version ${input.versionNumber} (${text.length} characters).`,
        'out_of_range',
      );
    const q = quoteOf(text, input.start, input.end);
    if (!q.quote.trim()) throw fieldError('start', 'Select some words to comment on.', 'empty_quote');
    const r = await tx.execute<{ id: string }>(sql`
      INSERT INTO statement_comments (statement_id, version_number, start, "end", quote, prefix, suffix, body, author_id, created_at)
      VALUES (${s.id}, ${input.versionNumber}, ${input.start}, ${input.end}, ${q.quote}, ${q.prefix}, ${q.suffix}, ${input.body},
        ${userIdOf(p)}, ${now})
      RETURNING id`);
    const id = r.rows[0].id;
    await statementEvent(
      tx,
      deps.clock,
      c,
      s,
      {
        type: 'statement.comment_added',
        actor,
        data: { commentId: id, versionNumber: input.versionNumber, quote: short(q.quote) },
      },
      meta,
    );
    return threadOf(tx, p, loaded, id);
  });
}

/** Loads a thread (not a reply) of the statement, locked: anything else is 404. */
async function loadThread(tx: Executor, statementId: string, commentId: string): Promise<CommentRow> {
  const r = await tx.execute<CommentRow>(sql`
    SELECT * FROM statement_comments WHERE id = ${commentId} AND statement_id = ${statementId} AND parent_id IS NULL FOR UPDATE`);
  if (!r.rows[0]) throw notFound('No such comment.');
  return r.rows[0];
}

/** Replies to a thread. */
export async function replyToComment(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  statementId: string,
  commentId: string,
  input: { body: string },
  meta: Meta = {},
): Promise<CommentThread> {
  const now = deps.clock.now().toISOString();
  return deps.db.transaction(async (tx) => {
    const loaded = await loadStatement(tx, p, statementId, 'read');
    const { s, c } = loaded;
    const t = await loadThread(tx, s.id, commentId);
    const r = await tx.execute<{ id: string }>(sql`
      INSERT INTO statement_comments (statement_id, version_number, start, "end", quote, prefix, suffix, body, parent_id, author_id, created_at)
      VALUES (${s.id}, ${t.version_number}, ${t.start}, ${t.end}, ${t.quote}, '', '', ${input.body}, ${t.id}, ${userIdOf(p)}, ${now})
      RETURNING id`);
    await tx.execute(sql`UPDATE statement_comments SET version = version + 1 WHERE id = ${t.id}`);
    const users = t.author_id && t.author_id !== userIdOf(p) ? [t.author_id] : undefined;
    await statementEvent(
      tx,
      deps.clock,
      c,
      s,
      {
        type: 'statement.comment_replied',
        actor,
        users,
        data: { commentId: t.id, replyId: r.rows[0].id, quote: short(t.quote) },
      },
      meta,
    );
    return threadOf(tx, p, loaded, t.id);
  });
}

/** Resolves or reopens a thread, against the version the caller saw (409 when it changed meanwhile). */
export async function setCommentResolved(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  statementId: string,
  commentId: string,
  resolved: boolean,
  input: { version: number },
  meta: Meta = {},
): Promise<CommentThread> {
  const now = deps.clock.now().toISOString();
  return deps.db.transaction(async (tx) => {
    const loaded = await loadStatement(tx, p, statementId, 'read');
    const { s, c } = loaded;
    const t = await loadThread(tx, s.id, commentId);
    if (!mayResolve(p, loaded, t))
      throw new AppError('forbidden', 'Only the comment’s author, the statement’s author or the crisis team may resolve or reopen it.');
    if (input.version !== t.version)
      throw conflict(`Someone else changed this comment meanwhile (it is now at version ${t.version}); reload it and try again.`);
    if (resolved === (t.resolved_at !== null)) throw conflict(resolved ? 'This comment is already resolved.' : 'This comment is open.');
    await tx.execute(sql`
      UPDATE statement_comments SET resolved_at = ${resolved ? now : null}, resolved_by = ${resolved ? userIdOf(p) : null},
        version = version + 1
      WHERE id = ${t.id}`);
    await statementEvent(
      tx,
      deps.clock,
      c,
      s,
      {
        type: resolved ? 'statement.comment_resolved' : 'statement.comment_reopened',
        actor,
        data: { commentId: t.id, quote: short(t.quote) },
      },
      meta,
    );
    return threadOf(tx, p, loaded, t.id);
  });
}
