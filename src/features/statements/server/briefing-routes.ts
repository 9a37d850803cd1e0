// Routes of what an approved statement feeds: the crisis's customer-service answer book and the employee
// briefings (對外口徑) with their acknowledgements. Each route: a schema, a permission, one service call; the
// crisis's rights (and, for a briefing, being its recipient) are decided by the services.
import { z } from 'zod';
import { actorOf, type Principal, type Router } from '../../../platform/http.ts';
import type { CrisisDeps } from '../../crises/server/access.ts';
import * as b from '../briefing-contract.ts';
import { addAnswers, listAnswers } from './answers.ts';
import { ackBriefing, crisisBriefings, getBriefing, myBriefings, remindBriefing, sendBriefing } from './briefings.ts';

const me = (p: Principal | null) => p as Principal;
const meta = (ctx: { requestId: string; ip: string }) => ({ requestId: ctx.requestId, ip: ctx.ip });
const crisisParam = z.strictObject({ id: z.uuid() });
const statementParam = z.strictObject({ statementId: z.uuid() });
const briefingParam = z.strictObject({ id: z.uuid() });
/** The answer to a reminder (web: briefings/queries.ts `BriefingReminder` says the same). */
const briefingReminder = z.object({
  /** How many people were reminded (those who had not acknowledged). */
  reminded: z.number().int(),
  /** The earliest time the next reminder may go. */
  nextAllowedAt: z.string(),
  briefing: b.briefingStatus,
});

/** Registers the answer-book and briefing routes. */
export function registerBriefingRoutes(r: Router, deps: CrisisDeps) {
  const tags = ['statements'];
  r.add({
    method: 'POST',
    url: '/api/statements/:statementId/answers',
    summary: 'Add customer-service Q&A entries from an approved statement (linked to its approved version)',
    tags,
    permission: 'crisis.work',
    params: statementParam,
    body: b.answersInput,
    status: 201,
    response: b.answerList,
    handler: (ctx) => addAnswers(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.statementId, ctx.body, meta(ctx)),
  });
  r.add({
    method: 'GET',
    url: '/api/crises/:id/answers',
    summary: 'The crisis’s answer book: entries in force (`?all=true`: retired ones too; `?statementId=`)',
    tags,
    permission: 'crisis.read',
    params: crisisParam,
    query: b.answersQuery,
    response: b.answerList,
    handler: (ctx) => listAnswers(deps, me(ctx.principal), ctx.params.id, ctx.query),
  });
  r.add({
    method: 'POST',
    url: '/api/statements/:statementId/briefings',
    summary: 'Send an employee briefing (what to say / not to say) from an approved statement to departments or everyone',
    tags,
    permission: 'crisis.work',
    params: statementParam,
    body: b.briefingInput,
    status: 201,
    response: b.briefingStatus,
    handler: (ctx) => sendBriefing(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.statementId, ctx.body, meta(ctx)),
  });
  r.add({
    method: 'GET',
    url: '/api/crises/:id/briefings',
    summary: 'The crisis’s briefings: recipients, acknowledgements and who has not acknowledged (`?statementId=`)',
    tags,
    permission: 'crisis.read',
    params: crisisParam,
    query: b.briefingsQuery,
    response: b.briefingStatusList,
    handler: (ctx) => crisisBriefings(deps, me(ctx.principal), ctx.params.id, ctx.query),
  });
  r.add({
    method: 'POST',
    url: '/api/briefings/:id/remind',
    summary:
      'Remind the recipients who have not acknowledged a briefing (by e-mail, quiet hours respected); at most once per 30 minutes (409 with `errors[0].limit` seconds to wait)',
    tags,
    permission: 'crisis.work',
    params: briefingParam,
    response: briefingReminder,
    handler: (ctx) => remindBriefing(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, meta(ctx)),
  });
  r.add({
    method: 'GET',
    url: '/api/briefings/mine',
    summary: 'The briefings sent to me, newest first, with my acknowledgement',
    tags,
    permission: 'briefing.receive',
    response: b.myBriefingList,
    handler: (ctx) => myBriefings(deps, me(ctx.principal)),
  });
  r.add({
    method: 'GET',
    url: '/api/briefings/:id',
    summary: 'One briefing (its recipients, or the crisis team)',
    tags,
    permission: 'briefing.receive',
    params: briefingParam,
    response: b.briefing,
    handler: (ctx) => getBriefing(deps, me(ctx.principal), ctx.params.id),
  });
  r.add({
    method: 'POST',
    url: '/api/briefings/:id/ack',
    summary: 'Acknowledge a briefing sent to me (idempotent)',
    tags,
    permission: 'briefing.receive',
    params: briefingParam,
    response: b.briefing,
    handler: (ctx) => ackBriefing(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, meta(ctx)),
  });
}
