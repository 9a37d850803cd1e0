// Composition root: builds the HTTP server from the platform and the features it lists.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyError, type FastifyRequest, LogController } from 'fastify';
import { z } from 'zod';
import { crisisRolesOf } from './features/crises/server/access.ts';
import { registerCrisisConfigRoutes } from './features/crises/server/config-routes.ts';
import { crisisJobs } from './features/crises/server/escalation.ts';
import { registerReportRoutes } from './features/crises/server/report-routes.ts';
import { registerCrisisRoutes } from './features/crises/server/routes.ts';
import { registerPulseRoutes } from './features/crises/server/sitrep-routes.ts';
import { sitrepJobs } from './features/crises/server/sitreps.ts';
import { registerEvidenceRoutes } from './features/documents/server/evidence-routes.ts';
import { registerDocumentRoutes } from './features/documents/server/routes.ts';
import { registerSearchRoutes, searchJobs } from './features/documents/server/search-routes.ts';
import { registerDemoRoutes } from './features/drills/server/demo-routes.ts';
import type { DrillDeps } from './features/drills/server/deps.ts';
import { registerDrillRoutes } from './features/drills/server/drill-routes.ts';
import { createPlayer } from './features/drills/server/player.ts';
import { registerPlayerRoutes } from './features/drills/server/player-routes.ts';
import { registerDrillReportRoutes } from './features/drills/server/report-routes.ts';
import { registerScenarioRoutes } from './features/drills/server/scenario-routes.ts';
import { registerMonitoringRoutes } from './features/monitoring/server/routes.ts';
import { createBackground } from './features/monitoring/server/scheduler-worker.ts';
import { authenticateSession, authenticateToken } from './features/people/server/auth.ts';
import type { PeopleDeps } from './features/people/server/deps.ts';
import { registerGuestRoutes } from './features/people/server/guest-routes.ts';
import { can, canSubscribe } from './features/people/server/policies.ts';
import { registerPeopleRoutes, SESSION_COOKIE } from './features/people/server/routes.ts';
import { registerTotpRoutes } from './features/people/server/totp-routes.ts';
import { registerBriefingRoutes } from './features/statements/server/briefing-routes.ts';
import { registerStatementRoutes } from './features/statements/server/routes.ts';
import { registerVariantRoutes } from './features/statements/server/variant-routes.ts';
import { queueTickSoon, warningJobs } from './features/warnings/server/jobs.ts';
import { registerNotifyRoutes } from './features/warnings/server/notify-routes.ts';
import { registerOncallRoutes } from './features/warnings/server/oncall-routes.ts';
import { registerWarningRoutes } from './features/warnings/server/routes.ts';
import { registerRuleRoutes } from './features/warnings/server/rules.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { createDb, type Executor, isConnectionError } from './platform/db.ts';
import { AppError, toProblem } from './platform/errors.ts';
import { fileStoreFor } from './platform/files.ts';
import { createRouter, openApiDocument, type Principal } from './platform/http.ts';
import { createRealtime } from './platform/realtime.ts';
import { projectRoot, webDist } from './platform/web-assets.ts';
import { refreshTextIndexes } from './text-refresh.ts';

const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };

/** What buildServer needs beyond configuration. */
export type ServerOptions = {
  config: Config;
  databaseUrl: string;
  clock?: Clock;
  /** Tests: cheap password hashing. */
  fastHashing?: boolean;
  logger?: boolean;
  /** Background collection (job queue, polls, streams, the scenario player) in this process; default on. */
  background?: boolean;
  /** `npm start -- --demo`: a demo workspace may be opened even after setup (and is opened at start). */
  demo?: boolean;
  /** Where the shipped scenarios are (default `<project>/scenarios`; tests may use fixtures). */
  scenariosDir?: string;
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Builds the Fastify app, ready to listen. */
export async function buildServer(opts: ServerOptions) {
  const { config } = opts;
  const clock = opts.clock ?? systemClock;
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    return503OnClosing: true,
  });
  const database = createDb(opts.databaseUrl, { onError: (e) => app.log.warn({ err: e.message }, 'database connection error') });
  const deps: PeopleDeps & { secureCookies: boolean } = {
    db: database.db,
    clock,
    secureCookies: config.secureCookies,
    settings: {
      sessionIdleMs: config.sessionIdleMs,
      sessionMaxMs: config.sessionMaxMs,
      loginMaxFailures: config.loginMaxFailures,
      publicUrl: config.publicUrl,
      fastHashing: opts.fastHashing,
    },
  };

  // JSON bodies must be valid UTF-8 and valid JSON; anything else is a clear 400, never a silent U+FFFD.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body: Buffer, done) => {
    if (body.length === 0) return done(null, undefined);
    let textBody: string;
    try {
      textBody = utf8.decode(body);
    } catch {
      return done(new AppError('invalid_utf8', 'The request body is not valid UTF-8.'), undefined);
    }
    try {
      done(null, JSON.parse(textBody));
    } catch {
      done(new AppError('invalid_json', 'The request body is not valid JSON.'), undefined);
    }
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.secureCookies ? undefined : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, ctx) =>
      new AppError('rate_limited', `Too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s.`, {
        retryAfterSeconds: Math.ceil(ctx.ttl / 1000),
      }),
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  const authenticate = async (req: FastifyRequest): Promise<Principal | null> => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) return authenticateToken(deps, auth.slice(7).trim());
    const token = req.cookies?.[SESSION_COOKIE];
    return token ? authenticateSession(deps, token) : null;
  };

  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    let e: AppError;
    if (err instanceof AppError) e = err;
    else if ((err as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      e = new AppError('payload_too_large', 'The request body is too large.');
    else if ((err as FastifyError).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      e = new AppError('unsupported_media_type', 'Send JSON (application/json).');
    else if ((err as FastifyError).code === 'FST_ERR_CTP_EMPTY_JSON_BODY') e = new AppError('invalid_json', 'The request body is empty.');
    else if ((err as FastifyError).code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH')
      e = new AppError('bad_request', 'Invalid Content-Length.');
    else if ((err as FastifyError).statusCode === 429) e = new AppError('rate_limited', 'Too many requests.');
    else if (isConnectionError(err)) e = new AppError('database_unavailable', 'The database is unavailable; try again shortly.');
    else if ((err as FastifyError).statusCode && (err as FastifyError).statusCode! < 500) e = new AppError('bad_request', err.message);
    else {
      req.log.error({ err }, 'unhandled error');
      e = new AppError('internal', 'Something went wrong on our side. The request id identifies it in the server log.');
    }
    if (e.retryAfterSeconds) reply.header('retry-after', String(e.retryAfterSeconds));
    reply.code(e.status).type('application/problem+json').send(toProblem(e, req.id));
  });

  const router = createRouter(app, { authenticate, can });
  // Crisis rooms are open to the people who may read the crisis, which the database knows (the team).
  const crisisRoles = (orgId: string, crisisId: string, userId: string) => crisisRolesOf(database.db, orgId, crisisId, userId);
  const realtime = createRealtime(app, opts.databaseUrl, {
    authenticate,
    canSubscribe: (p, room) => canSubscribe(p, room, crisisRoles),
    log: app.log,
  });

  router.add({
    method: 'GET',
    url: '/api/health',
    summary: 'Liveness and database reachability',
    tags: ['system'],
    permission: 'public',
    response: z.object({
      status: z.enum(['ok', 'degraded']),
      database: z.enum(['ok', 'unreachable']),
      live: z.enum(['ok', 'reconnecting']),
    }),
    handler: async ({ reply }) => {
      const dbOk = await Promise.race([
        database.db.execute(sql`SELECT 1`).then(
          () => true,
          () => false,
        ),
        new Promise<boolean>((r) => setTimeout(() => r(false), 2000).unref()),
      ]);
      const body = {
        status: dbOk ? ('ok' as const) : ('degraded' as const),
        database: dbOk ? ('ok' as const) : ('unreachable' as const),
        live: realtime.listening ? ('ok' as const) : ('reconnecting' as const),
      };
      if (!dbOk) reply.code(503);
      return body;
    },
  });
  router.add({
    method: 'GET',
    url: '/api/version',
    summary: 'Server version',
    tags: ['system'],
    permission: 'public',
    response: z.object({ name: z.string(), version: z.string(), node: z.string() }),
    handler: async () => ({ name: 'firebreak', version: pkg.version, node: process.versions.node }),
  });

  registerPeopleRoutes(router, deps);
  // Uploaded files (report screenshots, attachments): on disk under the data directory, or in the configured bucket.
  const files = fileStoreFor(config);
  // Each ingested batch queues an early-warning tick a few seconds later (coalesced).
  const onIngested = (tx: Executor) => queueTickSoon(tx);
  registerMonitoringRoutes(router, { db: database.db, clock, config, onIngested });
  registerWarningRoutes(router, { db: database.db, clock });
  registerRuleRoutes(router, { db: database.db, clock });
  registerOncallRoutes(router, { db: database.db, clock });
  const notifyDeps = {
    db: database.db,
    clock,
    publicUrl: config.publicUrl,
    send: { smtpUrl: config.smtpUrl, smtpFrom: config.smtpFrom, lineApiUrl: config.lineApiUrl, allowPrivate: config.fetchAllowPrivate },
  };
  registerNotifyRoutes(router, notifyDeps);
  registerCrisisRoutes(router, { db: database.db, clock });
  registerCrisisConfigRoutes(router, { db: database.db, clock });
  registerPulseRoutes(router, { db: database.db, clock, presence: realtime.presence });
  registerReportRoutes(router, { db: database.db, clock, files });
  registerStatementRoutes(router, { db: database.db, clock });
  registerBriefingRoutes(router, { db: database.db, clock });
  registerVariantRoutes(router, { db: database.db, clock });
  registerTotpRoutes(router, deps);
  registerGuestRoutes(router, { ...deps, smtpUrl: config.smtpUrl, smtpFrom: config.smtpFrom });
  const documentDeps = {
    db: database.db,
    clock,
    dataDir: config.dataDir,
    files,
    allowPrivateFetch: config.fetchAllowPrivate,
    captureBrowser: config.captureBrowser,
  };
  registerDocumentRoutes(router, documentDeps);
  registerEvidenceRoutes(router, documentDeps);
  registerSearchRoutes(router, documentDeps);
  // Drills and the demo: scenarios played through the same ingest pipeline as live sources.
  const drillDeps: DrillDeps = {
    db: database.db,
    clock,
    onIngested: (tx) => queueTickSoon(tx),
    scenariosDir: opts.scenariosDir ?? path.join(projectRoot, 'scenarios'),
    demo: { allowed: opts.demo === true },
  };
  registerScenarioRoutes(router, drillDeps);
  registerPlayerRoutes(router, drillDeps);
  registerDrillRoutes(router, drillDeps);
  registerDrillReportRoutes(router, drillDeps);
  registerDemoRoutes(router, drillDeps, deps);
  const player = opts.background === false ? null : createPlayer(drillDeps, { log: app.log });
  // Every feature's jobs on the one queue: its tasks by name, and its crontab lines.
  const featureJobs = [
    warningJobs(notifyDeps),
    crisisJobs({ db: database.db, clock }),
    sitrepJobs({ db: database.db, clock }),
    searchJobs(documentDeps),
  ];
  const jobs = { tasks: Object.assign({}, ...featureJobs.map((j) => j.tasks)), crontab: featureJobs.flatMap((j) => j.crontab) };
  const background =
    opts.background === false
      ? null
      : createBackground(
          { db: database.db, clock, config, onIngested },
          { pool: database.pool, databaseUrl: opts.databaseUrl, log: app.log, jobs },
        );

  router.add({
    method: 'GET',
    url: '/api/openapi.json',
    summary: 'This OpenAPI 3.1 document',
    tags: ['system'],
    permission: 'public',
    handler: async () => openApiDocument(router.routes, { version: pkg.version }),
  });

  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      setHeaders: (res, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !hasWeb) {
      const e = new AppError('not_found', 'No such route.');
      return reply.code(404).type('application/problem+json').send(toProblem(e, req.id));
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });

  return {
    app,
    deps,
    router,
    realtime,
    db: database.db,
    pool: database.pool,
    background,
    drillDeps,
    async start() {
      await refreshTextIndexes(database.db, clock.now(), app.log);
      await realtime.start();
      background?.start();
      player?.start();
    },
    async close() {
      await player?.stop();
      await background?.stop();
      await realtime.close();
      await app.close();
      await database.close();
    },
  };
}

/** The built server. */
export type FirebreakServer = Awaited<ReturnType<typeof buildServer>>;
