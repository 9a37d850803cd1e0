// `firebreak classify` end to end: the real CLI as a child process, with the shipped model.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');
const main = path.join(root, 'src/cli/main.ts');

function run(input: string | Buffer): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [main, 'classify'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: 'postgres://nowhere.invalid/none' },
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(input);
  });
}

const LANGS = new Set(['zh-Hant', 'zh-Hans', 'en', 'ja', 'ko', 'und']);

function assertResult(r: Record<string, unknown>) {
  assert.deepEqual(Object.keys(r), ['id', 'sentiment', 'score', 'confidence', 'lang']);
  assert.ok(['negative', 'neutral', 'positive'].includes(r.sentiment as string));
  assert.ok(typeof r.score === 'number' && r.score >= -1 && r.score <= 1);
  assert.ok(typeof r.confidence === 'number' && r.confidence >= 0 && r.confidence <= 1);
  assert.ok(LANGS.has(r.lang as string));
  if (r.sentiment === 'positive') assert.ok((r.score as number) > 0);
  if (r.sentiment === 'negative') assert.ok((r.score as number) < 0);
}

test('classify: one line out per line in, in order; bad lines get errors and processing continues', async () => {
  const lines = [
    '\ufeff{"id":1,"text":"服務態度很差，再也不會來了"}',
    '{"id":"two","text":"服务态度很差，再也不会来了"}',
    '',
    '{"id":3,"text":"非常好吃，服務親切"}',
    'not json',
    '[1,2]',
    '"just a string"',
    'null',
    '{"id":{"nested":true}}',
    '{"id":9,"text":42}',
    '{"id":10,"text":"This product is terrible"}',
    '{"text":"I love it"}',
    '{"id":null,"text":""}',
    '{"id":13,"text":"I love it"}',
  ];
  const { code, out, err } = await run(`${lines.join('\r\n')}\n`);
  assert.equal(code, 0, err);
  const rows = out
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(rows.length, lines.length - 1, 'the blank line is skipped');
  const [trad, simp, good, badJson, arr, str, nul, noText, numText, en, noId, empty, en2] = rows;
  assertResult(trad);
  assert.equal(trad.id, 1);
  assert.equal(trad.sentiment, 'negative');
  assert.equal(trad.lang, 'zh-Hant');
  assertResult(simp);
  assert.equal(simp.id, 'two');
  assert.equal(simp.lang, 'zh-Hans');
  assert.equal(simp.sentiment, trad.sentiment);
  assert.equal(simp.score, trad.score);
  assert.equal(good.sentiment, 'positive');
  for (const e of [badJson, arr, str, nul]) {
    assert.deepEqual(Object.keys(e), ['error']);
    assert.equal(typeof e.error, 'string');
  }
  assert.deepEqual(noText, { id: { nested: true }, error: 'missing "text"' });
  assert.deepEqual(numText, { id: 9, error: '"text" must be a string' });
  assertResult(en);
  assert.equal(en.sentiment, 'negative');
  assert.equal(en.lang, 'en');
  assertResult(noId);
  assert.equal(noId.id, null);
  assert.equal(noId.sentiment, 'positive');
  assertResult(empty);
  assert.equal(empty.sentiment, 'neutral');
  assert.equal(en2.id, 13);
});

test('classify: last line without newline, invalid UTF-8, empty input', async () => {
  const a = await run('{"id":1,"text":"好評"}');
  assert.equal(a.code, 0);
  assert.equal(JSON.parse(a.out).id, 1);
  const b = await run(Buffer.concat([Buffer.from('{"id":2,"text":"'), Buffer.from([0xff, 0xfe]), Buffer.from('很差"}\n')]));
  assert.equal(b.code, 0);
  assertResult(JSON.parse(b.out));
  const c = await run('');
  assert.equal(c.code, 0);
  assert.equal(c.out, '');
});

test('classify: streams a large input in order', async () => {
  const n = 20_000;
  let input = '';
  for (let i = 0; i < n; i++) input += `${JSON.stringify({ id: i, text: i % 2 ? '質量很好，物流很快' : '太差了，退貨' })}\n`;
  const { code, out } = await run(input);
  assert.equal(code, 0);
  const rows = out.trimEnd().split('\n');
  assert.equal(rows.length, n);
  for (let i = 0; i < n; i += 997) {
    const r = JSON.parse(rows[i]);
    assert.equal(r.id, i);
    assert.equal(r.sentiment, i % 2 ? 'positive' : 'negative');
  }
});

test('classify: answers each line as it arrives (a caller may wait for each answer)', async () => {
  const child = spawn(process.execPath, [main, 'classify'], { cwd: root });
  child.stdout.setEncoding('utf8');
  const answers: string[] = [];
  let buffered = '';
  let wake: (() => void) | undefined;
  child.stdout.on('data', (d: string) => {
    buffered += d;
    let nl = buffered.indexOf('\n');
    while (nl !== -1) {
      answers.push(buffered.slice(0, nl));
      buffered = buffered.slice(nl + 1);
      nl = buffered.indexOf('\n');
    }
    wake?.();
  });
  for (let i = 0; i < 3; i++) {
    child.stdin.write(`${JSON.stringify({ id: i, text: '很好' })}\n`);
    while (answers.length <= i) await new Promise<void>((r) => (wake = r));
    assert.equal(JSON.parse(answers[i]).id, i);
  }
  child.stdin.end();
  const code = await new Promise((r) => child.on('close', r));
  assert.equal(code, 0);
});
