// The feed URL helpers of the "add source" form: PTT boards, Google News searches, RSSHub routes, and back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_RSSHUB, feedUrl, isHttpUrl, recognise } from './feed-url.ts';

const parts = { board: '', newsQuery: '', rsshubBase: DEFAULT_RSSHUB, rsshubRoute: '' };

test('presets build the feed URL; incomplete or invalid parts build none', () => {
  assert.equal(feedUrl('ptt', { ...parts, board: ' Gossiping ' }), 'https://www.ptt.cc/atom/Gossiping.xml');
  assert.equal(feedUrl('ptt', { ...parts, board: '../etc' }), '');
  assert.equal(
    feedUrl('googleNews', { ...parts, newsQuery: '"鼎泰豐" 異物' }),
    'https://news.google.com/rss/search?q=%22%E9%BC%8E%E6%B3%B0%E8%B1%90%22%20%E7%95%B0%E7%89%A9&hl=zh-TW&gl=TW&ceid=TW:zh-Hant',
  );
  assert.equal(feedUrl('googleNews', parts), '');
  assert.equal(feedUrl('rsshub', { ...parts, rsshubRoute: '/dcard/posts/mood' }), 'https://rsshub.app/dcard/posts/mood');
  assert.equal(
    feedUrl('rsshub', { ...parts, rsshubBase: 'https://rss.example.tw/', rsshubRoute: 'youtube/user/@x' }),
    'https://rss.example.tw/youtube/user/@x',
  );
  assert.equal(feedUrl('url', parts), '');
});

test('stored URLs are recognised as their preset so the settings page shows the friendly fields', () => {
  assert.deepEqual(recognise('https://www.ptt.cc/atom/Stock.xml'), { preset: 'ptt', parts: { board: 'Stock' } });
  const news = feedUrl('googleNews', { ...parts, newsQuery: 'din tai fung' });
  assert.deepEqual(recognise(news), { preset: 'googleNews', parts: { newsQuery: 'din tai fung' } });
  assert.deepEqual(recognise('https://example.org/feed.xml'), { preset: 'url', parts: {} });
  assert.equal(isHttpUrl(' https://example.org/a '), true);
  assert.equal(isHttpUrl('javascript:alert(1)'), false);
});
