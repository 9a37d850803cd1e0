// Comments anchored to a statement's text, on a real server and database: the server takes the quote from the
// stored version, threads follow their words across edits (moved), say so when the words are gone (lost), and pick
// the right one of two identical quotes by their surroundings; spans outside the text are 400; replies; resolve and
// reopen guarded by the thread's version (409); reporters 403, people off the team 404; every change an event.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { type CommentThread, commentList, commentThread, reanchor } from '../comments-contract.ts';
import { textToDoc } from '../contract.ts';

describe('statement comments', () => {
  const clock = createTestClock(new Date('2026-03-10T02:00:00Z'));
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  type Person = { client: Client; id: string };
  let writer: Person;
  let legal: Person;
  let outsider: Person;
  let reporter: Person;
  let guest: Person;
  let crisisId = '';
  let statementId = '';
  let head = 1;

  const V1 = '我們已下架相關批次。受影響顧客約1000人，我們將主動聯繫。';
  const path = () => `/api/statements/${statementId}/comments`;
  const save = async (text: string) => {
    const r = await writer.client.request('PUT', `/api/statements/${statementId}/text`, {
      base: head,
      body: textToDoc(text),
      autosave: false,
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    head = r.body.head;
  };
  const list = async (who: Client = writer.client) => {
    const r = await who.get(path());
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return commentList.parse(r.body);
  };
  const thread = async (id: string) => {
    const t = (await list()).threads.find((x) => x.id === id);
    assert.ok(t, `thread ${id} is listed`);
    return t;
  };
  const events = async (type: string) =>
    (
      await ctx.server.db.execute<{ data: Record<string, unknown>; actor_id: string | null }>(
        sql`SELECT data, actor_id FROM events WHERE type = ${type} AND crisis_id = ${crisisId} ORDER BY id`,
      )
    ).rows;
  const comment = (who: Client, quote: string, body: string, text = V1, occurrence = 0) => {
    let start = -1;
    for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
    assert.ok(start >= 0, `${quote} is in the text`);
    return who.post(path(), { versionNumber: head, start, end: start + quote.length, body });
  };

  before(async () => {
    ctx = await startTestServer({ clock });
    org = await setUpOrg(ctx.url);
    writer = await org.userWithRole('member', '文案 張');
    legal = await org.userWithRole('member', '法務 陳');
    outsider = await org.userWithRole('member', '路人 李');
    reporter = await org.userWithRole('reporter');
    guest = await org.userWithRole('guest');
    const r = await org.admin.post('/api/crises', { title: '信義店食安事件', type: 'product_quality', severity: 'L2' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    crisisId = r.body.id;
    for (const [role, userId] of [
      ['scribe', writer.id],
      ['legal_counsel', legal.id],
    ])
      assert.equal((await org.admin.request('PUT', `/api/crises/${crisisId}/team`, { role, userId })).status, 200);
    const s = await writer.client.post(`/api/crises/${crisisId}/statements`, { kind: 'holding', language: 'zh-TW', title: '初步聲明' });
    assert.equal(s.status, 201, JSON.stringify(s.body));
    statementId = s.body.id;
    head = s.body.head;
    await save(V1);
  });

  test('the server takes the quote from the stored version; spans outside the text and bad bodies are 400', async () => {
    const r = await comment(legal.client, '約1000人', '人數請與事實表核對');
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const t = commentThread.parse(r.body);
    assert.equal(t.quote, '約1000人');
    assert.equal(t.prefix, V1.slice(0, V1.indexOf('約1000人')));
    assert.equal(t.suffix, V1.slice(V1.indexOf('約1000人') + 6));
    assert.deepEqual([t.start, t.end, t.anchor], [V1.indexOf('約1000人'), V1.indexOf('約1000人') + 6, 'exact']);
    assert.equal(t.author?.name, '法務 陳');
    assert.equal(t.createdAt, clock.now().toISOString());
    assert.equal(t.resolved, null);
    // A client quote is not part of the contract: it is refused, never trusted.
    const sneaky = await legal.client.post(path(), { versionNumber: head, start: 0, end: 2, body: 'x', quote: '別的字' });
    assert.equal(sneaky.status, 400);
    const past = await legal.client.post(path(), { versionNumber: head, start: V1.length - 1, end: V1.length + 1, body: 'x' });
    assert.equal(past.status, 400);
    assert.equal(past.body.errors[0].path, 'end');
    assert.equal(past.body.errors[0].code, 'out_of_range');
    const backwards = await legal.client.post(path(), { versionNumber: head, start: 5, end: 5, body: 'x' });
    assert.equal(backwards.status, 400);
    assert.equal(backwards.body.errors[0].path, 'end');
    const noVersion = await legal.client.post(path(), { versionNumber: head + 5, start: 0, end: 2, body: 'x' });
    assert.equal(noVersion.status, 400);
    assert.equal(noVersion.body.errors[0].path, 'versionNumber');
    assert.equal((await legal.client.post(path(), { versionNumber: head, start: 0, end: 2, body: '   ' })).status, 400);
    assert.equal((await legal.client.post(path(), { versionNumber: head, start: 0, end: 2, body: 'x'.repeat(4001) })).status, 400);
    assert.equal((await legal.client.post(path(), { versionNumber: head, start: 0, end: 2, body: 'x'.repeat(4000) })).status, 201);
    const added = await events('statement.comment_added');
    assert.equal(added.length, 2, 'one event per comment, none for the refused ones');
    assert.equal(added[0].data.commentId, t.id);
    assert.equal(added[0].data.quote, '約1000人');
    assert.equal(added[0].data.statementId, statementId);
  });

  test('re-anchoring: a quote that moves follows its words; a deleted one is lost but still listed', async () => {
    const moving = commentThread.parse((await comment(writer.client, '主動聯繫', '改成「逐一聯繫」？')).body);
    const doomed = commentThread.parse((await comment(writer.client, '已下架相關批次', '哪些批次？')).body);
    const v2 = `【更新】${V1.replace('已下架相關批次', '已全面下架產品')}`;
    await save(v2);
    const m = await thread(moving.id);
    assert.equal(m.anchor, 'moved');
    assert.equal(v2.slice(m.start ?? 0, m.end ?? 0), '主動聯繫');
    assert.equal(m.start, v2.indexOf('主動聯繫'));
    assert.equal(m.versionNumber, head - 1, 'it remembers the version it was made on');
    const d = await thread(doomed.id);
    assert.deepEqual([d.anchor, d.start, d.end, d.quote], ['lost', null, null, '已下架相關批次']);
    // Unchanged offsets stay exact: a thread made on the new head is where it was made.
    const here = commentThread.parse((await comment(writer.client, '【更新】', '標題？', v2)).body);
    assert.equal((await thread(here.id)).anchor, 'exact');
  });

  test('a quote that appears twice: its surroundings pick the right one, wherever it moved', async () => {
    const text = '門市A：我們深感抱歉，已停售。\n門市B：我們深感抱歉，將調查。';
    await save(text);
    const second = commentThread.parse((await comment(writer.client, '我們深感抱歉', '門市B這句太重複', text, 1)).body);
    assert.equal(second.start, text.lastIndexOf('我們深感抱歉'));
    // Swap the two lines: the thread goes with the line about 門市B (whose words now come first).
    const swapped = '門市B：我們深感抱歉，將調查。\n門市A：我們深感抱歉，已停售。';
    await save(swapped);
    const t = await thread(second.id);
    assert.equal(t.anchor, 'moved');
    assert.equal(t.start, swapped.indexOf('我們深感抱歉'), 'the first occurrence now, by its prefix 門市B and suffix 將調查');
    // The anchoring itself prefers context over nearness, and nearness between equals.
    assert.deepEqual(reanchor('xx ab yy ab zz', { quote: 'ab', prefix: 'yy ', suffix: ' zz', start: 3 }), {
      start: 9,
      end: 11,
      anchor: 'moved',
    });
    assert.equal(reanchor('ab ab ab', { quote: 'ab', prefix: '', suffix: '', start: 4 }).start, 3);
    assert.equal(reanchor('abc', { quote: '', prefix: '', suffix: '', start: 0 }).anchor, 'lost');
  });

  test('replies; resolve and reopen guarded by the version (409); events for each', async () => {
    const text = '我們將於今晚十點前說明調查結果。';
    await save(text);
    const t = commentThread.parse((await comment(legal.client, '今晚十點前', '時間承諾太具體', text)).body);
    const rep = await writer.client.post(`${path()}/${t.id}/replies`, { body: '改成「今晚」即可？' });
    assert.equal(rep.status, 201, JSON.stringify(rep.body));
    const withReply = commentThread.parse(rep.body);
    assert.deepEqual(
      withReply.replies.map((r) => [r.body, r.author?.name]),
      [['改成「今晚」即可？', '文案 張']],
    );
    assert.equal(withReply.version, t.version + 1, 'a reply changes the thread');
    assert.equal(
      (await writer.client.post(`${path()}/${withReply.replies[0].id}/replies`, { body: 'x' })).status,
      404,
      'no reply to a reply',
    );
    assert.equal((await writer.client.post(`${path()}/${crypto.randomUUID()}/replies`, { body: 'x' })).status, 404);
    assert.equal((await writer.client.post(`${path()}/${t.id}/replies`, { body: '' })).status, 400);

    const stale = await legal.client.post(`${path()}/${t.id}/resolve`, { version: t.version });
    assert.equal(stale.status, 409, 'the reply moved the thread on');
    assert.equal(stale.body.code, 'conflict');
    const done = await legal.client.post(`${path()}/${t.id}/resolve`, { version: withReply.version });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    const resolved: CommentThread = commentThread.parse(done.body);
    assert.equal(resolved.resolved?.by?.name, '法務 陳');
    assert.equal((await legal.client.post(`${path()}/${t.id}/resolve`, { version: resolved.version })).status, 409, 'already resolved');
    assert.equal((await writer.client.post(`${path()}/${t.id}/reopen`, { version: withReply.version })).status, 409, 'stale');
    const reopened = await writer.client.post(`${path()}/${t.id}/reopen`, { version: resolved.version });
    assert.equal(reopened.status, 200, JSON.stringify(reopened.body));
    assert.equal(reopened.body.resolved, null);
    assert.equal((await thread(t.id)).resolved, null);
    assert.equal((await events('statement.comment_replied')).length, 1);
    const res = await events('statement.comment_resolved');
    assert.equal(res.length, 1);
    assert.equal(res[0].actor_id, legal.id);
    assert.equal((await events('statement.comment_reopened')).length, 1);
    // Listing shows replies under their thread and never lists a reply as a thread.
    const all = await list(org.admin);
    assert.ok(all.threads.every((x) => !withReply.replies.some((r) => r.id === x.id)));
    assert.equal(all.threads.find((x) => x.id === t.id)?.replies.length, 1);
    assert.equal(all.head, head);
  });

  test('who may comment: the team and officers; reporters and guests 403; people off the team 404', async () => {
    const t = (await list()).threads[0];
    assert.equal((await reporter.client.get(path())).status, 403);
    assert.equal((await guest.client.post(path(), { versionNumber: head, start: 0, end: 1, body: 'x' })).status, 403);
    assert.equal((await reporter.client.post(`${path()}/${t.id}/resolve`, { version: t.version })).status, 403);
    assert.equal((await outsider.client.get(path())).status, 404);
    assert.equal((await outsider.client.post(path(), { versionNumber: head, start: 0, end: 1, body: 'x' })).status, 404);
    assert.equal((await outsider.client.post(`${path()}/${t.id}/replies`, { body: 'x' })).status, 404);
    assert.equal((await outsider.client.post(`${path()}/${t.id}/resolve`, { version: t.version })).status, 404);
    assert.equal((await org.admin.post(`${path()}/${t.id}/replies`, { body: '管理員看過了' })).status, 201, 'officers read every crisis');
    const before = (await events('statement.comment_added')).length;
    assert.equal((await outsider.client.post(path(), { versionNumber: head, start: 0, end: 1, body: 'x' })).status, 404);
    assert.equal((await events('statement.comment_added')).length, before, 'a refused comment writes nothing');
  });
});
