// Trains on a small synthetic corpus written to a temporary directory (never the shared data).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { dedupKey, isTest } from './data.ts';
import { loadClassifier } from './model.ts';
import { trainSentiment } from './train.ts';

function corpus(dir: string) {
  const good = ['很好', '非常满意', '好吃', '推荐', '干净', '服务热情', '物超所值', '下次还来'];
  const bad = ['很差', '失望', '难吃', '退货', '太脏', '态度恶劣', '不值这个价', '再也不来'];
  const things = ['酒店', '房间', '早餐', '手机', '衣服', '外卖', '快递', '书', '耳机', '水果'];
  const rows: Array<[number, string]> = [];
  let n = 0;
  for (const t of things) {
    for (let i = 0; i < good.length; i++) {
      for (let j = 0; j < 3; j++) {
        rows.push([1, `${t}${good[i]}，${good[(i + j + 1) % good.length]}${n++ % 7 ? '' : '！'}`]);
        rows.push([0, `${t}${bad[i]}，${bad[(i + j + 1) % bad.length]}${n++ % 5 ? '' : '。'}`]);
      }
    }
  }
  const csv = (header: string, prefix: string, part: number) =>
    `${header}\n${rows
      .filter((_, k) => k % 3 === part)
      .map(([l, r]) => `${prefix}${l},"${r.replaceAll('"', '""')}"`)
      .join('\n')}\n`;
  fs.writeFileSync(path.join(dir, 'ChnSentiCorp_htl_all.csv'), csv('label,review', '', 0));
  fs.writeFileSync(path.join(dir, 'online_shopping_10_cats.csv'), csv('cat,label,review', '书籍,', 1));
  fs.writeFileSync(path.join(dir, 'waimai_10k.csv'), `\ufeff${csv('label,review', '', 2)}1,"酒店很好，很好"\n0,"酒店很好，很好"\n`);
}

test('trains, writes model and provenance, keeps the test split out, honours corrections', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-sentiment-'));
  try {
    const data = path.join(dir, 'data');
    fs.mkdirSync(data);
    corpus(data);
    const out = path.join(dir, 'out');
    const meta = await trainSentiment({ dataDir: data, outDir: out, extra: [{ text: '耳機 普通', label: 'neutral' }] });
    assert.equal(meta.data.conflictingTextsDropped, 1);
    assert.equal(meta.data.train + meta.data.heldOut, meta.data.textsAfterDedup);
    assert.ok(meta.data.heldOut > 0);
    assert.equal(meta.corrections.used, 1);
    assert.ok(fs.statSync(path.join(out, 'sentiment-zh.model.gz')).size > 0);
    const onDisk = JSON.parse(fs.readFileSync(path.join(out, 'sentiment-zh.meta.json'), 'utf8'));
    assert.equal(onDisk.sha256, meta.sha256);
    assert.equal(onDisk.heldOut.simplified.all.n, meta.data.heldOut);
    assert.ok(meta.heldOut.simplified.all.polarityAccuracy > 0.8, JSON.stringify(meta.heldOut.simplified.all));
    assert.ok(isTest(dedupKey('酒店很好，非常满意')) === isTest(dedupKey('酒店很好，非常滿意')), 'split by normalised text');

    const c = loadClassifier(path.join(out, 'sentiment-zh.model.gz'));
    assert.equal(c.classify('房间很差，太脏').sentiment, 'negative');
    assert.equal(c.classify('房间很好，非常满意').sentiment, 'positive');
    assert.deepEqual(c.classify('耳机　普通'), { sentiment: 'neutral', score: 0, confidence: 1, lang: 'zh-Hans' }); // the correction, after normalisation
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
