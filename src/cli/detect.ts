// `firebreak detect --input FILE.csv [--output FILE.csv]`: runs the early-warning detector, strictly
// online and with the defaults of a new topic, over a `timestamp,value` CSV and writes
// `timestamp,value,anomaly_score,alert`, one row per input row. No network, no database.
import fs from 'node:fs';
import readline from 'node:readline';
import { SeriesDetector } from '../features/warnings/detector.ts';

type Values = Record<string, string | boolean | undefined>;

/** Parses `2015-02-26 21:42:53` (UTC, as NAB writes it) or any ISO 8601 time; NaN if neither. */
export function parseTimestamp(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/.exec(s.trim());
  if (m) return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0), m[7] ? Math.round(Number(m[7]) * 1000) : 0);
  return Date.parse(s);
}

/** Splits one CSV line of two fields (quotes allowed around either). */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** The command. Errors name the line; nothing is written past a bad row. */
export async function detectCommand(v: Values): Promise<number> {
  const input = v.input;
  if (typeof input !== 'string') {
    console.error('firebreak detect: --input FILE.csv is required');
    return 2;
  }
  let inStream: fs.ReadStream;
  try {
    fs.accessSync(input, fs.constants.R_OK);
    inStream = fs.createReadStream(input, { encoding: 'utf8' });
  } catch (e) {
    console.error(`firebreak detect: cannot read ${input}: ${(e as Error).message}`);
    return 1;
  }
  const out: NodeJS.WritableStream = typeof v.output === 'string' ? fs.createWriteStream(v.output) : process.stdout;
  const detector = new SeriesDetector();
  const lines = readline.createInterface({ input: inStream, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  let header = true;
  let lastT = Number.NEGATIVE_INFINITY;
  let warned = false;
  const fail = (msg: string) => {
    console.error(`firebreak detect: ${input} line ${lineNo}: ${msg}`);
    lines.close();
    inStream.destroy();
    return 1;
  };
  let buffer = 'timestamp,value,anomaly_score,alert\n';
  const flush = async () => {
    if (buffer && !out.write(buffer)) await new Promise((r) => out.once('drain', r));
    buffer = '';
  };
  for await (const raw of lines) {
    lineNo++;
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.trim() === '') continue;
    const [ts, value, ...extra] = fields(line);
    if (header) {
      header = false;
      if (ts?.trim().toLowerCase() !== 'timestamp' || value?.trim().toLowerCase() !== 'value' || extra.length)
        return fail(`expected the header "timestamp,value", got "${line.slice(0, 80)}"`);
      continue;
    }
    if (value === undefined || extra.length) return fail('expected two fields: timestamp,value');
    const t = parseTimestamp(ts);
    if (!Number.isFinite(t)) return fail(`not a timestamp: "${ts.slice(0, 40)}"`);
    // A row stamped earlier than the one above (clock skew) is scored, not refused; the detector's
    // clock runs forward only.
    if (t < lastT && !warned) {
      console.error(
        `firebreak detect: ${input} line ${lineNo}: "${ts}" is earlier than the row above (clock skew?); scoring it in file order`,
      );
      warned = true;
    }
    lastT = Math.max(lastT, t);
    const x = value.trim() === '' ? Number.NaN : Number(value);
    if (!Number.isFinite(x)) return fail(`not a number: "${value.slice(0, 40)}"`);
    const r = detector.step(t, x);
    buffer += `${ts},${value},${r.score.toFixed(6)},${r.alert ? 1 : 0}\n`;
    if (buffer.length > 1 << 16) await flush();
  }
  if (header) return fail('empty file: expected the header "timestamp,value"');
  await flush();
  if (out !== process.stdout) await new Promise<void>((r) => (out as fs.WriteStream).end(r));
  return 0;
}
