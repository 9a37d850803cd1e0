// A detection fixture shared by the early-warning tests: a real server on a test clock, an organisation
// with a collector token, the topic 鼎泰豐, and three days of calm history (a mention every 40 minutes).
import assert from 'node:assert/strict';
import type { Clock } from '../../src/platform/clock.ts';
import { type Client, createClient, setUpOrg } from './client.ts';
import { startTestServer } from './server.ts';

export const MIN = 60_000;
/** History starts here; "now" is three days later. */
export const START = new Date('2026-03-02T00:00:00Z');
export const CALM = ['今天去鼎泰豐吃小籠包', '鼎泰豐排隊大概二十分鐘', '週末和家人去鼎泰豐', '鼎泰豐的酸辣湯還不錯'];
export const STORY = '鼎泰豐信義店的小籠包裡面吃到蟑螂，店員態度超差還說是我們自己帶的，噁心到不行，大家千萬不要去！';

export type Item = { text: string; at: Date; author?: string; followers?: number };

/** Starts the server and fills the calm history; `push` sends mentions through the push API. */
export async function startCalmTopic(clock: Clock) {
  const ctx = await startTestServer({ clock, env: {} });
  const org = await setUpOrg(ctx.url);
  const t = await org.admin.post('/api/tokens', { name: 'collector', scopes: ['mentions:write'] });
  const machine: Client = createClient(ctx.url);
  // biome-ignore lint/correctness/useHookAtTopLevel: the test client's useToken is a method, not a React hook
  machine.useToken(t.body.secret);
  const topicId: string = (await org.admin.post('/api/topics', { name: '鼎泰豐', query: '鼎泰豐' })).body.id;
  let n = 0;
  const push = async (items: Item[]) => {
    const r = await machine.post('/api/mentions', {
      mentions: items.map((i) => ({
        source: 'ptt',
        externalId: `m${++n}`,
        text: i.text,
        author: i.author ?? `user${n % 7}`,
        authorFollowers: i.followers ?? 100,
        publishedAt: i.at.toISOString(),
      })),
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.rejected, 0);
  };
  const history: Item[] = [];
  for (let at = START.getTime(); at < clock.now().getTime() - 10 * MIN; at += 40 * MIN)
    history.push({ text: CALM[history.length % 4], at: new Date(at) });
  for (let i = 0; i < history.length; i += 500) await push(history.slice(i, i + 500));
  return { ctx, org, topicId, push };
}
