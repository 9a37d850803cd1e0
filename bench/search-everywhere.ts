// Search everywhere at scale: 1,000,000 mentions and 100,000 documents (bodies made of the synthetic mention
// vocabulary, spread over 50 crises and none, all four classifications), then p50/p95 of two-term Chinese
// queries through the real service (`searchEverything`: catch-up, candidates with permissions, recheck, ranking,
// counts) as a member on one crisis team and as a guest with one grant — against a reference measured in the
// same run: the bare GIN candidate queries with no permission filter and no recheck. Prints JSON.

import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { searchEverything } from '../src/features/documents/server/search.ts';
import { parseSearch } from '../src/features/documents/server/search-query.ts';
import { systemClock } from '../src/platform/clock.ts';
import { createDb } from '../src/platform/db.ts';
import { createFileStore } from '../src/platform/files.ts';
import type { Principal } from '../src/platform/http.ts';
import { normalise } from '../src/platform/text/normalise.ts';
import { tsvectorLiteral } from '../src/platform/text/tokenise.ts';
import { startBenchDatabase } from './database.ts';
import { rng, syntheticMentions } from './synthetic.ts';

const { values } = parseArgs({
  options: {
    mentions: { type: 'string', default: '1000000' },
    documents: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '30' },
    // PostgreSQL's shared_buffers for this run (e.g. 128MB, PostgreSQL's default); unset: the product's default.
    'shared-buffers': { type: 'string' },
  },
});
const MENTIONS = Number(values.mentions);
const DOCUMENTS = Number(values.documents);
const RUNS = Number(values.runs);
const CRISES = 50;
const log = (m: string) => process.stderr.write(`${m}\n`);
const esc = (s: string | null) =>
  s === null ? '\\N' : s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
const pct = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x: number) => Number(x.toFixed(1));

const queries = ['鼎泰豐 蟑螂', '全聯 退款', '客服 態度', '星巴克 排隊', '衛生局 影片', '鼎泰丰 冷掉'];
const CLASSES = ['public', 'internal', 'confidential', 'legal_privileged'];

async function copy(db: pg.Client, statement: string, lines: string[]) {
  await new Promise<void>((resolve, reject) => {
    const s = db.query(copyFrom(statement));
    s.on('finish', () => resolve());
    s.on('error', reject);
    s.end(`${lines.join('\n')}\n`);
  });
}

const bench = await startBenchDatabase('search-everywhere', values['shared-buffers'] ? { shared_buffers: values['shared-buffers'] } : {});
try {
  const url = bench.url;
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const one = async (q: string, params: unknown[] = []) => (await db.query(q, params)).rows[0];
  const orgId = (await one(`INSERT INTO organisations (name) VALUES ('Bench') RETURNING id`)).id as string;
  const user = async (role: string, extra = 'NULL') =>
    (
      await one(
        `INSERT INTO users (org_id, email, name, role, status, external_org_id) VALUES ($1, $2, $2, $3, 'active', ${extra}) RETURNING id`,
        [orgId, `${role}-${Math.random().toString(36).slice(2)}@bench.example`, role],
      )
    ).id as string;
  const adminId = await user('admin');
  const memberId = await user('member');
  const ext = await one(
    `INSERT INTO external_orgs (org_id, name, kind, nda_text, created_at, updated_at) VALUES ($1, 'Firm', 'law_firm', 'NDA', now(), now()) RETURNING id`,
    [orgId],
  );
  const guestId = await user('guest', `'${ext.id}'`);
  await db.query(
    `INSERT INTO nda_acceptances (user_id, external_org_id, nda_sha256, accepted_at) VALUES ($1, $2, encode(sha256(convert_to('NDA', 'UTF8')), 'hex'), now())`,
    [guestId, ext.id],
  );
  const crisisIds: string[] = [];
  for (let i = 0; i < CRISES; i++) {
    const c = await one(
      `INSERT INTO crises (org_id, number, title, type, severity, declared_at, declared_by_label) VALUES ($1, $2, $3, 'product_quality', 'L3', now(), 'bench') RETURNING id`,
      [orgId, i + 1, `事件 ${i + 1}`],
    );
    crisisIds.push(c.id);
  }
  await db.query(`INSERT INTO crisis_members (crisis_id, role, user_id, assigned_at) VALUES ($1, 'pr_lead', $2, now())`, [
    crisisIds[0],
    memberId,
  ]);
  await db.query(
    `INSERT INTO guest_grants (org_id, guest_id, crisis_id, classifications, expires_at, created_at) VALUES ($1, $2, $3, '{public,internal,confidential}', now() + interval '30 days', now())`,
    [orgId, guestId, crisisIds[1]],
  );
  const sourceId = (await one(`INSERT INTO sources (org_id, kind, name) VALUES ($1, 'push', 'bench') RETURNING id`, [orgId])).id as string;

  // Mentions: COPY without the GIN index, which is built once afterwards (the same definition as the migration).
  log(`loading ${MENTIONS} mentions…`);
  const t0 = performance.now();
  await db.query('DROP INDEX mentions_search_idx');
  const chunk = 50_000;
  for (let start = 0; start < MENTIONS; start += chunk) {
    const items = syntheticMentions(Math.min(chunk, MENTIONS - start), 1000 + start);
    const lines = items.map((m, i) =>
      [
        orgId,
        sourceId,
        `b${start + i}`,
        esc(m.text as string),
        'zh-Hant',
        m.publishedAt,
        new Date().toISOString(),
        '1',
        'x',
        '0',
        '0',
        '0',
        '0.5',
      ]
        .concat(esc(tsvectorLiteral(normalise(m.text as string))))
        .join('\t'),
    );
    await copy(
      db,
      'COPY mentions (org_id, source_id, external_key, text, lang, published_at, collected_at, reach, text_hash, simhash, sentiment, sentiment_score, sentiment_confidence, search) FROM STDIN',
      lines,
    );
    if ((start / chunk) % 4 === 0) log(`  ${start + items.length}`);
  }
  await db.query('CREATE INDEX mentions_search_idx ON mentions USING gin (search)');
  const mentionsS = (performance.now() - t0) / 1000;

  // Documents: bodies of 3–6 synthetic posts; 30% without a crisis; their search entries as the documents
  // feature writes them (title + body tokens).
  log(`loading ${DOCUMENTS} documents…`);
  const t1 = performance.now();
  const rand = rng(7);
  const docChunk = 10_000;
  for (let start = 0; start < DOCUMENTS; start += docChunk) {
    const n = Math.min(docChunk, DOCUMENTS - start);
    const texts = syntheticMentions(n * 5, 900_000 + start).map((m) => m.text as string);
    const docs: string[] = [];
    const entries: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = crypto.randomUUID();
      const parts = texts.slice(i * 5, i * 5 + 3 + Math.floor(rand() * 3));
      const title = `${parts[0].slice(0, 12)} 報告`;
      const body = parts.join('\n');
      const crisis = rand() < 0.3 ? null : crisisIds[Math.floor(rand() * CRISES)];
      const cls = CLASSES[Math.floor(rand() * CLASSES.length)];
      const at = new Date(Date.now() - rand() * 365 * 86_400_000).toISOString();
      docs.push([id, orgId, String(start + i + 1), 'other', cls, esc(title), esc(body), adminId, crisis ?? '\\N', at, at].join('\t'));
      entries.push(
        [
          orgId,
          'document',
          id,
          '\\N',
          crisis ?? '\\N',
          esc(title),
          esc(body),
          at,
          esc(tsvectorLiteral(normalise(`${title}\n${body}`))),
        ].join('\t'),
      );
    }
    await copy(
      db,
      'COPY documents (id, org_id, number, kind, classification, title, body, owner_id, crisis_id, created_at, updated_at) FROM STDIN',
      docs,
    );
    await copy(db, 'COPY search_entries (org_id, kind, ref_id, parent_id, crisis_id, title, body, at, search) FROM STDIN', entries);
  }
  const documentsS = (performance.now() - t1) / 1000;
  await db.query('VACUUM ANALYZE');
  // The load's writes finish before measuring: otherwise the checkpointer spreads them over the first minutes of runs.
  await db.query('CHECKPOINT');

  const database = createDb(url, { max: 4 });
  const deps = {
    db: database.db,
    clock: systemClock,
    dataDir: os.tmpdir(),
    files: createFileStore(path.join(os.tmpdir(), 'files')),
    allowPrivateFetch: [],
  };
  const as = (userId: string, role: string) =>
    ({ kind: 'user', userId, orgId, role, label: role, sessionHash: '', csrfToken: '', secondFactor: 'ok' }) as Principal;
  const principals = { member: as(memberId, 'member'), guest: as(guestId, 'guest') };

  // The reference: the same candidate queries with no permission filter and no recheck in Node.
  const reference = async (q: string) => {
    const plan = parseSearch(q)?.plan as string;
    await Promise.all([
      db.query(
        `SELECT id, title, text FROM mentions WHERE org_id = $1 AND search @@ $2::tsquery ORDER BY published_at DESC, id DESC LIMIT 1001`,
        [orgId, plan],
      ),
      db.query(
        `SELECT * FROM (SELECT kind, ref_id, title, body, row_number() OVER (PARTITION BY kind ORDER BY at DESC) rn
           FROM search_entries WHERE org_id = $1 AND search @@ $2::tsquery) x WHERE rn <= 1001`,
        [orgId, plan],
      ),
    ]);
  };
  const results: Record<string, Record<string, unknown>> = {};
  for (const q of queries) {
    results[q] = {};
    const refTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      await reference(q);
      refTimes.push(performance.now() - s);
    }
    results[q].reference = { p50Ms: ms(pct(refTimes, 50)), p95Ms: ms(pct(refTimes, 95)) };
    for (const [name, p] of Object.entries(principals)) {
      const times: number[] = [];
      let last: Awaited<ReturnType<typeof searchEverything>> | undefined;
      for (let i = 0; i < RUNS; i++) {
        const s = performance.now();
        last = await searchEverything(deps, p, { q, limit: 20, offset: 0 });
        times.push(performance.now() - s);
      }
      results[q][name] = {
        p50Ms: ms(pct(times, 50)),
        p95Ms: ms(pct(times, 95)),
        maxMs: ms(Math.max(...times)),
        total: last?.total,
        facets: last?.facets.kind,
      };
    }
  }
  const all = (who: string) => Object.values(results).map((r) => (r[who] as { p95Ms: number }).p95Ms);
  console.log(
    JSON.stringify(
      {
        machine: { cpus: os.cpus().length, node: process.versions.node, memoryGB: ms(os.totalmem() / 1024 ** 3) },
        sharedBuffers: (await db.query<{ shared_buffers: string }>('SHOW shared_buffers')).rows[0].shared_buffers,
        mentions: MENTIONS,
        documents: DOCUMENTS,
        loadSeconds: { mentions: ms(mentionsS), documents: ms(documentsS) },
        runsPerQuery: RUNS,
        queries: results,
        worstP95Ms: { member: Math.max(...all('member')), guest: Math.max(...all('guest')), reference: Math.max(...all('reference')) },
        target: { p95Ms: 150 },
        note: 'reference: the bare GIN candidate queries (mentions + search_entries) with no permission filter, no recheck, no counting',
      },
      null,
      2,
    ),
  );
  await database.close();
  await db.end();
} finally {
  await bench.stop();
}
