// `firebreak classify` and `firebreak sentiment train`. classify imports only the model code (no config,
// no database), streams stdin to stdout and keeps the output in input order.
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Label } from '../features/monitoring/server/sentiment/data.ts';
import { type Classifier, loadClassifier } from '../features/monitoring/server/sentiment/model.ts';

type Values = Record<string, string | boolean | undefined>;

const root = path.resolve(import.meta.dirname, '../..');

/** Answer for one NDJSON input line (without the newline). */
export function classifyLine(classifier: Classifier, line: string): string {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (e) {
    return JSON.stringify({ error: `invalid JSON: ${(e as Error).message}` });
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return JSON.stringify({ error: 'expected a JSON object {"id": …, "text": "…"}' });
  }
  const hasId = Object.hasOwn(input, 'id');
  const id = (input as { id?: unknown }).id ?? null;
  const text = (input as { text?: unknown }).text;
  if (typeof text !== 'string') {
    const error = text === undefined ? 'missing "text"' : '"text" must be a string';
    return JSON.stringify(hasId ? { id, error } : { error });
  }
  try {
    const r = classifier.classify(text);
    return JSON.stringify({ id, sentiment: r.sentiment, score: r.score, confidence: r.confidence, lang: r.lang });
  } catch (e) {
    return JSON.stringify({ id, error: `classification failed: ${(e as Error).message}` });
  }
}

/**
 * `firebreak classify`: NDJSON `{"id", "text"}` lines on stdin → one result line per input line, in
 * order. Blank lines are skipped (no output). CRLF and a leading BOM are accepted. Streams with
 * back-pressure, so input of any size runs in constant memory.
 */
export async function classifyCommand(
  _v: Values,
  io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream } = process,
): Promise<number> {
  let classifier: Classifier;
  try {
    classifier = loadClassifier();
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
  const { stdin, stdout } = io;
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let first = true;
  let closed = false;
  const lines = (chunk: string): string => {
    let text = pending + chunk;
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let out = '';
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const line = text.slice(start, nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
      start = nl + 1;
      if (line.trim() !== '') out += `${classifyLine(classifier, line)}\n`;
    }
    pending = text.slice(start);
    return out;
  };
  return new Promise<number>((resolve) => {
    stdout.on('error', () => {
      // The reader went away (e.g. `| head`): stop quietly.
      closed = true;
      stdin.pause();
      resolve(0);
    });
    stdin.on('data', (chunk: Buffer) => {
      const out = lines(decoder.write(chunk));
      if (out && !closed && !stdout.write(out)) {
        stdin.pause();
        stdout.once('drain', () => stdin.resume());
      }
    });
    stdin.on('end', () => {
      let out = lines(decoder.end());
      const last = pending.replace(/\r$/, '');
      if (last.trim() !== '') out += `${classifyLine(classifier, last)}\n`;
      if (closed) return;
      stdout.write(out, () => resolve(0));
    });
    stdin.on('error', (e) => {
      console.error(`firebreak classify: cannot read standard input: ${e.message}`);
      resolve(1);
    });
  });
}

/** Reads user corrections from the `sentiment_corrections` table (migrating first, as other CLI commands do). */
async function readCorrections(): Promise<Array<{ text: string; label: Label }>> {
  const { loadConfig } = await import('../platform/config.ts');
  const { openDatabase } = await import('../platform/database-target.ts');
  const { runMigrations } = await import('../platform/migrate.ts');
  const { default: pg } = await import('pg');
  const target = await openDatabase(loadConfig(), { exclusive: false, log: (m) => console.error(m) });
  try {
    await runMigrations(target.url);
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      const r = await client.query<{ text: string | null; sentiment: string | null }>('SELECT text, sentiment FROM sentiment_corrections');
      const out: Array<{ text: string; label: Label }> = [];
      let skipped = 0;
      for (const row of r.rows) {
        const s = row.sentiment;
        if (row.text?.trim() && (s === 'negative' || s === 'neutral' || s === 'positive')) out.push({ text: row.text, label: s });
        else skipped++;
      }
      console.error(
        `Read ${out.length} corrections from sentiment_corrections${skipped ? ` (${skipped} skipped: empty text or unknown sentiment)` : ''}.`,
      );
      return out;
    } catch (e) {
      if ((e as { code?: string }).code === '42P01') {
        throw new Error('The database has no sentiment_corrections table yet (its migration has not landed). Train without --corrections.');
      }
      throw e;
    } finally {
      await client.end();
    }
  } finally {
    await target.release();
  }
}

/** `firebreak sentiment train [--corrections] [--out DIR] [--data DIR]` */
export async function sentimentTrainCommand(v: Values): Promise<number> {
  const { trainSentiment } = await import('../features/monitoring/server/sentiment/train.ts');
  const dataDir = path.resolve(typeof v.data === 'string' ? v.data : path.join(root, '../shared/data/sentiment'));
  const outDir = path.resolve(typeof v.out === 'string' ? v.out : path.join(root, 'models'));
  let extra: Array<{ text: string; label: Label }> = [];
  if (v.corrections) {
    try {
      extra = await readCorrections();
    } catch (e) {
      console.error((e as Error).message);
      return 1;
    }
  }
  try {
    const meta = await trainSentiment({ dataDir, outDir, extra, log: (m) => console.error(m) });
    const s = meta.heldOut.simplified.all;
    const t = meta.heldOut.traditional.all;
    console.log(
      `Held-out accuracy ${s.accuracy} (sign of score ${s.polarityAccuracy}, macro-F1 ${s.macroF1}); Traditional-converted ${t.accuracy}. Model: ${path.join(outDir, meta.model)}`,
    );
    return 0;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') {
      console.error(
        `Cannot read the training data: ${err.message}. Pass --data DIR (default ${path.join(root, '../shared/data/sentiment')}).`,
      );
      return 1;
    }
    throw e;
  }
}
