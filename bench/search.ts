import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { searchMentions } from '../src/features/monitoring/server/search.ts';
import { systemClock } from '../src/platform/clock.ts';
import { createDb } from '../src/platform/db.ts';
import { normalise } from '../src/platform/text/normalise.ts';
import { tsvectorLiteral } from '../src/platform/text/tokenise.ts';
import { startBenchDatabase } from './database.ts';
import { syntheticMentions } from './synthetic.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '30' } } });
const COUNT = Number(values.count);
const RUNS = Number(values.runs);
const log = (m: string) => process.stderr.write(`${m}\n`);
const esc = (s: string | null) =>
  s === null ? '\\N' : s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

const queries = ['鼎泰豐', '蟑螂', '客服', '鼎泰豐 蟑螂', '全聯 漲價', '退款 客服', 'refund', '"customer service"'];

const bench = await startBenchDatabase('search');
try {
  const url = bench.url;
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const orgId = (await db.query(`INSERT INTO organisations (name) VALUES ('Bench') RETURNING id`)).rows[0].id as string;
  const sourceId = (await db.query(`INSERT INTO sources (org_id, kind, name) VALUES ($1, 'push', 'bench') RETURNING id`, [orgId])).rows[0]
    .id as string;
  log(`loading ${COUNT} mentions with COPY…`);
  const t0 = performance.now();
  const chunk = 50_000;
  for (let start = 0; start < COUNT; start += chunk) {
    const items = syntheticMentions(Math.min(chunk, COUNT - start), 1000 + start);
    const lines = items.map((m, i) => {
      const text = m.text as string;
      return [
        orgId,
        sourceId,
        `b${start + i}`,
        esc(text),
        'zh-Hant',
        m.publishedAt,
        new Date().toISOString(),
        '1',
        'x',
        '0',
        '0',
        '0',
        '0.5',
        esc(tsvectorLiteral(normalise(text))),
      ].join('\t');
    });
    await new Promise<void>((resolve, reject) => {
      const s = db.query(
        copyFrom(
          'COPY mentions (org_id, source_id, external_key, text, lang, published_at, collected_at, reach, text_hash, simhash, sentiment, sentiment_score, sentiment_confidence, search) FROM STDIN',
        ),
      );
      s.on('finish', () => resolve());
      s.on('error', reject);
      s.end(`${lines.join('\n')}\n`);
    });
    log(`  ${start + items.length}`);
  }
  const loadS = (performance.now() - t0) / 1000;
  await db.query('VACUUM ANALYZE mentions');
  const database = createDb(url, { max: 2 });
  const deps = { db: database.db, clock: systemClock };
  const principal = { kind: 'system' as const, orgId, label: 'bench' };
  const pct = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
  const results: Record<string, unknown> = {};
  for (const q of queries) {
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      const page = await searchMentions(deps, principal, { q, limit: 50 });
      times.push(performance.now() - s);
      hits = page.mentions.length;
    }
    const likeTerms = q
      .replaceAll('"', '')
      .split(' ')
      .map((t) => normalise(t));
    const likeTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const s = performance.now();
      await db.query(
        `SELECT id FROM mentions WHERE org_id = $1 AND ${likeTerms.map((_, j) => `lower(text) LIKE $${j + 2}`).join(' AND ')} ORDER BY published_at DESC, id DESC LIMIT 50`,
        [orgId, ...likeTerms.map((t) => `%${t}%`)],
      );
      likeTimes.push(performance.now() - s);
    }
    results[q] = {
      results: hits,
      p50Ms: Number(pct(times, 50).toFixed(1)),
      p95Ms: Number(pct(times, 95).toFixed(1)),
      maxMs: Number(Math.max(...times).toFixed(1)),
      likeScanP50Ms: Number(pct(likeTimes, 50).toFixed(1)),
    };
  }
  const size = (
    await db.query(
      `SELECT pg_size_pretty(pg_relation_size('mentions_search_idx')) AS idx, pg_size_pretty(pg_relation_size('mentions')) AS tbl`,
    )
  ).rows[0];
  console.log(
    JSON.stringify(
      {
        machine: { cpus: os.cpus().length, node: process.versions.node },
        mentions: COUNT,
        loadSeconds: Number(loadS.toFixed(1)),
        sizes: { table: size.tbl, searchIndex: size.idx },
        runsPerQuery: RUNS,
        queries: results,
        target: { p95Ms: 100 },
        note: 'likeScanP50Ms: the same terms as LIKE on the original text (lower-cased only; no Traditional/Simplified folding), for reference',
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
