import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { setUp } from '../src/features/people/server/setup.ts';
import { createToken } from '../src/features/people/server/tokens.ts';
import { loadConfig } from '../src/platform/config.ts';
import { buildServer } from '../src/server.ts';
import { startBenchDatabase } from './database.ts';
import { syntheticMentions, topicQueries } from './synthetic.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '200000' },
    concurrency: { type: 'string', default: '2' },
    batch: { type: 'string', default: '1000' },
  },
});
const COUNT = Number(values.count);
const CONCURRENCY = Number(values.concurrency);
const BATCH = Number(values.batch);
const log = (m: string) => process.stderr.write(`${m}\n`);

const bench = await startBenchDatabase('ingest');
try {
  const url = bench.url;
  // BENCH_LOG=error shows the server's log (e.g. why a push failed); BENCH_BACKGROUND=0 runs without the job
  // queue (no polling, no early-warning ticks), to see what they cost.
  const config = loadConfig({
    FIREBREAK_LOG_LEVEL: process.env.BENCH_LOG ?? 'silent',
    FIREBREAK_BUILD_WEB: '0',
    FIREBREAK_RATE_LIMIT_PER_MINUTE: '10000000',
  });
  const server = await buildServer({
    config,
    databaseUrl: url,
    logger: process.env.BENCH_LOG ? undefined : false,
    background: process.env.BENCH_BACKGROUND !== '0',
  });
  await server.start();
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (server.app.server.address() as { port: number }).port;
  const { orgId, userId } = await setUp(
    server.deps,
    { orgName: 'Bench', name: 'Bench', email: 'bench@example.com', password: 'bench password 123', locale: 'zh-TW' },
    {},
  );
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
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  for (const [i, q] of topicQueries.entries())
    await db.query('INSERT INTO topics (org_id, name, query) VALUES ($1, $2, $3)', [orgId, `topic ${i + 1}`, q]);

  log(`generating ${COUNT} mentions…`);
  const all = syntheticMentions(COUNT, 42);
  const batches: unknown[][] = [];
  for (let i = 0; i < all.length; i += BATCH) batches.push(all.slice(i, i + BATCH));
  log(`pushing ${batches.length} batches of ${BATCH} over HTTP with ${CONCURRENCY} concurrent requests…`);
  let next = 0;
  const totals = { accepted: 0, duplicate: 0, rejected: 0 };
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < batches.length) {
        const b = batches[next++];
        const res = await fetch(`http://127.0.0.1:${port}/api/mentions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
          body: JSON.stringify({ mentions: b }),
        });
        const body = (await res.json()) as typeof totals;
        if (res.status !== 200) {
          log(`push failed: ${res.status} ${JSON.stringify(body)}`);
          throw new Error(`push failed: ${res.status}`);
        }
        totals.accepted += body.accepted;
        totals.duplicate += body.duplicate;
        totals.rejected += body.rejected;
        if (next % 20 === 0) log(`  ${next}/${batches.length}`);
      }
    }),
  );
  const pipelineS = (performance.now() - t0) / 1000;
  const stats = (
    await db.query(`SELECT count(*)::int AS n, count(DISTINCT cluster_id)::int AS clusters,
    count(*) FILTER (WHERE cardinality(topic_ids) > 0)::int AS tagged FROM mentions`)
  ).rows[0];

  log('exporting the stored rows for the COPY reference…');
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    const s = db.query(copyTo('COPY (SELECT * FROM mentions) TO STDOUT'));
    s.on('data', (c: Buffer) => chunks.push(c));
    s.on('end', () => resolve());
    s.on('error', reject);
  });
  const dump = Buffer.concat(chunks);
  await db.query('CREATE TABLE bench_bare (LIKE mentions INCLUDING DEFAULTS)');
  await db.query('CREATE TABLE bench_indexed (LIKE mentions INCLUDING DEFAULTS INCLUDING INDEXES)');
  const copyInto = async (table: string) => {
    const start = performance.now();
    await new Promise<void>((resolve, reject) => {
      const s = db.query(copyFrom(`COPY ${table} FROM STDIN`));
      s.on('finish', () => resolve());
      s.on('error', reject);
      for (let i = 0; i < dump.length; i += 1 << 20) s.write(dump.subarray(i, i + (1 << 20)));
      s.end();
    });
    return (performance.now() - start) / 1000;
  };
  log('COPY into a bare table…');
  const bareS = await copyInto('bench_bare');
  log('COPY into a table with the same indexes as mentions…');
  const indexedS = await copyInto('bench_indexed');
  const rows = stats.n as number;
  const rate = (n: number, s: number) => Math.round(n / s);
  const result = {
    machine: { cpus: os.cpus().length, node: process.versions.node },
    input: { mentions: COUNT, batchSize: BATCH, concurrency: CONCURRENCY, topics: topicQueries.length, nearDuplicateShare: 0.1 },
    pipeline: {
      seconds: Number(pipelineS.toFixed(1)),
      mentionsPerSecond: rate(COUNT, pipelineS),
      ...totals,
      stored: rows,
      clusters: stats.clusters,
      taggedWithATopic: stats.tagged,
    },
    reference: {
      copyBareRowsPerSecond: rate(rows, bareS),
      copyIndexedRowsPerSecond: rate(rows, indexedS),
      note: 'COPY of the same stored rows (already enriched), in one stream, into LIKE mentions tables without / with its indexes',
    },
    ratios: {
      pipelineToCopyBare: Number((COUNT / pipelineS / (rows / bareS)).toFixed(3)),
      pipelineToCopyIndexed: Number((COUNT / pipelineS / (rows / indexedS)).toFixed(3)),
    },
    targets: { mentionsPerSecond: 5000, ratioToIndexedCopy: 0.5 },
  };
  console.log(JSON.stringify(result, null, 2));
  await db.end();
  await server.close();
} finally {
  await bench.stop();
}
