// Channel counting and first drafts: X's weighted length (CJK 2, Latin 1, a link 23 whatever its length, an emoji
// sequence 2), limits per channel, and drafts that fit with room for a link, short LINE paragraphs, e-mail and press
// release wrappers in the statement's language.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { charLength, deriveVariant, measureVariant, sentencesOf, weightedLength, X_URL_WEIGHT } from './variants.ts';

const zhMaster = [
  '我們注意到網路上關於信義店餐點的討論，對造成顧客的不安深感抱歉。',
  '本公司已於今日上午暫停該批次食材的使用，並送交第三方檢驗機構檢驗，預計三個工作天內公布結果。',
  '若您於三月八日至十日間在信義店用餐並有身體不適，請撥打客服專線，我們將主動協助就醫與後續處理。',
  '我們會持續更新處理進度，並檢討供應商管理流程，避免類似情況再次發生。感謝大家的指教與耐心。',
].join('\n');

describe('variant counting', () => {
  test('X weighs CJK and full-width punctuation 2, Latin 1, links 23, emoji sequences 2', () => {
    assert.equal(weightedLength('hello'), 5);
    assert.equal(weightedLength('你好。'), 6);
    assert.equal(weightedLength('café – “ok”'), 11);
    const long = `see https://example.com/${'a'.repeat(100)} now`;
    assert.equal(weightedLength(long), 4 + X_URL_WEIGHT + 4);
    assert.equal(weightedLength('短 http://x.tw'), 2 + 1 + X_URL_WEIGHT);
    assert.equal(weightedLength('👨‍👩‍👧'), 2);
    assert.equal(weightedLength('👍🏽ok'), 4);
    assert.equal(weightedLength('中'.repeat(140)), 280);
  });

  test('limits: X over at 141 CJK characters, Threads by characters, e-mail never over', () => {
    assert.deepEqual(measureVariant('中'.repeat(140), 'x'), { length: 280, limit: 280, over: false, weighted: true });
    assert.equal(measureVariant('中'.repeat(141), 'x').over, true);
    assert.deepEqual(measureVariant('中'.repeat(500), 'threads'), { length: 500, limit: 500, over: false, weighted: false });
    assert.equal(measureVariant('中'.repeat(501), 'threads').over, true);
    assert.equal(measureVariant('a'.repeat(2201), 'instagram').over, true);
    assert.equal(measureVariant('a'.repeat(5001), 'line').over, true);
    assert.equal(measureVariant('a'.repeat(63_207), 'facebook').over, true);
    const mail = measureVariant('字'.repeat(90_000), 'email');
    assert.deepEqual([mail.length, mail.limit, mail.over], [90_000, null, false]);
    assert.equal(charLength('😀中a'), 3);
  });

  test('sentences split at CJK and Latin end marks, keeping closing quotes', () => {
    assert.deepEqual(sentencesOf('第一句。第二句！「第三句？」尾巴'), ['第一句。', '第二句！', '「第三句？」', '尾巴']);
    assert.deepEqual(sentencesOf('We are sorry. We act now! v1.2 ships'), ['We are sorry.', 'We act now!', 'v1.2 ships']);
  });
});

describe('deriveVariant', () => {
  test('X: whole first sentences within 280 with room for a link, ending in …', () => {
    const x = deriveVariant(zhMaster, 'x', 'zh-TW');
    assert.ok(x.endsWith('…'), x);
    assert.ok(x.startsWith('我們注意到網路上關於信義店餐點的討論'));
    assert.ok(weightedLength(x) <= 280 - X_URL_WEIGHT - 1, String(weightedLength(x)));
    assert.ok(!x.includes('\n'));
    // Whole sentences: the text before … ends with a sentence mark.
    assert.match(x, /[。！？]…$/u);
    // Adding a link keeps it within X's limit.
    assert.equal(measureVariant(`${x} https://example.com/statement/1`, 'x').over, false);
  });

  test('X: a short master is taken whole, without …; a single over-long sentence is cut', () => {
    assert.equal(deriveVariant('我們深感抱歉。\n詳情稍後公布。', 'x', 'zh-TW'), '我們深感抱歉。詳情稍後公布。');
    const cut = deriveVariant('很'.repeat(400), 'x', 'zh-TW');
    assert.ok(cut.endsWith('…'));
    assert.ok(weightedLength(cut) <= 256 && weightedLength(cut) >= 250, String(weightedLength(cut)));
  });

  test('Threads: more fits than on X, within 500 characters', () => {
    const long = Array.from({ length: 20 }, (_, i) => `這是第${i + 1}段說明，內容涵蓋事件經過與後續處理方式。`).join('\n');
    const th = deriveVariant(long, 'threads', 'zh-TW');
    assert.ok(charLength(th) <= 500 - 24 && charLength(th) > 400, String(charLength(th)));
    assert.ok(th.endsWith('。…'));
    assert.ok(charLength(deriveVariant(long, 'x', 'zh-TW')) < charLength(th));
  });

  test('LINE: short paragraphs of at most two sentences', () => {
    const line = deriveVariant(zhMaster, 'line', 'zh-TW');
    const paras = line.split('\n\n');
    assert.ok(paras.length >= 4, line);
    for (const p of paras) assert.ok(sentencesOf(p).length <= 2, p);
    assert.equal(line.replace(/\n/g, ''), zhMaster.replace(/\n/g, ''));
  });

  test('e-mail and press release wrap the text in the statement’s language', () => {
    const zh = deriveVariant(zhMaster, 'email', 'zh-TW');
    assert.ok(zh.startsWith('親愛的顧客您好：\n\n我們注意到'));
    assert.ok(zh.includes('敬祝 平安') && zh.includes('【署名'));
    const en = deriveVariant('We are sorry.\nWe are testing the batch.', 'email', 'en');
    assert.ok(en.startsWith('Dear customer,\n\nWe are sorry.\n\nWe are testing the batch.'));
    assert.ok(en.includes('Sincerely,'));
    assert.ok(deriveVariant('We are sorry.', 'press_release', 'en').includes('-ENDS-'));
    assert.ok(deriveVariant(zhMaster, 'press_release', 'zh-TW').includes('媒體聯絡人'));
  });

  test('Facebook and website keep the whole text; Instagram is cut to its limit; empty stays empty', () => {
    assert.equal(deriveVariant(zhMaster, 'facebook', 'zh-TW'), zhMaster.split('\n').join('\n\n'));
    assert.equal(deriveVariant(zhMaster, 'website', 'zh-TW'), zhMaster.split('\n').join('\n\n'));
    const huge = Array.from({ length: 200 }, () => '我們會持續更新處理進度。').join('\n');
    const ig = deriveVariant(huge, 'instagram', 'zh-TW');
    assert.ok(charLength(ig) <= 2200 && ig.endsWith('…'));
    assert.equal(deriveVariant('  \n ', 'x', 'zh-TW'), '');
  });
});
