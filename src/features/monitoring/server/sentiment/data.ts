// The labelled training data: the shared review corpora, deduplicated, and a deterministic train/test split.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { normalise } from '../../../../platform/text/normalise.ts';
import { parseCsv } from './csv.ts';

/** A polarity label; 'neutral' appears only in user corrections (the base data has none). */
export type Label = 'negative' | 'neutral' | 'positive';

/** One labelled text, with where it came from. */
export type Example = { text: string; label: Label; source: string; key: string };

/** The shared CSV files this model learns from, and the column holding label and text. */
export const SOURCE_FILES = [
  {
    file: 'ChnSentiCorp_htl_all.csv',
    source: 'hotel',
    header: ['label', 'review'],
    from: 'SophonPlus/ChineseNlpCorpus, datasets/ChnSentiCorp_htl_all (Tan Songbo’s ChnSentiCorp hotel reviews)',
    terms: 'no licence file; the corpus is distributed for research',
  },
  {
    file: 'online_shopping_10_cats.csv',
    source: 'shopping',
    header: ['cat', 'label', 'review'],
    from: 'SophonPlus/ChineseNlpCorpus, datasets/online_shopping_10_cats',
    terms: 'no licence file in the repository',
  },
  {
    file: 'waimai_10k.csv',
    source: 'waimai',
    header: ['label', 'review'],
    from: 'SophonPlus/ChineseNlpCorpus, datasets/waimai_10k',
    terms: 'no licence file in the repository',
  },
] as const;

/** Percent of the deduplicated texts held out for testing, chosen by a hash of the normalised text. */
export const TEST_PERCENT = 10;

/** The split rule, written into the model's provenance. */
export const SPLIT_RULE = `bucket = first 4 bytes of sha256(dedup key) as big-endian uint32 mod 100; test if bucket < ${TEST_PERCENT}; dedup key = normalise(text) with whitespace runs collapsed and trimmed`;

/** The deduplication key of an already normalised text: whitespace collapsed and trimmed. */
export function keyOfNormalised(normalised: string): string {
  return normalised.replace(/[\s\ufeff\u200b]+/g, ' ').trim();
}

/** The deduplication key: the normalised text with whitespace collapsed. */
export function dedupKey(text: string): string {
  return keyOfNormalised(normalise(text));
}

/** A fast 53-bit hash of a dedup key, as 14 hex digits (cyrb53); names corrected texts in the model file. */
export function keyHash(key: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The split bucket (0–99) of a dedup key. */
export function bucketOf(key: string): number {
  return crypto.createHash('sha256').update(key).digest().readUInt32BE(0) % 100;
}

/** True if a text belongs to the held-out test split (never used for training). */
export function isTest(key: string): boolean {
  return bucketOf(key) < TEST_PERCENT;
}

/** What loading found, for the provenance record. */
export type LoadReport = {
  files: Array<{ file: string; source: string; rows: number; sha256: string; from: string; terms: string }>;
  emptyOrBad: number;
  duplicates: number;
  conflicting: number;
  kept: number;
};

/** Reads the shared corpora from `dir`, drops empty rows, exact duplicates and texts labelled both ways. */
export function loadCorpus(dir: string): { examples: Example[]; report: LoadReport } {
  const report: LoadReport = { files: [], emptyOrBad: 0, duplicates: 0, conflicting: 0, kept: 0 };
  const byKey = new Map<string, Example | null>();
  for (const spec of SOURCE_FILES) {
    const full = path.join(dir, spec.file);
    const raw = fs.readFileSync(full);
    const rows = parseCsv(raw.toString('utf8'));
    const header = rows.shift() ?? [];
    if (header.join(',') !== spec.header.join(',')) {
      throw new Error(`${spec.file}: expected header ${spec.header.join(',')}, found ${header.join(',')}`);
    }
    const li = header.indexOf('label');
    const ti = header.indexOf('review');
    report.files.push({
      file: spec.file,
      source: spec.source,
      rows: rows.length,
      sha256: crypto.createHash('sha256').update(raw).digest('hex'),
      from: spec.from,
      terms: spec.terms,
    });
    for (const row of rows) {
      const text = (row[ti] ?? '').trim();
      const l = row[li];
      const key = text ? dedupKey(text) : '';
      if (!key || (l !== '0' && l !== '1')) {
        report.emptyOrBad++;
        continue;
      }
      const label: Label = l === '1' ? 'positive' : 'negative';
      const seen = byKey.get(key);
      if (seen === undefined) byKey.set(key, { text, label, source: spec.source, key });
      else {
        report.duplicates++;
        if (seen !== null && seen.label !== label) {
          byKey.set(key, null);
          report.conflicting++;
        }
      }
    }
  }
  const examples = [...byKey.values()].filter((e): e is Example => e !== null);
  report.kept = examples.length;
  return { examples, report };
}
