// Alert latency: from the acknowledged push of the mentions that tip a topic's bucket over to (a) the
// `alert.opened` event reaching a signed-in WebSocket client and (b) the alert's signed webhook reaching
// a receiver on loopback — while 1,000 other mentions a second are being ingested. One fresh topic per
// trial (a topic alerts once, then cools down). Reference in the same run: the time for an ordinary
// change (a topic rename) to reach the same WebSocket client. Prints JSON.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { setUp } from '../src/features/people/server/setup.ts';
import { createToken } from '../src/features/people/server/tokens.ts';
import { loadConfig } from '../src/platform/config.ts';
import { buildServer } from '../src/server.ts';
import { startBenchDatabase } from './database.ts';

const { values } = parseArgs({ options: { trials: { type: 'string', default: '10' }, load: { type: 'string', default: '1000' } } });
const TRIALS = Number(values.trials);
const LOAD = Number(values.load);
const log = (m: string) => process.stderr.write(`${m}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]);
};

const hooks = new Map<string, number>(); // alert id → arrival
const receiver = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => {
    body += c;
  });
  req.on('end', () => {
    const at = performance.now();
    const m = JSON.parse(body) as { type: string; alert: { id: string } | null };
    if (m.type === 'alert.opened' && m.alert && !hooks.has(m.alert.id)) hooks.set(m.alert.id, at);
    res.writeHead(200).end();
  });
});
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

const bench = await startBenchDatabase('alert-latency');
try {
  const config = loadConfig({
    FIREBREAK_LOG_LEVEL: process.env.BENCH_LOG ?? 'silent',
    FIREBREAK_BUILD_WEB: '0',
    FIREBREAK_RATE_LIMIT_PER_MINUTE: '10000000',
    FIREBREAK_FETCH_ALLOW_PRIVATE: '127.0.0.1',
  });
  const server = await buildServer({
    config,
    databaseUrl: bench.url,
    logger: process.env.BENCH_LOG ? undefined : false,
    fastHashing: true,
  });
  log('starting the server…');
  await server.start();
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  const email = 'bench@example.com';
  const password = 'bench password 123';
  const { orgId, userId } = await setUp(server.deps, { orgName: 'Bench', name: 'Bench', email, password, locale: 'zh-TW' }, {});
  const principal = {
    kind: 'user' as const,
    userId,
    orgId,
    role: 'admin',
    label: 'bench',
    sessionHash: '',
    csrfToken: '',
    secondFactor: 'ok' as const,
  };
  const { secret } = await createToken(server.deps, principal, { name: 'bench', scopes: ['mentions:write'] }, {});
  const signIn = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'firebreak' },
    body: JSON.stringify({ email, password }),
  });
  if (signIn.status !== 201) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('firebreak_session='));
  if (!cookie) throw new Error('no session cookie');
  const session = (await (await fetch(`${base}/api/session`, { headers: { cookie } })).json()) as { csrfToken: string };
  const api = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': session.csrfToken, 'x-requested-with': 'firebreak', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await r.json().catch(() => ({}))) as Record<string, unknown>;
  };
  const push = async (mentions: unknown[]) => {
    const r = await fetch(`${base}/api/mentions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ mentions }),
    });
    if (r.status !== 200) throw new Error(`push: ${r.status} ${await r.text()}`);
  };
  await api('POST', '/api/notification-channels', {
    name: 'receiver',
    config: { kind: 'webhook', url: hookUrl, secret: 'bench-secret-0123456789' },
  });

  log('topics and history…');
  // Topics with three calm days of history each.
  const brands = Array.from({ length: TRIALS }, (_, i) => `品牌${String.fromCharCode(0x4e00 + i * 7)}${i}號`);
  const topicIds: string[] = [];
  for (const b of brands) {
    const t = await api('POST', '/api/topics', { name: b, query: `"${b}"` });
    if (typeof t.id !== 'string') throw new Error(`topic: ${JSON.stringify(t)}`);
    topicIds.push(t.id);
  }
  let n = 0;
  const now = Date.now();
  for (const b of brands) {
    const history = [];
    for (let t = now - 3 * 86_400_000; t < now - 10 * 60_000; t += 30 * 60_000)
      history.push({ source: 'ptt', externalId: `h${n++}`, text: `今天去${b}吃午餐`, publishedAt: new Date(t).toISOString() });
    await push(history);
  }
  log('waiting for the detectors to learn the history…');
  for (
    let i = 0;
    Number((await server.deps.db.execute('SELECT count(DISTINCT topic_id)::int AS n FROM detector_states' as never)).rows[0].n) < TRIALS;
    i++
  ) {
    if (i % 20 === 19)
      log(
        JSON.stringify(
          (
            await server.deps.db.execute(
              'SELECT task_identifier, attempts, last_error, run_at, locked_at FROM graphile_worker.jobs' as never,
            )
          ).rows,
        ),
      );
    await sleep(500);
  }

  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/api/live`, { headers: { cookie } });
  const wsOpened = new Map<string, number>(); // topic id → arrival of its alert.opened
  const renames = new Map<string, number>();
  await new Promise<void>((resolve, reject) => {
    ws.on('error', reject);
    ws.on('message', async (raw) => {
      const at = performance.now();
      const m = JSON.parse(String(raw));
      if (m.type === 'hello') ws.send(JSON.stringify({ type: 'subscribe', rooms: [`org:${orgId}`] }));
      else if (m.type === 'subscribed') resolve();
      else if (m.type === 'event' && m.event.type === 'alert.opened') wsOpened.set(m.event.id, at);
      else if (m.type === 'event' && m.event.type === 'topic.updated' && !renames.has(m.event.id)) renames.set(m.event.id, at);
    });
  });

  log(`background load: ${LOAD} mentions/s…`);
  let loading = true;
  let loaded = 0;
  const load = (async () => {
    const perTick = LOAD / 5;
    while (loading) {
      const t = performance.now();
      await push(
        Array.from({ length: perTick }, () => ({
          source: 'load',
          externalId: `l${n++}`,
          text: `背景提及 ${n % 97}：今天天氣不錯，隨便聊聊`,
          publishedAt: new Date().toISOString(),
        })),
      );
      loaded += perTick;
      await sleep(Math.max(0, 200 - (performance.now() - t)));
    }
  })();
  await sleep(3000);

  const toWs: number[] = [];
  const toHook: number[] = [];
  const reference: number[] = [];
  const loadStart = performance.now();
  for (const [i, b] of brands.entries()) {
    const t0 = performance.now();
    await api('PATCH', `/api/topics/${topicIds[i]}`, { name: `${b}（監測中）` });
    reference.push(0);
    const burst = Array.from({ length: 30 }, () => ({
      source: 'ptt',
      externalId: `b${n++}`,
      text: `${b}的餐點吃到異物，超噁心，店員態度很差，大家不要去！`,
      publishedAt: new Date().toISOString(),
    }));
    const t1 = performance.now();
    await push(burst);
    const acked = performance.now();
    const deadline = acked + 120_000;
    let alertId: string | undefined;
    while (performance.now() < deadline) {
      const r = await server.deps.db.execute(`SELECT id FROM alerts WHERE topic_id = '${topicIds[i]}'` as never);
      alertId = (r.rows[0] as { id?: string } | undefined)?.id;
      if (alertId && wsOpened.has(alertId) && hooks.has(alertId)) break;
      await sleep(50);
    }
    if (!alertId || !wsOpened.has(alertId) || !hooks.has(alertId)) throw new Error(`trial ${i}: no alert within 120 s`);
    toWs.push((wsOpened.get(alertId) as number) - acked);
    toHook.push((hooks.get(alertId) as number) - acked);
    reference[i] = (renames.get(topicIds[i]) ?? t1) - t0;
    log(`  trial ${i + 1}: WebSocket ${Math.round(toWs[i])} ms, webhook ${Math.round(toHook[i])} ms`);
  }
  const loadSeconds = (performance.now() - loadStart) / 1000;
  loading = false;
  await load;
  ws.close();
  console.log(
    JSON.stringify(
      {
        machine: { cpus: os.cpus().length, node: process.versions.node },
        trials: TRIALS,
        backgroundLoad: { target: LOAD, achievedPerSecond: Math.round(loaded / (loadSeconds + 3)) },
        alertToWebSocketMs: { p50: pct(toWs, 50), p99: pct(toWs, 99), max: Math.round(Math.max(...toWs)) },
        alertToWebhookMs: { p50: pct(toHook, 50), p99: pct(toHook, 99), max: Math.round(Math.max(...toHook)) },
        reference: { ordinaryChangeToWebSocketMs: { p50: pct(reference, 50), p99: pct(reference, 99) } },
        note: 'measured from the acknowledged push of the burst; a tick is queued 5 s after each ingest batch (coalesced), so ~5 s of each figure is that deliberate wait',
      },
      null,
      2,
    ),
  );
  await server.close();
} finally {
  receiver.close();
  await bench.stop();
}
