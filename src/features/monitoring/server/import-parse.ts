// Reading an import file: UTF-8 checking while it streams in, format detection, and the records of a
// CSV (csv-parse: quoted multi-line fields, BOM, `,` `;` or tab) or NDJSON file, numbered as people see them.
import { isUtf8 } from 'node:buffer';
import { pipeline, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '../../../platform/errors.ts';
import type { ImportFormat, ImportPreview, ImportProblemCode } from '../import-contract.ts';
import { suggestMapping } from './import-rows.ts';

/** A file-level problem, as problem details with a stable code in `errors[0].code`. */
export function importProblem(code: ImportProblemCode, message: string, status: 'bad_request' | 'conflict' = 'bad_request') {
  const appCode =
    code === 'too_large'
      ? 'payload_too_large'
      : code === 'unsupported_type'
        ? 'unsupported_media_type'
        : ['not_utf8', 'utf16', 'big5'].includes(code)
          ? 'invalid_utf8'
          : status;
  return new AppError(appCode, message, { errors: [{ path: 'file', code, message }] });
}

/** Checks UTF-8 as the bytes arrive (chunks may split characters); names the likely encoding when it fails. */
export function createUtf8Check() {
  let carry = Buffer.alloc(0);
  let offset = 0;
  let head: Buffer | null = null;
  const fail = (at: number): never => {
    const sample = head ?? Buffer.alloc(0);
    if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff) || sample.subarray(0, 64).includes(0)) {
      throw importProblem('utf16', 'The file is UTF-16, not UTF-8. Save it as “CSV UTF-8” (Excel) or UTF-8 text and upload it again.');
    }
    let big5 = false;
    try {
      const text = new TextDecoder('big5', { fatal: true }).decode(sample.subarray(0, cutPoint(sample)));
      big5 = /[\u4e00-\u9fff]/.test(text);
    } catch {
      big5 = false;
    }
    if (big5) {
      throw importProblem(
        'big5',
        `The file is not UTF-8 (first bad byte at offset ${at}); it looks like Big5 (Traditional Chinese Windows encoding). Save it as “CSV UTF-8” in Excel, or convert it with: iconv -f BIG5 -t UTF-8.`,
      );
    }
    throw importProblem('not_utf8', `The file is not valid UTF-8 (first bad byte at offset ${at}). Save it as UTF-8 and upload it again.`);
  };
  return {
    /** Checks the next piece of the file. */
    push(piece: Buffer) {
      head ??= Buffer.from(piece.subarray(0, 64 * 1024));
      const data = carry.length ? Buffer.concat([carry, piece]) : piece;
      const cut = cutPoint(data);
      if (!isUtf8(data.subarray(0, cut))) fail(offset + firstInvalid(data.subarray(0, cut)));
      offset += cut;
      carry = Buffer.from(data.subarray(cut));
    },
    /** Checks that the file does not end inside a character. */
    end() {
      if (carry.length) fail(offset);
    },
  };
}

// Where the last (possibly incomplete) character starts, so a chunk boundary never splits one.
function cutPoint(b: Buffer): number {
  for (let i = b.length - 1; i >= Math.max(0, b.length - 4); i--) {
    const c = b[i];
    if ((c & 0xc0) === 0x80) continue; // continuation byte
    const len = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return i + len <= b.length ? b.length : i;
  }
  return b.length;
}

function firstInvalid(b: Buffer): number {
  let lo = 0;
  let hi = b.length;
  // The longest valid prefix, by bisection over character starts (isUtf8 is fast; this runs once).
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (isUtf8(b.subarray(0, cutPoint(b.subarray(0, mid))))) lo = mid;
    else hi = mid;
  }
  return cutPoint(b.subarray(0, lo));
}

/** The format: an explicit choice, else the file name, else the content type, else a look at the first byte. */
export function detectFormat(fileName: string, contentType: string | undefined, head: Buffer, explicit?: ImportFormat): ImportFormat {
  if (explicit) return explicit;
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (['ndjson', 'jsonl', 'json'].includes(ext)) return 'ndjson';
  if (['csv', 'tsv', 'txt'].includes(ext)) return 'csv';
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type.includes('ndjson') || type.includes('jsonl')) return 'ndjson';
  if (type === 'text/csv' || type === 'application/csv' || type === 'text/tab-separated-values') return 'csv';
  const first = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()[0];
  return first === '{' ? 'ndjson' : 'csv';
}

/** The field delimiter the header line uses most: comma, semicolon or tab. */
export function detectDelimiter(firstLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
}

/** One record of the file: its row number (CSV: as a spreadsheet numbers it, header = 1; NDJSON: line). */
export type FileRecord = { row: number; cells: string[] } | { row: number; line: string };

async function* decode(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8'); // strips a BOM; the upload already refused invalid UTF-8
  for await (const c of chunks) {
    const s = decoder.decode(c, { stream: true });
    if (s) yield s;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function* csvRecords(text: AsyncGenerator<string>): AsyncGenerator<FileRecord> {
  const first = await text.next();
  if (first.done) return;
  const delimiter = detectDelimiter(first.value.split(/\r?\n/, 1)[0]);
  async function* all() {
    yield first.value;
    yield* text;
  }
  const parser = parse({ delimiter, relax_quotes: true, relax_column_count: true, max_record_size: 1_000_000, skip_empty_lines: false });
  // pipeline destroys the parser with any error of the source (a failed chunk read), so the loop below sees it.
  pipeline(Readable.from(all()), parser, () => {});
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row++;
      if (cells.length === 1 && cells[0].trim() === '') continue; // a blank line: nothing to import
      yield { row, cells };
    }
  } catch (e) {
    if (!String((e as { code?: string }).code).startsWith('CSV_')) throw e;
    throw importProblem('csv_syntax', `CSV syntax error after row ${row}: ${(e as Error).message.slice(0, 300)}`);
  }
}

async function* ndjsonRecords(text: AsyncGenerator<string>): AsyncGenerator<FileRecord> {
  let rest = '';
  let row = 0;
  for await (const s of text) {
    rest += s;
    const lines = rest.split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      row++;
      if (line.trim()) yield { row, line };
    }
    if (rest.length > 1_000_000) throw importProblem('csv_syntax', `Line ${row + 1} is longer than 1,000,000 characters.`);
  }
  row++;
  if (rest.trim()) yield { row, line: rest };
}

/** The records of a file, streaming (blank lines skipped but counted in row numbers). */
export function fileRecords(format: ImportFormat, chunks: AsyncIterable<Buffer>): AsyncGenerator<FileRecord> {
  return format === 'csv' ? csvRecords(decode(chunks)) : ndjsonRecords(decode(chunks));
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The header and first rows (CSV), or the first lines (NDJSON), cut short for display. */
export async function readPreview(format: ImportFormat, chunks: AsyncIterable<Buffer>, rows = 10): Promise<ImportPreview> {
  const records = fileRecords(format, chunks);
  const out: ImportPreview = { headers: [], rows: [], suggested: {} };
  try {
    for await (const r of records) {
      if ('line' in r) out.rows.push([clip(r.line, 300)]);
      else if (!out.headers.length) out.headers = r.cells.map((c) => c.trim());
      else out.rows.push(r.cells.map((c) => clip(c, 200)));
      if (out.rows.length >= rows) break;
    }
  } finally {
    await records.return(undefined);
  }
  if (format === 'ndjson') out.headers = ['JSON'];
  else out.suggested = suggestMapping(out.headers);
  return out;
}
