// The shipped model's file format: gzip of  "FBSENT01" | u32 LE header length | header JSON |
// bucket indices (ascending, LEB128 varint deltas) | int8 weights (one per index). Buckets not listed weigh 0.
import zlib from 'node:zlib';
import type { FeatureSpec } from './features.ts';

const MAGIC = 'FBSENT01';

/** Everything besides the weights that classification needs, plus a short provenance stamp. */
export type ModelHeader = {
  format: 'firebreak-sentiment-zh';
  spec: FeatureSpec;
  /** Raw score = bias + scale · Σ int8 weights / (lengthNorm ? √features : 1). */
  bias: number;
  scale: number;
  lengthNorm: boolean;
  /** Platt calibration: P(positive) = σ(a · raw + b). */
  calibration: { a: number; b: number };
  /** |2P − 1| below this is reported as neutral. */
  neutralBand: number;
  entries: number;
  trainedAt: string;
  /** sha256 of the training configuration and data files, to match the model with its meta file. */
  fingerprint: string;
  /** Corrected texts (keyHash of their dedup key) and the label people gave them: answered as is. */
  overrides?: Record<string, 'negative' | 'neutral' | 'positive'>;
};

/** A decoded model: its header and dense int8 weights over all buckets. */
export type ModelData = { header: ModelHeader; weights: Int8Array };

/** Encodes a model (sparse: only non-zero buckets are stored). */
export function encodeModel(header: Omit<ModelHeader, 'entries'>, weights: Int8Array): Buffer {
  const idx: number[] = [];
  for (let j = 0; j < weights.length; j++) if (weights[j] !== 0) idx.push(j);
  const full: ModelHeader = { ...header, entries: idx.length };
  const head = Buffer.from(JSON.stringify(full), 'utf8');
  const body = Buffer.alloc(idx.length * 5 + idx.length);
  let o = 0;
  let prev = -1;
  for (const j of idx) {
    let d = j - prev - 1;
    prev = j;
    while (d >= 0x80) {
      body[o++] = (d & 0x7f) | 0x80;
      d >>>= 7;
    }
    body[o++] = d;
  }
  for (const j of idx) body[o++] = weights[j] & 0xff;
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  return zlib.gzipSync(Buffer.concat([Buffer.from(MAGIC, 'latin1'), len, head, body.subarray(0, o)]), { level: 9 });
}

/** Decodes a model file's bytes; throws with a clear message on anything unexpected. */
export function decodeModel(file: Uint8Array): ModelData {
  const buf = zlib.gunzipSync(file);
  if (buf.toString('latin1', 0, 8) !== MAGIC) throw new Error('not a Firebreak sentiment model (bad magic)');
  const hlen = buf.readUInt32LE(8);
  const header = JSON.parse(buf.toString('utf8', 12, 12 + hlen)) as ModelHeader;
  if (header.format !== 'firebreak-sentiment-zh') throw new Error(`unknown model format ${String(header.format)}`);
  const weights = new Int8Array(1 << header.spec.bits);
  let o = 12 + hlen;
  const n = header.entries;
  if (o + n > buf.length) throw new Error('truncated model file');
  const idx = new Int32Array(n);
  let prev = -1;
  for (let k = 0; k < n; k++) {
    let d = 0;
    let shift = 0;
    let b: number;
    do {
      b = buf[o++] ?? 0;
      d |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    prev += d + 1;
    idx[k] = prev;
  }
  if (o + n !== buf.length || (n > 0 && prev >= weights.length)) throw new Error('corrupt model file (size mismatch)');
  for (let k = 0; k < n; k++) weights[idx[k]] = (buf[o + k] << 24) >> 24;
  return { header, weights };
}
