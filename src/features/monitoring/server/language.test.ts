import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import { countScripts, detectLanguage } from './language.ts';

test('Traditional and Simplified Chinese by script', () => {
  assert.equal(detectLanguage('服務態度很差，再也不會來了'), 'zh-Hant');
  assert.equal(detectLanguage('服务态度很差，再也不会来了'), 'zh-Hans');
  assert.equal(detectLanguage('鼎泰豐的小籠包真的很好吃'), 'zh-Hant');
  assert.equal(detectLanguage('鼎泰丰的小笼包真的很好吃'), 'zh-Hans');
  // 台, 里, 后 are everyday Traditional characters in Taiwan, not evidence of Simplified.
  assert.equal(detectLanguage('台北好玩'), 'zh-Hant');
  assert.equal(detectLanguage('公里'), 'zh-Hant');
  // Nothing tells the scripts apart: the product's home script.
  assert.equal(detectLanguage('好吃'), 'zh-Hant');
});

test('English, Japanese, Korean, other scripts, nothing', () => {
  assert.equal(detectLanguage('This product is terrible'), 'en');
  assert.equal(detectLanguage('日本語のテキストです'), 'ja');
  assert.equal(detectLanguage('안녕하세요'), 'ko');
  assert.equal(detectLanguage('Привет, мир'), 'und');
  assert.equal(detectLanguage(''), 'und');
  assert.equal(detectLanguage('   \n'), 'und');
  assert.equal(detectLanguage('12345 !!! ???'), 'und');
  assert.equal(detectLanguage('😀👍🎉'), 'und');
});

test('mixed text: the script carrying more of the text wins', () => {
  assert.equal(detectLanguage('今天 iPhone 17 發表會'), 'zh-Hant');
  assert.equal(detectLanguage('I love 台北 so much'), 'en');
  assert.equal(detectLanguage('這家餐廳的 service 很差'), 'zh-Hant');
  assert.equal(detectLanguage('我の最愛 😍'), 'zh-Hant'); // one stylistic の is not Japanese
});

test('URLs, e-mail addresses, @handles and #tags do not count as English', () => {
  assert.equal(detectLanguage('https://example.com/some/long/path?q=english 好吃'), 'zh-Hant');
  assert.equal(detectLanguage('@someone_long_handle 服务太差 #boycott'), 'zh-Hans');
  assert.equal(countScripts('contact me@example.com').latin, 'contact'.length);
});

test('counts Han characters outside the BMP once', () => {
  assert.equal(countScripts('𠮷野家').han, 3);
});

test('runs at well over a million characters per second', () => {
  const text = '服務態度很差，再也不會來了 This product is terrible 😀 https://x.com/a '.repeat(5000);
  detectLanguage('warm up');
  const t0 = performance.now();
  for (let i = 0; i < 5; i++) detectLanguage(text);
  const perSecond = (5 * text.length) / ((performance.now() - t0) / 1000);
  assert.ok(perSecond > 1_000_000, `${Math.round(perSecond)} chars/s`);
});
