// normalise(): the precomputed Traditional → Simplified pairs are what OpenCC gives today, and folding keeps offsets.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { t2sModule, t2sPairs } from '../../../scripts/generate-t2s.ts';
import { normalise } from './normalise.ts';

test('t2s-pairs.ts is what scripts/generate-t2s.ts makes from the installed opencc-js (regenerate after an upgrade)', () => {
  const file = fs.readFileSync(path.join(import.meta.dirname, 't2s-pairs.ts'), 'utf8');
  assert.equal(file, t2sModule(t2sPairs()));
});

test('folds Traditional/Simplified, full/half width and case, one code unit for one', () => {
  assert.equal(normalise('鼎泰豐'), normalise('鼎泰丰'));
  assert.equal(normalise('臺灣 颱風'), normalise('台湾 台风'));
  assert.equal(normalise('ＡＢＣ１２３'), 'abc123');
  assert.equal(normalise('Din Tai Fung\u3000店'), 'din tai fung 店');
  const text = '😀 鼎泰豐的小籠包，ＯＫ！';
  assert.equal(normalise(text).length, text.length);
});

test('idempotent: a normalised character normalises to itself, so both scripts of a word meet', () => {
  // OpenCC maps 麼 → 么 → 幺 and 薴 → 苧 → 苎 in two steps; applied once, 什麼 and 什么 normalised apart.
  assert.equal(normalise('為什麼'), normalise('为什么'));
  assert.equal(normalise('怎麼辦'), normalise('怎么办'));
  assert.equal(normalise('苧麻'), normalise('苎麻'));
  const moved: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const once = normalise(String.fromCharCode(c));
    if (normalise(once) !== once) moved.push(`U+${c.toString(16)}`);
  }
  assert.deepEqual(moved, []);
});
