// Comment routes: threads anchored to a statement's text, replies, resolve and reopen. Each route: a schema, a
// permission ('crisis.read': whoever may read the statement's draft may comment), one service call; the finer
// rules (resolving) are the service's.
import { z } from 'zod';
import { actorOf, type Principal, type Router } from '../../../platform/http.ts';
import type { CrisisDeps } from '../../crises/server/access.ts';
import { commentInput, commentList, commentThread, replyInput, resolveInput } from '../comments-contract.ts';
import { addComment, listComments, replyToComment, setCommentResolved } from './comments.ts';

const me = (p: Principal | null) => p as Principal;
const meta = (ctx: { requestId: string; ip: string }) => ({ requestId: ctx.requestId, ip: ctx.ip });
const statementParam = z.strictObject({ statementId: z.uuid() });
const commentParams = z.strictObject({ statementId: z.uuid(), commentId: z.uuid() });

/** Registers the comment routes. */
export function registerCommentRoutes(r: Router, deps: CrisisDeps) {
  const tags = ['statements'];
  r.add({
    method: 'GET',
    url: '/api/statements/:statementId/comments',
    summary: 'The comment threads of a statement with their replies, each re-anchored to the head text (exact, moved or lost)',
    tags,
    permission: 'crisis.read',
    params: statementParam,
    response: commentList,
    handler: (ctx) => listComments(deps, me(ctx.principal), ctx.params.statementId),
  });
  r.add({
    method: 'POST',
    url: '/api/statements/:statementId/comments',
    summary: 'Comment on a span of one version’s text (the server takes the quote from the stored version)',
    tags,
    permission: 'crisis.read',
    params: statementParam,
    body: commentInput,
    status: 201,
    response: commentThread,
    handler: (ctx) => addComment(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.statementId, ctx.body, meta(ctx)),
  });
  r.add({
    method: 'POST',
    url: '/api/statements/:statementId/comments/:commentId/replies',
    summary: 'Reply to a comment thread',
    tags,
    permission: 'crisis.read',
    params: commentParams,
    body: replyInput,
    status: 201,
    response: commentThread,
    handler: (ctx) =>
      replyToComment(
        deps,
        me(ctx.principal),
        actorOf(me(ctx.principal)),
        ctx.params.statementId,
        ctx.params.commentId,
        ctx.body,
        meta(ctx),
      ),
  });
  for (const [verb, resolved] of [
    ['resolve', true],
    ['reopen', false],
  ] as const)
    r.add({
      method: 'POST',
      url: `/api/statements/:statementId/comments/:commentId/${verb}`,
      summary: resolved
        ? 'Resolve a thread (its author, the statement’s author or the crisis team; 409 on a stale version)'
        : 'Reopen a resolved thread (409 on a stale version)',
      tags,
      permission: 'crisis.read',
      params: commentParams,
      body: resolveInput,
      response: commentThread,
      handler: (ctx) =>
        setCommentResolved(
          deps,
          me(ctx.principal),
          actorOf(me(ctx.principal)),
          ctx.params.statementId,
          ctx.params.commentId,
          resolved,
          ctx.body,
          meta(ctx),
        ),
    });
}
