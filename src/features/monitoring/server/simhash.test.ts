// SimHash clusters copy-pasta with small edits and keeps different stories apart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalise } from '../../../platform/text/normalise.ts';
import { bands, fromSigned, hamming, lshKeys, NEAR_DUPLICATE_DISTANCE, simhash, toSigned } from './simhash.ts';

const h = (s: string) => simhash(normalise(s));
const base = '鼎泰豐信義店的小籠包裡面吃到蟑螂，店員態度還很差，說是我們自己帶進去的，大家千萬不要去！已經報衛生局了。';

test('small edits, punctuation, width and script variants stay near', () => {
  const variants = [
    `${base}#爆料`,
    base.replace('千萬', '一定'),
    base.replaceAll('，', ' '),
    '鼎泰丰信义店的小笼包里面吃到蟑螂，店员态度还很差，说是我们自己带进去的，大家千万不要去！已经报卫生局了。',
    `轉貼：${base}`,
  ];
  for (const v of variants) assert.ok(hamming(h(base), h(v)) <= NEAR_DUPLICATE_DISTANCE, v);
  assert.equal(hamming(h(base), h(base.replaceAll('，', ' '))), 0);
});

test('different stories are far apart', () => {
  const other = '全聯今天宣布雞蛋漲價，一盒多五元，網友抱怨物價一直漲，薪水卻沒有漲，政府應該出來管一管。';
  assert.ok(hamming(h(base), h(other)) > 12);
});

test('bands and signed storage round-trip', () => {
  const x = h(base);
  assert.equal(fromSigned(toSigned(x)), x);
  const b = bands(x);
  assert.equal(b.length, 4);
  assert.ok(b.every((v) => v >= 0 && v < 65536));
  const y = x ^ 0b1011n; // three bits differ, all in band 0
  assert.deepEqual(bands(y).slice(1), b.slice(1));
});

test('LSH keys: every hash within 3 bits shares a key; random hashes almost never do', () => {
  let seed = 7;
  const rand64 = () => {
    let v = 0n;
    for (let i = 0; i < 4; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      v = (v << 16n) | BigInt(seed >>> 16);
    }
    return v;
  };
  for (let n = 0; n < 500; n++) {
    const a = rand64();
    let b = a;
    const bits = new Set<number>();
    while (bits.size < 3) bits.add(Number(rand64() % 64n));
    for (const bit of bits) b ^= 1n << BigInt(bit);
    const ka = new Set(lshKeys(a));
    assert.ok(
      lshKeys(b).some((k) => ka.has(k)),
      `distance 3 must share a key (${[...bits]})`,
    );
  }
  let shared = 0;
  for (let n = 0; n < 2000; n++) {
    const ka = new Set(lshKeys(rand64()));
    if (lshKeys(rand64()).some((k) => ka.has(k))) shared++;
  }
  assert.ok(shared <= 2, `unrelated hashes shared keys ${shared} times in 2000`);
});
