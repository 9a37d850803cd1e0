// Route declaration: a zod schema, a declared permission, one service call. The registry
// also feeds the OpenAPI document and the route × role permission test.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { z } from 'zod';
import { AppError } from './errors.ts';
import type { Actor } from './events.ts';

/** An authenticated caller: a signed-in user or a machine token. */
export type Principal =
  | {
      kind: 'user';
      userId: string;
      orgId: string;
      role: string;
      label: string;
      sessionHash: string;
      csrfToken: string;
      /**
       * `ok`, or pending: `verify` (the second factor still to give) or `enrol` (to set up, where the
       * organisation requires it). A pending session reaches only routes that allow it (see `RouteDef.pending`).
       */
      secondFactor: 'ok' | 'verify' | 'enrol';
      /** Inside a drill: the real person whose session acts as `userId`, their copy in the drill's sandbox. */
      realUserId?: string;
      /** The organisation's kind when not a real one: the demo workspace, or a drill's sandbox. */
      orgKind?: 'demo' | 'drill';
    }
  | { kind: 'token'; tokenId: string; orgId: string; scopes: string[]; label: string }
  /** The operator at the command line: calls services directly, never routes. */
  | { kind: 'system'; orgId: string; label: string };

/** The event actor for a principal. */
export function actorOf(p: Principal): Actor {
  if (p.kind === 'user') return { type: 'user', id: p.userId, label: p.label };
  if (p.kind === 'token') return { type: 'token', id: p.tokenId, label: p.label };
  return { type: 'system', label: p.label };
}

/** 'public' needs nothing; 'authenticated' any principal; otherwise an action name the policies decide. */
export type Permission = 'public' | 'authenticated' | (string & {});

/** What a handler receives. */
export type RouteContext<B, Q, P> = {
  principal: Principal | null;
  body: B;
  query: Q;
  params: P;
  requestId: string;
  ip: string;
  userAgent: string | undefined;
  req: FastifyRequest;
  reply: FastifyReply;
};

type AnyZod = z.ZodType;

/** One route's declaration. */
export type RouteDef<B extends AnyZod, Q extends AnyZod, P extends AnyZod> = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tags?: string[];
  permission: Permission;
  /** Which principals may call it; default: users only (tokens are opt-in per route). */
  principals?: Array<'user' | 'token'>;
  body?: B;
  query?: Q;
  params?: P;
  response?: AnyZod;
  status?: number;
  bodyLimit?: number;
  /**
   * The handler reads the request body itself from `ctx.req.raw` (any content type, not parsed, no
   * bodyLimit: the handler enforces its own), e.g. a streamed file upload.
   */
  rawBody?: boolean;
  /** Extra per-route rate limit (requests per minute per IP). */
  rateLimit?: number;
  /** Which pending sessions (second factor to give, or to set up) may call it; default none. */
  pending?: Array<'verify' | 'enrol'>;
  handler: (ctx: RouteContext<z.output<B>, z.output<Q>, z.output<P>>) => Promise<unknown>;
};

/** The route registry entry kept for OpenAPI and tests. */
export type RegisteredRoute = Omit<RouteDef<AnyZod, AnyZod, AnyZod>, 'handler'>;

/** Identity and policy hooks the people feature supplies (platform knows no business rules). */
export type AccessHooks = {
  authenticate(req: FastifyRequest): Promise<Principal | null>;
  can(principal: Principal, permission: string): boolean;
};

const STATE_CHANGING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

function zodToFieldErrors(err: z.ZodError) {
  return err.issues.map((i) => {
    const limit = 'minimum' in i ? Number(i.minimum) : 'maximum' in i ? Number(i.maximum) : undefined;
    return { path: i.path.map(String).join('.') || '(root)', message: i.message, code: i.code, ...(limit !== undefined ? { limit } : {}) };
  });
}

function parsePart<T extends AnyZod | undefined>(schema: T, value: unknown, where: string) {
  if (!schema) return undefined;
  const r = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!r.success) throw new AppError('validation_failed', `The request ${where} is not valid.`, { errors: zodToFieldErrors(r.error) });
  return r.data;
}

/** Blocks cross-site state changes: same-origin Origin header, and the session's CSRF token for cookie auth. */
function checkCsrf(req: FastifyRequest, principal: Principal | null) {
  if (!STATE_CHANGING.has(req.method)) return;
  const origin = req.headers.origin;
  if (origin) {
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    if (host !== req.headers.host) throw new AppError('csrf_failed', 'Cross-site request refused.');
  }
  if (principal?.kind === 'user') {
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || sent !== principal.csrfToken) {
      throw new AppError('csrf_failed', 'Missing or wrong CSRF token; reload the page.');
    }
  } else if (req.headers['x-requested-with'] !== 'firebreak' && !req.headers.authorization) {
    // Pre-session calls (sign-in, setup) need a custom header, which a cross-site form cannot send.
    throw new AppError('csrf_failed', 'Missing X-Requested-With header.');
  }
}

/**
 * The second-factor gate: a session still to give or set up its second factor reaches only the routes that
 * allow it; on public routes it counts as no principal at all. The problem says which step is missing.
 */
function secondFactorGate(def: { permission: Permission; pending?: Array<'verify' | 'enrol'> }, principal: Principal | null) {
  if (principal?.kind !== 'user' || principal.secondFactor === 'ok') return principal;
  if (def.pending?.includes(principal.secondFactor)) return principal;
  if (def.permission === 'public') return null;
  const step = principal.secondFactor;
  throw new AppError(
    'second_factor_required',
    step === 'verify' ? 'Enter the code from your authenticator app first.' : 'Set up a second factor (an authenticator app) first.',
    { errors: [{ path: 'secondFactor', code: step, message: step === 'verify' ? 'give a code' : 'set up a second factor' }] },
  );
}

/** Creates the registry that features add their routes to. */
export function createRouter(app: FastifyInstance, hooks: AccessHooks) {
  const routes: RegisteredRoute[] = [];
  return {
    routes,
    add<B extends AnyZod = AnyZod, Q extends AnyZod = AnyZod, P extends AnyZod = AnyZod>(def: RouteDef<B, Q, P>) {
      const { handler, ...meta } = def;
      routes.push(meta as RegisteredRoute);
      const allowed = def.principals ?? ['user'];
      const options: RouteOptions = {
        method: def.method,
        url: def.url,
        bodyLimit: def.bodyLimit,
        config: def.rateLimit ? { rateLimit: { max: def.rateLimit, timeWindow: '1 minute' } } : undefined,
        handler: async (req, reply) => {
          let principal = await hooks.authenticate(req);
          if (principal && (principal.kind === 'system' || !allowed.includes(principal.kind))) principal = null;
          principal = secondFactorGate(def, principal);
          if (def.permission !== 'public') {
            if (!principal) throw new AppError('unauthenticated', 'Sign in first.');
          }
          checkCsrf(req, principal);
          if (def.permission !== 'public' && def.permission !== 'authenticated') {
            if (!hooks.can(principal as Principal, def.permission)) {
              throw new AppError('forbidden', 'You do not have permission to do this.');
            }
          }
          const params = parsePart(def.params, req.params, 'path');
          const query = parsePart(def.query, req.query, 'query');
          const body = parsePart(def.body, req.body, 'body');
          const result = await handler({
            principal,
            body: body as z.output<B>,
            query: query as z.output<Q>,
            params: params as z.output<P>,
            requestId: req.id,
            ip: req.ip,
            userAgent: req.headers['user-agent'],
            req,
            reply,
          });
          if (reply.sent) return reply;
          // A status the handler set itself (e.g. 503 from /api/health) wins over the declared one.
          const own = reply.statusCode !== 200 ? reply.statusCode : undefined;
          if (result === undefined) return reply.code(own ?? def.status ?? 204).send();
          return reply.code(own ?? def.status ?? 200).send(result);
        },
      };
      if (!def.rawBody) return void app.route(options);
      // A scope of its own, so the pass-through parser applies to this route only.
      app.register(async (scope) => {
        scope.removeAllContentTypeParsers();
        scope.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
        scope.route(options);
      });
    },
    /** Runs `fn` when the server is ready (e.g. to resume background work); errors are the caller's to catch. */
    onReady(fn: () => Promise<void>) {
      app.addHook('onReady', fn);
    },
    /** Runs `fn` while the server closes, before the database pool ends (e.g. to stop background work). */
    onClose(fn: () => Promise<void>) {
      app.addHook('onClose', async () => fn());
    },
  };
}

/** The router type features receive. */
export type Router = ReturnType<typeof createRouter>;

function jsonSchema(schema: AnyZod, io: 'input' | 'output') {
  const s = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete s.$schema;
  return s;
}

/** Builds the OpenAPI 3.1 document from the registered routes' zod schemas. */
export function openApiDocument(routes: RegisteredRoute[], info: { version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', r.params],
      ['query', r.query],
    ] as const) {
      if (!schema) continue;
      const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, prop] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: prop });
      }
    }
    const problem = {
      description: 'Problem details (RFC 9457)',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = {
      summary: r.summary,
      tags: r.tags,
      'x-permission': r.permission,
      security: r.permission === 'public' ? [] : (r.principals ?? ['user']).map((p) => (p === 'user' ? { session: [] } : { token: [] })),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } } } : {}),
      ...(r.rawBody
        ? { requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } } }
        : {}),
      responses: {
        [String(r.status ?? (r.response ? 200 : 204))]: r.response
          ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(r.response, 'output') } } }
          : { description: 'Done' },
        default: problem,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Firebreak API', version: info.version },
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'firebreak_session' },
        token: { type: 'http', scheme: 'bearer' },
      },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'code'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            code: { type: 'string' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
      },
    },
  };
}
