// Hashed character n-gram features of normalised text, shared by training and classification.
// Each distinct n-gram of a text counts once (binary features, as in NBSVM). Pure integer arithmetic:
// no substrings are built, so extraction runs at tens of millions of characters per second.

/** Feature settings stored in the model file; training and classification must agree on them. */
export type FeatureSpec = {
  /** log2 of the number of hash buckets. */
  bits: number;
  /** Longest n-gram (1 = characters only, 2 = plus bigrams, 3 = plus trigrams, 4 = plus 4-grams). */
  maxN: number;
  /** Add begin/end-of-text markers so n-grams can tell where a text starts and ends. */
  boundaries: boolean;
  /** Fold every ASCII digit to '0' (prices, times and counts vary without changing sentiment). */
  foldDigits: boolean;
};

const BEGIN = 0x02;
const END = 0x03;
const SPACE = 0x20;

function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** True for characters that separate rather than carry meaning (spaces, controls, BOM, zero-width). */
function isSpace(c: number): boolean {
  return c <= 0x20 || c === 0x7f || c === 0xfeff || (c >= 0x200b && c <= 0x200f) || c === 0x2028 || c === 0x2029 || c === 0x85;
}

/** Reusable extractor: returns the distinct feature buckets of a normalised text (a view valid until the next call). */
export type Extractor = (normalised: string) => Int32Array;

/** Makes an extractor for the given spec, with its own scratch buffers (not shared across threads). */
export function createExtractor(spec: FeatureSpec): Extractor {
  const mask = (1 << spec.bits) - 1;
  const stamp = new Int32Array(1 << spec.bits);
  let generation = 0;
  let out = new Int32Array(1024);
  let codes = new Uint16Array(1024);
  return (normalised) => {
    // Collapse separators to one space, trim, fold digits, add boundaries.
    const need = normalised.length + 2;
    if (codes.length < need) codes = new Uint16Array(need * 2);
    let len = 0;
    if (spec.boundaries) codes[len++] = BEGIN;
    let pendingSpace = false;
    for (let i = 0; i < normalised.length; i++) {
      let c = normalised.charCodeAt(i);
      if (isSpace(c)) {
        pendingSpace = len > (spec.boundaries ? 1 : 0);
        continue;
      }
      if (pendingSpace) {
        codes[len++] = SPACE;
        pendingSpace = false;
      }
      if (spec.foldDigits && c >= 0x30 && c <= 0x39) c = 0x30;
      codes[len++] = c;
    }
    if (spec.boundaries) codes[len++] = END;
    const maxOut = len * spec.maxN;
    if (out.length < maxOut) out = new Int32Array(maxOut * 2);
    generation++;
    if (generation === 0x7fffffff) {
      stamp.fill(0);
      generation = 1;
    }
    let count = 0;
    const add = (h: number) => {
      const b = fmix(h) & mask;
      if (stamp[b] !== generation) {
        stamp[b] = generation;
        out[count++] = b;
      }
    };
    for (let i = 0; i < len; i++) {
      const c = codes[i];
      if (c !== BEGIN && c !== END) add(mix(0x11, c));
      if (spec.maxN >= 2 && i >= 1) {
        const b = mix(mix(0x22, codes[i - 1]), c);
        add(b);
        if (spec.maxN >= 3 && i >= 2) add(mix(mix(mix(0x33, codes[i - 2]), codes[i - 1]), c));
        if (spec.maxN >= 4 && i >= 3) add(mix(mix(mix(mix(0x44, codes[i - 3]), codes[i - 2]), codes[i - 1]), c));
      }
    }
    return out.subarray(0, count);
  };
}
