// Hostile and malformed requests get a 4xx problem response and store nothing half-way.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import pg from 'pg';
import { createClient, PASSWORD, setUpOrg } from '../../test/helpers/client.ts';
import { startTestServer } from '../../test/helpers/server.ts';

describe('bad input', () => {
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  const raw = (path: string, init: RequestInit & { headers?: Record<string, string> }) =>
    fetch(ctx.url + path, init).then(async (r) => ({
      status: r.status,
      type: r.headers.get('content-type'),
      body: await r.json().catch(() => null),
    }));
  const userCount = async () => {
    const c = new pg.Client({ connectionString: ctx.databaseUrl });
    await c.connect();
    const r = await c.query('SELECT count(*)::int AS n FROM users');
    await c.end();
    return r.rows[0].n as number;
  };

  before(async () => {
    ctx = await startTestServer();
    org = await setUpOrg(ctx.url);
  });

  const authed = () => {
    const h: Record<string, string> = { cookie: org.admin.cookie, 'x-requested-with': 'firebreak', 'content-type': 'application/json' };
    return h;
  };

  test('malformed JSON, wrong types, unknown fields and missing fields are problem details', async () => {
    const s = await org.admin.get('/api/session');
    const headers = { ...authed(), 'x-csrf-token': s.body.csrfToken };
    const n = await userCount();
    const cases: Array<[string, string, string]> = [
      ['{"email": "a@b.c", "name": ', '400', 'invalid_json'],
      ['{"email": 42, "name": "x", "role": "member"}', '400', 'validation_failed'],
      ['{"email": "a@b.c", "name": "x", "role": "member", "isAdmin": true}', '400', 'validation_failed'],
      ['{"email": "a@b.c", "name": "x", "role": "god"}', '400', 'validation_failed'],
      ['{"email": "a@b.c", "role": "member"}', '400', 'validation_failed'],
      [`{"email": "a@b.c", "name": "${'長'.repeat(121)}", "role": "member"}`, '400', 'validation_failed'],
      ['{"email": "a@b.c", "name": "a\\u0000b", "role": "member"}', '400', 'validation_failed'],
      ['[]', '400', 'validation_failed'],
      ['null', '400', 'validation_failed'],
    ];
    for (const [body, status, code] of cases) {
      const r = await raw('/api/users', { method: 'POST', headers, body });
      assert.equal(String(r.status), status, body);
      assert.equal(r.body.code, code, body);
      assert.match(r.type ?? '', /application\/problem\+json/);
      assert.equal(typeof r.body.type, 'string');
      assert.equal(typeof r.body.title, 'string');
      assert.equal(r.body.status, Number(status));
    }
    const missingName = await raw('/api/users', { method: 'POST', headers, body: '{"email": "a@example.com", "role": "member"}' });
    assert.deepEqual(
      missingName.body.errors.map((e: { path: string }) => e.path),
      ['name'],
    );
    assert.equal(await userCount(), n, 'nothing stored');
  });

  test('invalid UTF-8 is refused, not silently replaced', async () => {
    const s = await org.admin.get('/api/session');
    const body = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]);
    const r = await raw('/api/me', { method: 'PATCH', headers: { ...authed(), 'x-csrf-token': s.body.csrfToken }, body });
    assert.equal(r.status, 400);
    assert.equal(r.body.code, 'invalid_utf8');
  });

  test('oversize bodies get 413', async () => {
    const s = await org.admin.get('/api/session');
    const body = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) });
    const r = await raw('/api/me', { method: 'PATCH', headers: { ...authed(), 'x-csrf-token': s.body.csrfToken }, body });
    assert.equal(r.status, 413);
    assert.equal(r.body.code, 'payload_too_large');
  });

  test('other content types get 415', async () => {
    const s = await org.admin.get('/api/session');
    const r = await raw('/api/me', {
      method: 'PATCH',
      headers: { ...authed(), 'content-type': 'text/plain', 'x-csrf-token': s.body.csrfToken },
      body: 'name=x',
    });
    assert.equal(r.status, 415);
    assert.equal(r.body.code, 'unsupported_media_type');
  });

  test('HTML and script in names are stored and returned as plain text', async () => {
    const name = '<img src=x onerror=alert(1)><script>alert("x")</script>';
    const r = await org.admin.post('/api/users', { email: 'xss@example.com', name, role: 'member' });
    assert.equal(r.status, 201);
    assert.equal(r.body.user.name, name);
    const res = await fetch(`${ctx.url}/api/users/${r.body.user.id}`, { headers: { cookie: org.admin.cookie } });
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  });

  test('unknown routes and bad ids are problem details', async () => {
    const a = await raw('/api/nope', { method: 'GET' });
    assert.equal(a.status, 404);
    assert.equal(a.body.code, 'not_found');
    const b = await org.admin.get('/api/users/not-a-uuid');
    assert.equal(b.status, 400);
    assert.equal(b.body.errors[0].path, 'id');
  });

  test('security headers: strict CSP, no framing, no sniffing, request id', async () => {
    const r = await fetch(`${ctx.url}/api/health`);
    const csp = r.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /object-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(r.headers.get('x-frame-options'), 'SAMEORIGIN');
    assert.match(r.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(r.headers.get('cache-control'), 'no-store');
  });

  test('rate limits answer 429 problem details', async () => {
    const small = await startTestServer({ env: { FIREBREAK_RATE_LIMIT_PER_MINUTE: '5' } });
    const statuses: number[] = [];
    let last: { code?: string } = {};
    for (let i = 0; i < 7; i++) {
      const r = await fetch(`${small.url}/api/version`);
      statuses.push(r.status);
      last = await r.json();
    }
    assert.deepEqual(statuses.slice(0, 5), [200, 200, 200, 200, 200]);
    assert.equal(statuses[6], 429);
    assert.equal(last.code, 'rate_limited');
  });

  test('a failed request leaves the session usable', async () => {
    const c = createClient(ctx.url);
    await c.signIn(org.adminEmail, PASSWORD);
    assert.equal((await c.post('/api/users', { nope: true })).status, 400);
    assert.equal((await c.get('/api/session')).status, 200);
  });
});

describe('API description', () => {
  test('OpenAPI 3.1 covers every route with its permission and schemas', async () => {
    const ctx = await startTestServer();
    const doc = await (await fetch(`${ctx.url}/api/openapi.json`)).json();
    assert.equal(doc.openapi, '3.1.0');
    const ops = Object.entries(doc.paths as Record<string, Record<string, { 'x-permission': string }>>).flatMap(([p, m]) =>
      Object.entries(m).map(([verb, op]) => `${verb.toUpperCase()} ${p}:${op['x-permission']}`),
    );
    assert.equal(ops.length, ctx.server.router.routes.length);
    assert.ok(ops.includes('POST /api/users:user.manage'));
    assert.ok(ops.includes('GET /api/users/{id}:user.read'));
    const create = doc.paths['/api/users'].post.requestBody.content['application/json'].schema;
    assert.deepEqual(create.required.sort(), ['email', 'name', 'role']);
    assert.equal(create.additionalProperties, false);
  });

  test('health and version', async () => {
    const ctx = await startTestServer();
    assert.deepEqual(await (await fetch(`${ctx.url}/api/health`)).json(), { status: 'ok', database: 'ok', live: 'ok' });
    const v = await (await fetch(`${ctx.url}/api/version`)).json();
    assert.equal(v.name, 'firebreak');
    assert.match(v.version, /^\d+\.\d+\.\d+/);
  });
});
