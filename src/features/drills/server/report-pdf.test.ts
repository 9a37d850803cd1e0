// The after-action report PDF: Traditional Chinese text comes back out of it (the subset font maps glyphs to
// text), the font is embedded (a FontFile stream, not a reference to a font the reader may lack), characters the
// font cannot draw are replaced rather than left blank, long CJK lines wrap per character and Latin per word, and
// pages are A4 and numbered.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { capabilities } from '../contract.ts';
import { PDF_TIMELINE_ENTRIES, type ReportPdfInput, renderReportPdf, reportFont, wrap } from './report-pdf.ts';

const base = (over: Partial<ReportPdfInput> = {}): ReportPdfInput => ({
  locale: 'zh-TW',
  timeZone: 'Asia/Taipei',
  orgName: '清心茶飲股份有限公司',
  title: '第三季食安演練',
  scenarioTitle: '珍珠奶茶驗出塑化劑',
  startedAt: '2026-03-10T02:00:00.000Z',
  endedAt: '2026-03-10T03:30:00.000Z',
  generatedAt: '2026-03-10T03:31:00.000Z',
  participants: [
    { name: '王小明', role: 'facilitator' },
    { name: 'Ada Lovelace', role: 'player' },
  ],
  report: {
    clocks: [
      { key: 'alert_acknowledged', from: 'alert_opened', fromAt: null, at: null, seconds: 90, targetSeconds: 900, met: true },
      { key: 'crisis_declared', from: 'alert_opened', fromAt: null, at: null, seconds: 4000, targetSeconds: 3600, met: false },
      { key: 'holding_drafted', from: 'crisis_declared', fromAt: null, at: null, seconds: null, targetSeconds: 2700, met: false },
      { key: 'holding_legal_approved', from: 'crisis_declared', fromAt: null, at: null, seconds: null, targetSeconds: 2700, met: false },
      { key: 'holding_published', from: 'crisis_declared', fromAt: null, at: null, seconds: null, targetSeconds: null, met: false },
    ],
    measures: {
      tasksTotal: 10,
      tasksDone: 4,
      tasksOverdue: 3,
      statementsApprovedWithOpenFindings: 1,
      briefingRecipients: 4,
      briefingAcknowledged: 3,
      briefingAckRate: 0.75,
      alerts: 1,
      injectsDelivered: 5,
      mentions: 1234,
    },
    scores: capabilities.map((capability) => ({
      capability,
      average: capability === 'decide' ? 3.5 : null,
      notes: capability === 'decide' ? 2 : 0,
    })),
    timeline: Array.from({ length: 80 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 2, 10, 2, i)).toISOString(),
      t: i * 60,
      type: i === 3 ? 'crisis.declared' : 'crisis.task_updated',
      label: i === 3 ? '信義店珍奶塑化劑風波' : `任務 ${i}`,
      actor: i % 2 ? '王小明' : null,
    })),
    wentWell: `指揮官在十分鐘內召集團隊，${'法務與公關密切合作，'.repeat(30)}結束。`,
    toImprove:
      'The customer-service script came late; supercalifragilisticexpialidocious-words-without-spaces-must-still-wrap-somewhere-on-the-page-without-overflowing.',
  },
  actions: [{ title: '更新客服話術範本', assignee: '林美玲', dueOn: '2026-04-01', doneAt: null }],
  ...over,
});

async function textOf(bytes: Uint8Array) {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  return { pages: pdf.numPages, text: (await extractText(pdf, { mergePages: true })).text as string };
}

describe('after-action report PDF', { skip: reportFont() ? false : 'no Traditional Chinese font on this machine' }, () => {
  test('Chinese text comes back out; the font is embedded as a subset; A4 pages are numbered', async () => {
    const bytes = await renderReportPdf(base());
    if (process.env.FIREBREAK_KEEP_PDF) writeFileSync(process.env.FIREBREAK_KEEP_PDF, bytes);
    const { pages, text } = await textOf(bytes);
    const flat = text.replace(/\s+/g, '');
    for (const s of [
      '事後檢討報告',
      '第三季食安演練',
      '珍珠奶茶驗出塑化劑',
      '信義店珍奶塑化劑風波',
      '更新客服話術範本',
      '林美玲',
      '確認預警',
      '達成',
      '未達成',
      '75%',
    ])
      assert.ok(flat.includes(s), `the PDF's text has ${s}`);
    assert.ok(flat.includes('1分30秒'), 'a clock reads as a duration');
    assert.ok(!text.includes('□'), 'every character of the report (dates included) is drawn');
    assert.ok(!flat.includes(`任務${PDF_TIMELINE_ENTRIES + 5}`), 'only the first entries of the timeline are printed');
    assert.ok(flat.includes(`另有${80 - PDF_TIMELINE_ENTRIES}筆`));
    assert.ok(pages >= 2, 'a long report runs over pages');
    assert.ok(flat.includes(`第1頁，共${pages}頁`), 'pages are numbered');
    const raw = Buffer.from(bytes).toString('latin1');
    assert.match(raw, /\/FontFile[23]?\s/, 'the font program is embedded in the file');
    const program = /\/FontFile3\s+\d+ 0 R/.exec(raw) ?? /\/FontFile2\s+\d+ 0 R/.exec(raw);
    assert.ok(program, 'the descriptor points at the font program');
    assert.ok(bytes.length < 400_000, `a subset keeps the file small (${bytes.length} bytes; the face alone is megabytes)`);
    assert.ok((raw.match(/\/Type \/Font\b/g) ?? []).length <= 2, 'one font (Type0 and its descendant), however many lines');
    const doc = await PDFDocument.load(bytes);
    for (const p of doc.getPages()) {
      assert.equal(Math.round(p.getWidth()), 595);
      assert.equal(Math.round(p.getHeight()), 842);
    }
  });

  test('English by the organisation’s language, with the same measured facts', async () => {
    const { text } = await textOf(await renderReportPdf(base({ locale: 'en' })));
    for (const s of ['After-action report', 'Response clocks', '1 min 30 s', 'Met', 'Missed', 'Not done', 'Page 1 of', '清心茶飲'])
      assert.ok(text.includes(s), s);
  });

  test('a character the font cannot draw is replaced, never embedded as a blank glyph', async () => {
    const { text } = await textOf(await renderReportPdf(base({ title: '演練 \u{1FAE0}\u{10FFFD} 結束' })));
    assert.ok(!text.includes('\u{1FAE0}') && !text.includes('\u{10FFFD}'));
    assert.ok(text.replace(/\s+/g, '').includes('演練□□結束'), 'each is shown as a visible box');
  });

  test('wrapping: CJK per character, Latin per word, an over-long word cut', () => {
    const measure = (s: string) => [...s].length;
    assert.deepEqual(wrap('一二三四五六七', 3, measure), ['一二三', '四五六', '七']);
    assert.deepEqual(wrap('hello big world', 9, measure), ['hello big', 'world']);
    assert.deepEqual(wrap('abcdefghij', 4, measure), ['abcd', 'efgh', 'ij']);
    assert.deepEqual(wrap('法務 review 完成', 6, measure), ['法務', 'review', '完成']);
  });
});
