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

const FNV_PRIME = 0x01000193;

/** The SimHash of a normalised text as an unsigned 64-bit bigint. */
export function simhash(normalised: string): bigint {
  const s = normalised.replace(STRIP, '');
  // Per bit, how many 3-grams (UTF-16 code units, each hashed twice with FNV-1a) set it; a bit of the
  // SimHash is 1 when more than half of the grams set it.
  const ones = new Int32Array(64);
  const n = Math.max(1, s.length - 2);
  for (let i = 0; i < n; i++) {
    let lo = 0x811c9dc5;
    let hi = 0x050c5d1f;
    for (let j = i; j < i + 3 && j < s.length; j++) {
      const c = s.charCodeAt(j);
      lo = Math.imul(lo ^ c, FNV_PRIME);
      hi = Math.imul(hi ^ c, FNV_PRIME);
    }
    for (; lo !== 0; lo &= lo - 1) ones[31 - Math.clz32(lo & -lo)]++;
    for (; hi !== 0; hi &= hi - 1) ones[63 - Math.clz32(hi & -hi)]++;
  }
  let lo = 0;
  let hi = 0;
  for (let b = 0; b < 32; b++) {
    if (2 * ones[b] > n) lo |= 1 << b;
    if (2 * ones[b + 32] > n) hi |= 1 << b;
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
/** How many lookup keys lshKeys gives (one per pair of blocks). */
export const KEYS = PAIRS.length;

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
