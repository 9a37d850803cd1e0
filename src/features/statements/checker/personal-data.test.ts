// Personal data: ID checksums, phones, e-mail, addresses, order numbers and names with context.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkStatement, isValidTaiwanId } from './index.ts';

const pii = (text: string) => checkStatement(text).findings.filter((f) => f.category === 'personal_data');

describe('isValidTaiwanId', () => {
  test('valid national IDs and new-format resident certificates pass; a wrong check digit fails', () => {
    for (const id of ['A123456789', 'F233964811', 'a123456789']) assert.equal(isValidTaiwanId(id), true, id);
    // A800000014: letter A (10) + 8 + 00000014 → 1·1 + 0·9 + 8·8 + … ≡ 0 (mod 10).
    assert.equal(isValidTaiwanId('A800000014'), true);
    for (const id of ['A123456788', 'A323456789', 'A12345678', '1123456789', 'AA23456789']) assert.equal(isValidTaiwanId(id), false, id);
  });
});

describe('personal data', () => {
  test('an ID-shaped lot number that fails the checksum is not personal data', () => {
    assert.deepEqual(pii('批號 A199254880 的產品已下架。'), []);
    assert.equal(pii('會員身分證 A123456789 已遭外洩。')[0]?.excerpt, 'A123456789');
  });

  test('phones: Taiwan mobile (with +886), landlines, mainland mobiles; not the company hotline', () => {
    assert.equal(pii('他的手機 0912-345-678')[0]?.excerpt, '0912-345-678');
    assert.equal(pii('call +886 912 345 678 now')[0]?.excerpt, '+886 912 345 678');
    assert.equal(pii('住家電話 (02)2345-6789')[0]?.excerpt, '(02)2345-6789');
    assert.equal(pii('手机 138-2261-4490')[0]?.excerpt, '138-2261-4490');
    assert.deepEqual(pii('客服專線 0800-000-123 或 (02)2712-0000'), []);
    assert.deepEqual(pii('Media enquiries: press@example.com or +886 2 2712 0000.'), []);
  });

  test('e-mail, street addresses and order numbers', () => {
    assert.equal(pii('她的信箱 mei.chen1990@gmail.com')[0]?.excerpt, 'mei.chen1990@gmail.com');
    assert.equal(pii('顧客住在新北市板橋區文化路一段100號5樓。')[0]?.excerpt, '新北市板橋區文化路一段100號5樓');
    assert.ok(pii('He lives at 221 Baker Street, Apt 4.').length === 1);
    assert.ok(pii('訂單編號 TW20261128001 的顧客').some((f) => f.excerpt.includes('TW20261128001')));
    assert.ok(pii('order no. 88123456 was refunded').length === 1);
    assert.deepEqual(pii('本店門市地址：台北市信義區松高路19號。'), []);
  });

  test('names with context: masked names, honorifics in a complaint, subject + name, English', () => {
    assert.equal(pii('該顧客王○明多次來電')[0]?.excerpt, '王○明');
    assert.equal(pii('該顧客王Ｏ明多次來電')[0]?.excerpt, '王Ｏ明');
    assert.ok(pii('投訴的陳小姐多次到店要求退款').some((f) => f.excerpt === '陳小姐'));
    assert.ok(pii('該名顧客王大明多次無理要求').length >= 1);
    assert.ok(pii('We spoke with customer Mr. Wang yesterday.').length === 1);
    assert.deepEqual(pii('消費者陳述的內容與事實不符。'), []);
    assert.deepEqual(pii('Our chief executive, Grace Lin, will speak at 3 pm.'), []);
  });
});
