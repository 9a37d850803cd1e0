// Monitoring routes: the push API, the mention explorer, topics and sources.
import { z } from 'zod';
import { actorOf, type Principal, type Router } from '../../../platform/http.ts';
import * as c from '../contract.ts';
import { registerDashboardRoutes } from './dashboard-routes.ts';
import type { MonitoringDeps } from './deps.ts';
import { registerImportRoutes } from './import-routes.ts';
import { ingestMentions } from './ingest.ts';
import { getMention, searchMentions } from './search.ts';
import { registerSourceRoutes } from './source-routes.ts';
import { correctSentiment } from './sources.ts';
import { createTopic, listTopics, previewTopic, reapplyTopic, updateTopic } from './topics.ts';

const me = (p: Principal | null) => p as Principal;
const meta = (ctx: { requestId: string; ip: string }) => ({ requestId: ctx.requestId, ip: ctx.ip });
const mentionId = z.strictObject({ id: z.coerce.number().int().positive() });
const uuidParam = z.strictObject({ id: z.uuid() });
const name = z.string().trim().min(1).max(120);

const topicOut = z.object({
  id: z.uuid(),
  name: z.string(),
  query: z.string(),
  description: z.string().nullable(),
  archived: z.boolean(),
  sensitivity: z.enum(['low', 'normal', 'high']),
  version: z.number().int(),
  updatedAt: z.string(),
});

/** Registers every monitoring route. */
export function registerMonitoringRoutes(r: Router, deps: MonitoringDeps) {
  const tags = ['monitoring'];

  r.add({
    method: 'POST',
    url: '/api/mentions',
    summary: 'Push a batch of up to 1,000 mentions (idempotent per source and externalId/url)',
    tags,
    permission: 'mention.ingest',
    principals: ['token'],
    body: c.pushInput,
    response: c.pushResult,
    bodyLimit: 64 * 1024 * 1024,
    handler: (ctx) => ingestMentions(deps, me(ctx.principal).orgId, actorOf(me(ctx.principal)), ctx.body.mentions, meta(ctx)),
  });

  r.add({
    method: 'GET',
    url: '/api/mentions',
    summary: 'Search and filter mentions, newest first',
    tags,
    permission: 'mention.read',
    principals: ['user', 'token'],
    query: c.mentionQuery,
    response: c.mentionPage,
    handler: (ctx) => searchMentions(deps, me(ctx.principal), ctx.query),
  });

  r.add({
    method: 'GET',
    url: '/api/mentions/:id',
    summary: 'One mention',
    tags,
    permission: 'mention.read',
    principals: ['user', 'token'],
    params: mentionId,
    response: c.mentionOut,
    handler: (ctx) => getMention(deps, me(ctx.principal), ctx.params.id),
  });

  r.add({
    method: 'POST',
    url: '/api/mentions/:id/sentiment',
    summary: 'Correct a mention’s sentiment (kept for retraining)',
    tags,
    permission: 'mention.correct',
    params: mentionId,
    body: c.correctSentimentInput,
    handler: (ctx) => correctSentiment(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.body.sentiment, meta(ctx)),
  });

  r.add({
    method: 'GET',
    url: '/api/topics',
    summary: 'Monitored topics',
    tags,
    permission: 'topic.read',
    response: z.array(topicOut),
    handler: (ctx) => listTopics(deps, me(ctx.principal)),
  });

  r.add({
    method: 'POST',
    url: '/api/topics',
    summary: 'Create a topic (tags matching history)',
    tags,
    permission: 'topic.manage',
    status: 201,
    response: topicOut,
    body: z.strictObject({
      name,
      query: z.string().max(2000),
      description: z.string().max(500).nullable().optional(),
      sensitivity: z.enum(['low', 'normal', 'high']).optional(),
    }),
    handler: (ctx) => createTopic(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.body, meta(ctx)),
  });

  r.add({
    method: 'PATCH',
    url: '/api/topics/:id',
    summary: 'Change a topic; a new query is re-applied to history',
    tags,
    permission: 'topic.manage',
    params: uuidParam,
    response: topicOut,
    body: z.strictObject({
      name: name.optional(),
      query: z.string().max(2000).optional(),
      description: z.string().max(500).nullable().optional(),
      archived: z.boolean().optional(),
      /** How readily the early-warning detector alarms on this topic. */
      sensitivity: z.enum(['low', 'normal', 'high']).optional(),
    }),
    handler: (ctx) => updateTopic(deps, me(ctx.principal), actorOf(me(ctx.principal)), ctx.params.id, ctx.body, meta(ctx)),
  });

  r.add({
    method: 'POST',
    url: '/api/topics/:id/reapply',
    summary: 'Re-tag all stored mentions with the topic’s query',
    tags,
    permission: 'topic.manage',
    params: uuidParam,
    handler: (ctx) => reapplyTopic(deps, me(ctx.principal), ctx.params.id),
  });

  r.add({
    method: 'POST',
    url: '/api/topics/preview',
    summary: 'Test a draft query against the last N days',
    tags,
    permission: 'topic.read',
    body: z.strictObject({ query: z.string().max(2000), days: z.number().int().min(1).max(90).default(7) }),
    handler: (ctx) => previewTopic(deps, me(ctx.principal), ctx.body.query, ctx.body.days),
  });

  registerSourceRoutes(r, deps);
  registerImportRoutes(r, deps);
  registerDashboardRoutes(r, deps);
}
