// 64-bit SimHash over character 3-grams of normalised text, for clustering copy-pasted reposts:
// texts that differ by a few edits land within a small Hamming distance.

/**
 * Largest Hamming distance at which two texts count as the same story. The LSH keys (lshKeys)
 * guarantee to find every candidate within 3 bits; within 4–6 they find many (any two of the five
 * blocks left untouched suffice). Measured on short posts: a reposter's prefix, hashtag or a
 * changed word moves 2–5 bits; a different story on the same subject ~15–25.
 */
export const NEAR_DUPLICATE_DISTANCE = 6;

// Letters, digits and CJK only: punctuation, emoji and spacing differences do not make a new story.
const STRIP = /[^\p{L}\p{N}]+/gu;

function fnv1a32(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The SimHash of a normalised text as an unsigned 64-bit bigint. */
export function simhash(normalised: string): bigint {
  const s = normalised.replace(STRIP, '');
  const counts = new Int32Array(64);
  const n = Math.max(1, s.length - 2);
  for (let i = 0; i < n; i++) {
    const gram = s.slice(i, i + 3);
    const lo = fnv1a32(gram, 0x811c9dc5);
    const hi = fnv1a32(gram, 0x050c5d1f);
    for (let b = 0; b < 32; b++) {
      counts[b] += (lo >>> b) & 1 ? 1 : -1;
      counts[b + 32] += (hi >>> b) & 1 ? 1 : -1;
    }
  }
  let lo = 0;
  let hi = 0;
  for (let b = 0; b < 32; b++) {
    if (counts[b] > 0) lo |= 1 << b;
    if (counts[b + 32] > 0) hi |= 1 << b;
  }
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

/** Number of differing bits. */
export function hamming(a: bigint, b: bigint): number {
  let x = a ^ b;
  let n = 0;
  while (x) {
    x &= x - 1n;
    n++;
  }
  return n;
}

/** The four 16-bit bands: two hashes within distance 3 share at least one band (pigeonhole). */
export function bands(h: bigint): [number, number, number, number] {
  return [Number(h & 0xffffn), Number((h >> 16n) & 0xffffn), Number((h >> 32n) & 0xffffn), Number((h >> 48n) & 0xffffn)];
}

/** PostgreSQL bigint is signed: store the unsigned hash as its two's-complement value. */
export function toSigned(h: bigint): bigint {
  return BigInt.asIntN(64, h);
}

/** Back from the stored signed value. */
export function fromSigned(h: bigint): bigint {
  return BigInt.asUintN(64, h);
}

// Five blocks of the 64 bits (13,13,13,13,12). Any 3 differing bits touch at most 3 blocks, so two
// stay intact: keying on every pair of blocks (10 keys of ~26 bits) finds every hash within
// distance 3 exactly (and ~80% at distance 4), while unrelated hashes almost never share a key
// (block permutations after Manku et al., "Detecting near-duplicates for web crawling", 2007).
const BLOCKS: Array<[number, number]> = [
  [0, 13],
  [13, 13],
  [26, 13],
  [39, 13],
  [52, 12],
];
const PAIRS: Array<[number, number]> = [];
for (let a = 0; a < BLOCKS.length; a++) for (let b = a + 1; b < BLOCKS.length; b++) PAIRS.push([a, b]);

function block(h: bigint, i: number): number {
  const [shift, width] = BLOCKS[i];
  return Number((h >> BigInt(shift)) & ((1n << BigInt(width)) - 1n));
}

/** The 10 lookup keys (signed 32-bit) of a SimHash: hashes within 3 bits always share one. */
export function lshKeys(h: bigint): number[] {
  const b = BLOCKS.map((_, i) => block(h, i));
  return PAIRS.map(([i, j], t) => {
    let x = Math.imul(t + 1, 0x9e3779b1) ^ ((b[i] << 13) | b[j]);
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    return (x ^ (x >>> 16)) | 0;
  });
}
