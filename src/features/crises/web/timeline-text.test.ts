// Timeline sentences for statement events, read with the real zh-TW and English messages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import i18next, { type TFunction } from 'i18next';
import { en } from '../../../web/i18n/en.ts';
import { zhTW } from '../../../web/i18n/zh-TW.ts';
import type { TimelineEntry } from '../contract.ts';
import { inFilter, timelineLine } from './timeline-text.ts';

async function translator(lng: 'zh-TW' | 'en'): Promise<TFunction> {
  const i = i18next.createInstance();
  await i.init({ lng, resources: { 'zh-TW': { translation: zhTW }, en: { translation: en } }, nsSeparator: false });
  return i.t as TFunction;
}

const entry = (type: string, data: Record<string, unknown>): TimelineEntry =>
  ({ id: 1, type, actor: '王小明', at: '2026-12-01T00:00:00.000Z', data, starred: false }) as unknown as TimelineEntry;

test('statement events read as sentences in both languages, with the words people wrote beneath', async () => {
  const zh = await translator('zh-TW');
  const english = await translator('en');
  const decided = entry('statement.decided', {
    title: '初步聲明',
    kind: 'holding',
    version: 3,
    decision: 'approved',
    role: 'legal_counsel',
  });
  assert.equal(timelineLine(decided, zh).sentence, '王小明 以法務身分核准「初步聲明」第 3 版');
  assert.equal(timelineLine(decided, english).sentence, '王小明 approved version 3 of “初步聲明” as Legal counsel');
  const published = timelineLine(
    entry('statement.published', { title: '初步聲明', version: 3, channel: 'facebook', url: 'https://x.test/p' }),
    zh,
  );
  assert.match(published.sentence, /在 ?Facebook ?發布「初步聲明」第 3 版/);
  assert.equal(published.quote, 'https://x.test/p');
  const override = timelineLine(entry('statement.overridden', { title: '初步聲明', reason: '記者會五分鐘後開始' }), zh);
  assert.equal(override.quote, '記者會五分鐘後開始');
  assert.equal(override.kind, 'decision');
  const created = timelineLine(entry('statement.created', { title: 'x', kind: 'holding' }), zh);
  assert.equal(created.sentence, '王小明 起草了初步聲明「x」');
  const briefing = timelineLine(entry('statement.briefing_sent', { title: 'x', briefingTitle: '門市對外口徑', recipients: 42 }), zh);
  assert.equal(briefing.sentence, '王小明 發送員工對外口徑「門市對外口徑」給 42 人');
  const variant = timelineLine(entry('statement.variant_created', { title: '初步聲明', channel: 'x' }), english);
  assert.doesNotMatch(variant.sentence, /\{\{|statementList/);
  const reminded = timelineLine(entry('statement.briefing_reminded', { title: 'x', briefingTitle: '門市對外口徑', recipients: 7 }), zh);
  assert.equal(reminded.sentence, '王小明 提醒 7 位尚未確認對外口徑「門市對外口徑」的同仁');
  const comments = ['added', 'replied', 'resolved', 'reopened'].flatMap((k) =>
    [zh, english].map((tr) => timelineLine(entry(`statement.comment_${k}`, { title: '初步聲明', quote: '絕不再發生' }), tr)),
  );
  assert.equal(comments[0].sentence, '王小明 在「初步聲明」留言：「絕不再發生」');
  assert.equal(new Set(comments.map((c) => c.sentence)).size, 8, 'each kind and language says something of its own');
  for (const line of [published, override, created, briefing, variant, reminded, ...comments])
    assert.doesNotMatch(line.sentence, /statement\.|\{\{/);
});

test('autosaves show only under the statements filter; other statement events show under all', () => {
  const auto = entry('statement.saved', { title: 'x', version: 2, autosave: true });
  const saved = entry('statement.saved', { title: 'x', version: 2, autosave: false });
  assert.equal(inFilter(auto, 'all'), false);
  assert.equal(inFilter(auto, 'statements'), true);
  assert.equal(inFilter(saved, 'all'), true);
  assert.equal(inFilter(saved, 'statements'), true);
  assert.equal(inFilter(saved, 'tasks'), false);
  const reply = entry('statement.comment_replied', { title: 'x', quote: 'y' });
  assert.equal(inFilter(reply, 'all'), false, 'replies are many too');
  assert.equal(inFilter(reply, 'statements'), true);
  assert.equal(inFilter(entry('statement.comment_added', { title: 'x', quote: 'y' }), 'all'), true);
});
