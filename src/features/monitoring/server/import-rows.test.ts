// The pure parts of file import: dates in local formats and zones, counts, suggested mappings,
// UTF-8 checking across chunk boundaries, format and delimiter detection.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createUtf8Check, detectDelimiter, detectFormat } from './import-parse.ts';
import { looksLikeHeader, parseCount, parseLocalDate, rowToMention, suggestMapping } from './import-rows.ts';

describe('parseLocalDate', () => {
  const cases: Array<[string, string, string | null]> = [
    ['2026-11-30T14:05:00+08:00', 'UTC', '2026-11-30T06:05:00.000Z'],
    ['2026-11-30 14:05:00Z', 'Asia/Taipei', '2026-11-30T14:05:00.000Z'],
    ['2026/11/30 14:05', 'Asia/Taipei', '2026-11-30T06:05:00.000Z'],
    ['2026/11/30 14:05', 'UTC', '2026-11-30T14:05:00.000Z'],
    ['2026-11-30', 'Asia/Taipei', '2026-11-29T16:00:00.000Z'],
    ['2026.1.5 9:07:30', 'Asia/Taipei', '2026-01-05T01:07:30.000Z'],
    ['2026年11月30日 下午 2:05', 'Asia/Taipei', '2026-11-30T06:05:00.000Z'],
    ['2026/11/30 12:30 AM', 'UTC', '2026-11-30T00:30:00.000Z'],
    ['115/11/30 08:00', 'Asia/Taipei', '2026-11-30T00:00:00.000Z'],
    ['2026-07-01 12:00', 'America/New_York', '2026-07-01T16:00:00.000Z'],
    ['2026-01-01 12:00', 'America/New_York', '2026-01-01T17:00:00.000Z'],
    ['1764482700', 'UTC', '2025-11-30T06:05:00.000Z'],
    ['1764482700000', 'UTC', '2025-11-30T06:05:00.000Z'],
    ['2026/02/30', 'UTC', null],
    ['2026/13/01', 'UTC', null],
    ['11/30/26', 'UTC', null],
    ['昨天下午', 'UTC', null],
    ['2026/11/30 25:00', 'UTC', null],
    ['', 'UTC', null],
  ];
  for (const [input, zone, want] of cases) {
    test(`${JSON.stringify(input)} in ${zone}`, () => assert.equal(parseLocalDate(input, zone), want));
  }
});

test('parseCount reads exports’ numbers and refuses junk', () => {
  assert.equal(parseCount('1,234'), 1234);
  assert.equal(parseCount(' 1.2萬 '), 12000);
  assert.equal(parseCount('3.4k'), 3400);
  assert.equal(parseCount('2M'), 2_000_000);
  assert.equal(parseCount(''), undefined);
  assert.equal(parseCount('-'), undefined);
  assert.equal(parseCount('many'), null);
  assert.equal(parseCount('-5'), null);
});

test('suggestMapping knows Chinese and English headers; looksLikeHeader spots data rows', () => {
  assert.deepEqual(suggestMapping(['Post ID', 'Content', 'Published At', 'Author', 'Link', 'Likes', 'Views']), {
    externalId: 'Post ID',
    text: 'Content',
    publishedAt: 'Published At',
    author: 'Author',
    url: 'Link',
    likes: 'Likes',
    views: 'Views',
  });
  assert.deepEqual(suggestMapping(['內文', '發文時間', '粉絲數', '留言數', '分享']), {
    text: '內文',
    publishedAt: '發文時間',
    authorFollowers: '粉絲數',
    comments: '留言數',
    shares: '分享',
  });
  assert.equal(looksLikeHeader(['col a', 'col b']), true);
  assert.equal(looksLikeHeader(['好吃', '2026/11/30 14:05']), false);
});

test('rowToMention: mapping, per-field reasons, and a content key when there is no id or URL', () => {
  const headers = ['內容', '時間', '讚'];
  const mapping = { columns: { text: '內容', publishedAt: '時間', likes: '讚' }, timeZone: 'Asia/Taipei' } as const;
  const ok = rowToMention(headers, ['好吃', '2026/11/30 14:05', '1,000'], { ...mapping, columns: { ...mapping.columns } }, 'src');
  assert.ok(ok.ok);
  assert.equal(ok.value.publishedAt, '2026-11-30T06:05:00.000Z');
  assert.deepEqual(ok.value.metrics, { likes: 1000 });
  assert.match(String(ok.value.externalId), /^content:[0-9a-f]{32}$/);
  const again = rowToMention(headers, ['好吃', '2026/11/30 14:05', '7'], { ...mapping, columns: { ...mapping.columns } }, 'src');
  assert.ok(again.ok);
  assert.equal(again.value.externalId, ok.value.externalId, 'metrics do not change the key');
  const bad = rowToMention(headers, ['好吃', '2026/11/30', 'lots'], { ...mapping, columns: { ...mapping.columns } }, 'src');
  assert.deepEqual(bad, { ok: false, reason: 'likes: not a number: "lots"', code: 'bad_number', field: 'metrics.likes' });
  const long = rowToMention(headers, ['a', 'b', 'c', 'd'], { ...mapping, columns: { ...mapping.columns } }, 'src');
  assert.deepEqual(long, { ok: false, reason: 'row has 4 fields, the header has 3', code: 'too_many_fields' });
  const noDate = rowToMention(headers, ['好吃', ' ', '1'], { ...mapping, columns: { ...mapping.columns } }, 'src');
  assert.deepEqual(noDate, { ok: false, reason: 'publishedAt: empty', code: 'missing_field', field: 'publishedAt' });
  const badDate = rowToMention(headers, ['好吃', '昨天下午', '1'], { ...mapping, columns: { ...mapping.columns } }, 'src');
  assert.deepEqual(badDate, {
    ok: false,
    reason: 'publishedAt: not a date we can read: "昨天下午" (e.g. 2026/11/30 14:05)',
    code: 'bad_date',
    field: 'publishedAt',
  });
  const fans = rowToMention(
    ['內容', '時間', '粉絲'],
    ['好吃', '2026/11/30', '很多'],
    { columns: { text: '內容', publishedAt: '時間', authorFollowers: '粉絲' }, timeZone: 'Asia/Taipei' },
    'src',
  );
  assert.deepEqual(fans, { ok: false, reason: 'authorFollowers: not a number: "很多"', code: 'bad_number', field: 'authorFollowers' });
});

describe('UTF-8 check', () => {
  test('characters split across chunks are fine', () => {
    const bytes = Buffer.from('內容,時間\n鼎泰豐,2026/11/30\n');
    for (let cut = 1; cut < bytes.length; cut++) {
      const c = createUtf8Check();
      c.push(bytes.subarray(0, cut));
      c.push(bytes.subarray(cut));
      c.end();
    }
  });
  test('the first bad byte is named, and Big5 is recognised', () => {
    const c = createUtf8Check();
    c.push(Buffer.from('abc,'));
    assert.throws(
      () => c.push(Buffer.from([0x61, 0xff, 0x62])),
      (e: Error & { errors?: Array<{ code: string }> }) => /offset 5/.test(e.message) && e.errors?.[0].code === 'not_utf8',
    );
    const big5 = createUtf8Check();
    assert.throws(
      () => big5.push(Buffer.from([0xa4, 0xba, 0xae, 0x65, 0x0a])),
      (e: Error & { errors?: Array<{ code: string }> }) => e.errors?.[0].code === 'big5',
    );
    const cut = createUtf8Check();
    cut.push(Buffer.from('好').subarray(0, 2));
    assert.throws(() => cut.end(), /offset 0/);
  });
});

test('format and delimiter detection', () => {
  const head = (s: string) => Buffer.from(s);
  assert.equal(detectFormat('a.ndjson', undefined, head('x')), 'ndjson');
  assert.equal(detectFormat('a.csv', 'application/x-ndjson', head('{')), 'csv');
  assert.equal(detectFormat('upload', 'application/x-ndjson', head('a,b')), 'ndjson');
  assert.equal(detectFormat('upload', 'application/octet-stream', head('\uFEFF  {"text":1}')), 'ndjson');
  assert.equal(detectFormat('upload', undefined, head('text,date')), 'csv');
  assert.equal(detectFormat('a.csv', undefined, head('{'), 'ndjson'), 'ndjson');
  assert.equal(detectDelimiter('a;b;c'), ';');
  assert.equal(detectDelimiter('a\tb\tc'), '\t');
  assert.equal(detectDelimiter('text'), ',');
});
