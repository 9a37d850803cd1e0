// Scenario files: malformed files are refused with every problem at its exact line and column (YAML syntax,
// wrong types deep in a wave, unknown and missing keys, unknown variables, reposts of unknown posts, reversed
// waves, duplicate keys, files in the wrong place, oversize files, alias bombs, control characters, JSON);
// hostile input never throws; the shipped files list, load and cache; the validate script's checks (both
// languages agree, topic queries parse and see the waves) fail when they should and pass on `scenarios/`; the
// committed schema.json is the generated one.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { checkScenarios, scenarioJsonSchema } from '../../../../scripts/validate-scenarios.ts';
import type { ScenarioIssue } from '../scenario-contract.ts';
import { listScenarios, loadScenario, parseScenario, readScenarioFile } from './scenarios.ts';

const root = path.resolve(import.meta.dirname, '../../../..');
const fixtures = path.join(root, 'test/fixtures/scenarios');
const base = readFileSync(path.join(fixtures, 'zh-TW/fixture-mini.yaml'), 'utf8');
const baseEn = readFileSync(path.join(fixtures, 'en/fixture-mini.yaml'), 'utf8');

/** Line and column (1-based) of the `nth` occurrence of `needle` in `text`, found by plain string search. */
function pos(text: string, needle: string, nth = 1): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (#${nth}) is in the text`);
  }
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Replaces exactly one occurrence (so a fixture edit that no longer applies fails loudly). */
function edit(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `"${from}" occurs once`);
  return text.replace(from, to);
}

/** The issues of a file that must not parse. */
function issuesOf(text: string): ScenarioIssue[] {
  const r = parseScenario(text);
  assert.equal(r.ok, false, 'the file is refused');
  return r.ok ? [] : r.issues;
}

/** Exactly one issue, at `at`, whose path and message are as given. */
function expectOne(text: string, at: { line: number; column: number }, pathText: string, message: RegExp) {
  const issues = issuesOf(text);
  assert.equal(issues.length, 1, JSON.stringify(issues));
  assert.deepEqual({ line: issues[0].line, column: issues[0].column }, at, JSON.stringify(issues[0]));
  assert.equal(issues[0].path, pathText);
  assert.match(issues[0].message, message);
}

describe('parseScenario', () => {
  test('the fixtures parse, with defaults filled in', () => {
    for (const text of [base, baseEn]) {
      const r = parseScenario(text);
      assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
      assert.equal(r.scenario.id, 'fixture-mini');
      assert.deepEqual(r.scenario.waves[0].followers, [20, 2000]);
      assert.deepEqual(r.scenario.waves[1].texts.positive, []);
      assert.deepEqual(
        r.scenario.injects.map((i) => i.at),
        [2, 10, 25],
      );
    }
  });

  test('a YAML syntax error is pointed at where the parser stopped', () => {
    // An unclosed flow map on line 23: the parser notices at the next line's key.
    const text = edit(base, 'sentiment: { negative: 1, neutral: 6, positive: 3 }', 'sentiment: { negative: 1, neutral: 6, positive: 3');
    const issues = issuesOf(text);
    assert.deepEqual([issues[0].line, issues[0].column], [23, 3]);
    assert.deepEqual(pos(text, 'sources: { Dcard: 2, Threads: 2, Instagram: 1 }'), { line: 23, column: 3 });
    assert.match(issues[0].message, /Flow map/);
    // Tabs as indentation: at the tab.
    const tab = edit(base, '  industry: 連鎖手搖飲', '\tindustry: 連鎖手搖飲');
    const t = issuesOf(tab);
    assert.deepEqual({ line: t[0].line, column: t[0].column }, pos(tab, '\tindustry'));
    assert.match(t[0].message, /Tabs/);
  });

  test('a wrong type deep in a wave is pointed at the value', () => {
    const text = edit(base, 'share: 0.3', 'share: 一成');
    expectOne(text, pos(text, '一成'), 'waves.0.reposts.0.share', /expected number/);
    assert.deepEqual(pos(text, '一成'), { line: 60, column: 16 });
    const ramp = edit(base, 'perMinute: [15, 45]', 'perMinute: [15, lots]');
    expectOne(ramp, pos(ramp, '[15, lots]'), 'waves.1.perMinute', /\[start, end\]/);
  });

  test('an unknown key is pointed at the key', () => {
    const text = edit(base, '  industry: 連鎖手搖飲\n', '  industry: 連鎖手搖飲\n  colour: red\n');
    expectOne(text, pos(text, 'colour'), 'company.colour', /Unknown field colour/);
    assert.deepEqual(pos(text, 'colour'), { line: 11, column: 3 });
  });

  test('a missing key is pointed at its parent key (or its list item)', () => {
    const text = edit(base, '  industry: 連鎖手搖飲\n', '');
    expectOne(text, { line: 8, column: 1 }, 'company.industry', /missing industry/);
    assert.deepEqual(pos(text, 'company:'), { line: 8, column: 1 });
    // Written as nothing: at its own key.
    const empty = edit(base, '  industry: 連鎖手搖飲\n', '  industry:\n');
    expectOne(empty, pos(empty, 'industry:'), 'company.industry', /expected string/);
    // Missing inside a list item: at the item.
    const inject = edit(base, '    subject: 門市來電：客人投訴飲料有異物\n', '');
    expectOne(inject, pos(inject, 'key: store-call'), 'injects.0.subject', /missing subject/);
    // Missing at the top: at the first key.
    const top = edit(base, 'durationMinutes: 30\n', '');
    expectOne(top, pos(top, 'format:'), 'durationMinutes', /missing durationMinutes/);
  });

  test('an unknown variable in a template is pointed at the template', () => {
    const text = edit(base, '- 茶聚堂店員只說會回報？這種處理態度很差', '- 茶聚堂{foo}店員只說會回報？這種處理態度很差');
    expectOne(text, pos(text, '茶聚堂{foo}'), 'waves.0.texts.negative.2', /unknown variable \{foo\}/);
    // In a post's text too; {company} is always known.
    const post = edit(base, 'text: 網友在社群貼文指稱', 'text: 網友在{company}{shop}的社群貼文指稱');
    expectOne(post, pos(post, '網友在{company}'), 'posts.1.text', /unknown variable \{shop\}/);
  });

  test('braces in an inject or a post title (shown as written) are pointed at', () => {
    const text = edit(base, 'subject: 門市來電：客人投訴飲料有異物', 'subject: 門市來電：{company}客人投訴飲料有異物');
    expectOne(text, pos(text, '門市來電：{company}'), 'injects.0.subject', /\{company\} is not filled in here/);
  });

  test('a repost of an unknown post is pointed at the post key', () => {
    const text = edit(base, '      - post: origin\n        share: 0.2', '      - post: deleted-post\n        share: 0.2');
    expectOne(text, pos(text, 'deleted-post'), 'waves.1.reposts.0.post', /no post with key "deleted-post"/);
  });

  test('a wave whose `to` is before its `from` is pointed at `to`', () => {
    const text = edit(base, '    from: 12\n    to: 20', '    from: 12\n    to: 8');
    const to = pos(text, 'to: 8');
    assert.deepEqual(to, { line: 70, column: 5 });
    expectOne(text, { line: 70, column: 9 }, 'waves.1.to', /before `from`/);
  });

  test('a duplicate key is pointed at the repeat', () => {
    const text = edit(base, 'durationMinutes: 30\n', 'durationMinutes: 30\ntitle: 又一個標題\n');
    expectOne(text, pos(text, 'title:', 2), '', /Duplicate key/);
    // In JSON the same.
    const json = '{\n  "format": "firebreak.scenario/v1",\n  "id": "a",\n  "id": "b"\n}\n';
    expectOne(json, { line: 4, column: 3 }, '', /Duplicate key/);
  });

  test('a file over 2 MB is refused unread', () => {
    const big = `${base}\n# ${'茶'.repeat(1_000_000)}\n`;
    assert.ok(Buffer.byteLength(big) > 3_000_000);
    const started = performance.now();
    expectOne(big, { line: 1, column: 1 }, '', /at most 2 MB/);
    assert.ok(performance.now() - started < 500);
  });

  test('an alias bomb is refused at the anchor it expands', () => {
    const bomb = [
      'format: firebreak.scenario/v1',
      'variables:',
      '  a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((k, i) => `  ${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    ].join('\n');
    expectOne(bomb, { line: 3, column: 9 }, '', /resource exhaustion/);
  });

  test('JSON is YAML: a mistake in a JSON file is pointed at its line and column', () => {
    const r = parseScenario(base);
    assert.ok(r.ok);
    const ok = parseScenario(JSON.stringify(r.scenario, null, 2));
    assert.ok(ok.ok, JSON.stringify(!ok.ok && ok.issues));
    const bad = JSON.stringify({ ...r.scenario, durationMinutes: 30.5 }, null, 2);
    expectOne(bad, pos(bad, '30.5'), 'durationMinutes', /int/);
    assert.equal(pos(bad, '30.5').column, 22);
  });

  test('hostile input never throws', () => {
    const cases = [
      '',
      '   \n# only a comment\n',
      '['.repeat(100_000),
      '- '.repeat(50_000),
      '{a: '.repeat(20_000),
      `perHour: ${'9'.repeat(5000)}`,
      edit(base, 'perHour: 6', 'perHour: 1e999'),
      edit(base, 'author: 北市即時新聞', 'author: "北市\\u0000即時新聞"'),
      edit(base, 'author: 北市即時新聞', 'author: 北市\u0007即時新聞'),
      '\u0000\u0001\u0002',
      '!!binary AAAA',
      '? [a, b]\n: c\n',
      '*nothing',
      'a: !!js/function "function(){}"\n',
      '---\na: 1\n---\nb: 2\n',
      '\ufeff{"format": 1}',
      'x'.repeat(1_500_000),
    ];
    for (const text of cases) {
      const r = parseScenario(text);
      assert.equal(r.ok, false);
      if (!r.ok) for (const i of r.issues) assert.ok(i.line >= 1 && i.column >= 1 && i.message.length > 0, JSON.stringify(i));
    }
  });

  test('at most 200 problems are listed, then how many more', () => {
    // 150 unknown variables in the baseline and 60 in a wave: 210 problems.
    const many = edit(
      edit(
        base,
        '    negative:\n      - 茶聚堂{branch}今天排好久',
        `    negative:\n${'      - 茶聚堂{nope}\n'.repeat(150)}      - 茶聚堂{branch}今天排好久`,
      ),
      '      negative:\n        - 茶聚堂到現在都不出來說明，很扯',
      `      negative:\n${'        - 茶聚堂{nope}\n'.repeat(60)}        - 茶聚堂到現在都不出來說明，很扯`,
    );
    const issues = issuesOf(many);
    assert.equal(issues.length, 201);
    assert.equal(issues[199].path, 'waves.1.texts.negative.49');
    assert.deepEqual(issues[200], { line: issues[199].line, column: 11, path: '', message: '… and 10 more problems.' });
  });

  test('control characters and huge numbers are pointed at their values', () => {
    const nul = edit(base, 'author: 北市即時新聞', 'author: "北市\\u0000即時新聞"');
    expectOne(nul, pos(nul, '"北市'), '', /Control characters.*U\+0000/);
    const huge = edit(base, 'perHour: 6', 'perHour: 1e999');
    expectOne(huge, pos(huge, '1e999'), 'baseline.perHour', /Infinity/);
  });
});

describe('shipped files: list, load, cache, place', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'scenarios-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));
  const put = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
    writeFileSync(path.join(tmp, rel), text);
    return path.join(tmp, rel);
  };

  test('the fixtures list as one scenario in two languages; load by id and locale; unknown ids are 404', async () => {
    const list = await listScenarios(fixtures);
    assert.deepEqual(
      list.map((s) => [s.id, s.locale, s.locales, s.injects, s.durationMinutes, s.company]),
      [
        ['fixture-mini', 'zh-TW', ['en'], 3, 30, '茶聚堂'],
        ['fixture-mini', 'en', ['zh-TW'], 3, 30, 'Chajutang'],
      ],
    );
    assert.equal((await loadScenario(fixtures, 'fixture-mini', 'en')).company.name, 'Chajutang');
    for (const id of ['nope', '../zh-TW/fixture-mini', 'Fixture-Mini', ''])
      await assert.rejects(loadScenario(fixtures, id, 'zh-TW'), (e: { code?: string }) => e.code === 'not_found');
    await assert.rejects(loadScenario(path.join(tmp, 'missing'), 'fixture-mini', 'en'), (e: { code?: string }) => e.code === 'not_found');
  });

  test('a file whose id or locale does not match its path is refused, pointed at the value', async () => {
    const wrongId = put('zh-TW/other-name.yaml', base);
    const r = await readScenarioFile(wrongId);
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.issues.length, 1);
      assert.deepEqual([r.issues[0].line, r.issues[0].column, r.issues[0].path], [pos(base, 'fixture-mini').line, 5, 'id']);
      assert.match(r.issues[0].message, /named other-name\.yaml/);
    }
    const wrongLocale = put('zh-TW/fixture-mini.yaml', baseEn);
    const l = await readScenarioFile(wrongLocale);
    assert.equal(l.ok, false);
    if (!l.ok) assert.deepEqual([l.issues[0].line, l.issues[0].column, l.issues[0].path], [4, 9, 'locale']);
    // Neither is listed, nor loadable.
    assert.deepEqual(await listScenarios(tmp), []);
    await assert.rejects(loadScenario(tmp, 'fixture-mini', 'zh-TW'), /has 1 problem/);
  });

  test('files are cached by path and modification time: an edit is seen', async () => {
    const file = put('zh-TW/fixture-mini.yaml', base);
    assert.equal((await loadScenario(tmp, 'fixture-mini', 'zh-TW')).title, '茶聚堂珍奶異物疑雲（測試用）');
    assert.equal(await readScenarioFile(file), await readScenarioFile(file), 'the same object while unchanged');
    writeFileSync(file, edit(base, 'title: 茶聚堂珍奶異物疑雲（測試用）', 'title: 改過的標題'));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    assert.equal((await loadScenario(tmp, 'fixture-mini', 'zh-TW')).title, '改過的標題');
  });
});

describe('the validate script', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'scenarios-check-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));
  const put = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
    writeFileSync(path.join(tmp, rel), text);
  };

  test('the fixtures pass', async () => {
    const r = await checkScenarios(fixtures);
    assert.deepEqual(r.problems, []);
    assert.deepEqual([r.files, r.scenarios], [2, 1]);
  });

  test('a missing language, disagreeing versions, an unreadable query and a wave the topics miss are problems', async () => {
    put('zh-TW/fixture-mini.yaml', edit(base, 'query: 茶聚堂', 'query: 茶聚堂 AND (珍奶'));
    const en = edit(edit(baseEn, '    at: 25\n    kind: regulator', '    at: 24\n    kind: regulator'), '- key: brand', '- key: brand-en');
    put(
      'en/fixture-mini.yaml',
      // The English texts no longer name the company in a way the query sees.
      en.replace(/Chajutang/g, 'the tea shop'),
    );
    put('zh-TW/lonely.yaml', edit(base, 'id: fixture-mini', 'id: lonely'));
    put('zh-TW/broken.yaml', edit(base, 'id: fixture-mini', 'id: broken').replace('share: 0.3', 'share: 3'));
    put('en/extra.yml', baseEn);
    const { problems } = await checkScenarios(tmp);
    const lines = problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`);
    const zh = readFileSync(path.join(tmp, 'zh-TW/fixture-mini.yaml'), 'utf8');
    const enText = readFileSync(path.join(tmp, 'en/fixture-mini.yaml'), 'utf8');
    const expected = [
      // The query's error is pointed inside it (the unclosed parenthesis).
      `zh-TW/fixture-mini.yaml:${pos(zh, '(珍奶').line}:${pos(zh, '(珍奶').column}`,
      `zh-TW/broken.yaml:60:16 waves.0.reposts.0.share`,
      `zh-TW/lonely.yaml:1:1 scenario "lonely" has no en version`,
      'en/extra.yml:1:1 not loaded',
      `en/fixture-mini.yaml:${pos(enText, '- key: brand-en').line}:3 topic keys differ`,
      `en/fixture-mini.yaml:${pos(enText, '- key: store-call').line}:3 inject minutes differ`,
      `en/fixture-mini.yaml:${pos(enText, 'negative:\n        - Plastic').line + 1}:9 waves.0 (spark): the topics match only`,
      `en/fixture-mini.yaml:${pos(enText, 'negative:\n        - Still').line + 1}:9 waves.1 (surge): the topics match only`,
    ];
    for (const e of expected)
      assert.ok(
        lines.some((l) => l.startsWith(e)),
        `${e}\n  in:\n${lines.join('\n')}`,
      );
    assert.equal(lines.length, expected.length, lines.join('\n'));
  });

  test('the shipped scenarios under scenarios/ pass every check', async () => {
    const r = await checkScenarios(path.join(root, 'scenarios'));
    assert.deepEqual(
      r.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`),
      [],
    );
  });

  test('the example in scenarios/README.md is a valid scenario', () => {
    const md = readFileSync(path.join(root, 'scenarios/README.md'), 'utf8');
    const examples = [...md.matchAll(/```yaml\n(format:[\s\S]*?)```/g)].map((m) => m[1]);
    assert.equal(examples.length, 1);
    const r = parseScenario(examples[0]);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
  });

  test('scenarios/schema.json is the one generated from the zod schema (npm run scenarios:validate -- --write-schema)', () => {
    assert.equal(readFileSync(path.join(root, 'scenarios/schema.json'), 'utf8'), scenarioJsonSchema());
  });
});
