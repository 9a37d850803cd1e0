// Near-duplicate lookup keys: ten rows per story (the old mention_keys) against one row with ten
// indexed columns (cluster_keys), insert cost per story and lookup time per batch, with the same
// rows inserted into an unindexed table as the reference. Prints JSON. ARCHITECTURE.md "Repost clusters".
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startBenchDatabase } from './database.ts';

const { values } = parseArgs({ options: { batches: { type: 'string', default: '60' }, stories: { type: 'string', default: '910' } } });
const B = Number(values.batches);
const N = Number(values.stories);
const org = '11111111-1111-1111-1111-111111111111';
let seed = 42;
const rnd = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) | 0;
  return seed;
};
type Story = { id: number; keys: number[]; hash: string; at: string };
const batches: Story[][] = Array.from({ length: B }, (_, b) =>
  Array.from({ length: N }, (_, i) => ({
    id: b * N + i + 1,
    keys: Array.from({ length: 10 }, rnd),
    hash: String(rnd()),
    at: new Date(Date.UTC(2026, 10, 1) + (b * N + i) * 1000).toISOString(),
  })),
);
const flat = (b: Story[]) => {
  const out = { keys: [] as number[], ids: [] as number[], hashes: [] as string[], dates: [] as string[] };
  for (const s of b)
    for (const k of s.keys) {
      out.keys.push(k);
      out.ids.push(s.id);
      out.hashes.push(s.hash);
      out.dates.push(s.at);
    }
  return out;
};

const bench = await startBenchDatabase('cluster-keys');
const db = new pg.Client({ connectionString: bench.url });
try {
  await db.connect();
  const rowsSql = (t: string) =>
    `INSERT INTO ${t} (org_id, key, mention_id, simhash, published_at) SELECT $1, * FROM unnest($2::int[], $3::bigint[], $4::bigint[], $5::timestamptz[])`;
  const columnsSql = `INSERT INTO cluster_keys SELECT $1, id, h, d, k[1], k[2], k[3], k[4], k[5], k[6], k[7], k[8], k[9], k[10]
    FROM (SELECT u.id, u.h, u.d, u.k::int[] AS k FROM unnest($2::bigint[], $3::bigint[], $4::timestamptz[], $5::text[]) AS u(id, h, d, k)) s`;
  const layouts: Record<string, { setup: string; insert: (b: Story[]) => Promise<unknown> }> = {
    tenRowsNoIndex: {
      setup:
        'CREATE TABLE rows_bare (org_id uuid NOT NULL, key int NOT NULL, mention_id bigint NOT NULL, simhash bigint NOT NULL, published_at timestamptz NOT NULL)',
      insert: (b) => {
        const f = flat(b);
        return db.query(rowsSql('rows_bare'), [org, f.keys, f.ids, f.hashes, f.dates]);
      },
    },
    tenRowsIndexed: {
      setup: 'CREATE TABLE rows_indexed (LIKE rows_bare); CREATE INDEX ON rows_indexed (org_id, key)',
      insert: (b) => {
        const f = flat(b);
        return db.query(rowsSql('rows_indexed'), [org, f.keys, f.ids, f.hashes, f.dates]);
      },
    },
    oneRowTenColumns: {
      setup: 'SELECT 1',
      insert: (b) =>
        db.query(columnsSql, [org, b.map((s) => s.id), b.map((s) => s.hash), b.map((s) => s.at), b.map((s) => `{${s.keys.join(',')}}`)]),
    },
  };
  const insertMicrosPerStory: Record<string, number> = {};
  for (const [name, l] of Object.entries(layouts)) {
    await db.query(l.setup);
    const t0 = performance.now();
    for (const b of batches) {
      await db.query('BEGIN');
      await l.insert(b);
      await db.query('COMMIT');
    }
    insertMicrosPerStory[name] = Math.round(((performance.now() - t0) * 1000) / (B * N));
  }
  await db.query('ANALYZE');
  // A batch of 1,000 new mentions: 10,000 keys, 5% of them stored already.
  const probe = () =>
    Array.from({ length: 1000 }, (_, i) => {
      const s = batches[Math.abs(rnd()) % B][Math.abs(rnd()) % N];
      return i < 50 ? s.keys : Array.from({ length: 10 }, rnd);
    });
  const median = async (f: (p: number[][]) => Promise<unknown>) => {
    const ts: number[] = [];
    for (let r = 0; r < 9; r++) {
      const p = probe();
      const t0 = performance.now();
      await f(p);
      ts.push(performance.now() - t0);
    }
    return Number(ts.sort((a, b) => a - b)[4].toFixed(1));
  };
  const since = '2026-10-01T00:00:00Z';
  const lookupMsPerBatch = {
    tenRowsIndexed: await median((p) =>
      db.query(
        'SELECT simhash, mention_id FROM rows_indexed WHERE org_id = $1 AND key = ANY($2::int[]) AND published_at >= $3 LIMIT 5000',
        [org, p.flat(), since],
      ),
    ),
    oneRowTenColumns: await median(async (p) => {
      const where = Array.from({ length: 10 }, (_, t) => `k${t} = ANY($${t + 3}::int[])`).join(' OR ');
      await db.query('BEGIN; SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0');
      await db.query(`SELECT simhash, mention_id FROM cluster_keys WHERE (${where}) AND org_id = $1 AND published_at >= $2 LIMIT 5000`, [
        org,
        since,
        ...Array.from({ length: 10 }, (_, t) => p.map((k) => k[t])),
      ]);
      await db.query('COMMIT');
    }),
  };
  console.log(
    JSON.stringify(
      {
        machine: { cpus: os.cpus().length, node: process.versions.node },
        input: { transactions: B, storiesPerTransaction: N, keysPerStory: 10 },
        insertMicrosPerStory,
        lookupMsPerBatch,
        note: 'tenRowsNoIndex is the reference: the same ten rows per story with no index at all',
      },
      null,
      2,
    ),
  );
} finally {
  await db.end().catch(() => {});
  await bench.stop();
}
