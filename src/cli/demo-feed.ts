// `firebreak demo-feed`: synthetic mentions into the first organisation, straight through the ingest pipeline.
import { asc, eq } from 'drizzle-orm';
import { runDemoFeed } from '../features/monitoring/server/demo-feed.ts';
import { organisations } from '../features/people/server/schema.ts';
import { systemClock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { openDatabase } from '../platform/database-target.ts';
import { createDb } from '../platform/db.ts';
import { runMigrations } from '../platform/migrate.ts';

type Values = Record<string, string | boolean | undefined>;

function numberOption(v: Values, name: string, fallback: number, min: number, max: number): number | string {
  if (v[name] === undefined) return fallback;
  const n = Number(String(v[name]).replace(/\/s$/, ''));
  if (!Number.isFinite(n) || n < min || n > max) return `--${name} must be a number from ${min} to ${max}.`;
  return n;
}

/** `firebreak demo-feed [--rate N/s] [--minutes M] [--source NAME] [--backfill HOURS]` */
export async function demoFeedCommand(config: Config, v: Values): Promise<number> {
  const rate = numberOption(v, 'rate', 5, 0.1, 2000);
  const minutes = numberOption(v, 'minutes', 10, 0.1, 24 * 60);
  const backfill = numberOption(v, 'backfill', 48, 0, 24 * 60);
  for (const o of [rate, minutes, backfill]) {
    if (typeof o === 'string') {
      console.error(o);
      return 1;
    }
  }
  const source = typeof v.source === 'string' ? v.source.trim() : undefined;
  if (source !== undefined && (source.length === 0 || source.length > 100)) {
    console.error('--source must be 1 to 100 characters.');
    return 1;
  }
  const target = await openDatabase(config, { exclusive: false, log: (m) => console.error(m) });
  const database = createDb(target.url, { max: 2 });
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await runMigrations(target.url);
    const [org] = await database.db
      .select()
      .from(organisations)
      .where(eq(organisations.kind, 'live'))
      .orderBy(asc(organisations.createdAt))
      .limit(1);
    if (!org) {
      console.error('Firebreak is not set up yet: open the web app, or set FIREBREAK_ADMIN_EMAIL and FIREBREAK_ADMIN_PASSWORD.');
      return 1;
    }
    console.error(
      `Demo feed into "${org.name}": ${rate}/s for ${minutes} min, a negative wave rising after the first fifth. Ctrl-C stops.`,
    );
    const stored = await runDemoFeed({ db: database.db, clock: systemClock }, org.id, {
      ratePerSecond: rate as number,
      minutes: minutes as number,
      backfillHours: backfill as number,
      source,
      signal: stop.signal,
      log: (line) => console.error(line),
    });
    console.log(`Demo feed stored ${stored} mentions.`);
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await database.close();
    await target.release();
  }
}
