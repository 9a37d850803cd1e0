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
