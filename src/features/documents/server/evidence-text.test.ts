// Reducing fetched pages to the plain text kept as evidence: no markup ever survives, text does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeBody, decodeEntities, htmlTitle, htmlToText } from './evidence-text.ts';

test('scripts, styles and other non-text elements go with their content; tags become spaces or line breaks', () => {
  const html = `<html><head><title>T</title><script>var a = "<p>not text</p>";</script></head>
<body><SCRIPT type="module">evil()</SCRIPT><style media="x">p { color: red }</style><svg><text>svg words</text></svg>
<p>One <b>bold</b> word</p><div>Two</div><br>Three<img src=x onerror="alert(1)"><template><p>later</p></template>
<a href='/x' title="a > b">link</a></body></html>`;
  const text = htmlToText(html);
  assert.equal(text, 'One bold word\n\nTwo\n\nThree\nlink');
});

test('an unclosed script swallows the rest, as a browser would; comments and CDATA are dropped', () => {
  assert.equal(htmlToText('<p>before</p><!-- <p>hidden</p> --><script>never closed <p>after</p>'), 'before');
  assert.equal(htmlToText('a<![CDATA[ x ]]>b'), 'a b');
});

test('entities are decoded after the tags are gone, so &lt;script&gt; is text, not a tag', () => {
  assert.equal(
    htmlToText('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#20013;&#x6587; &nbsp;&copy;&unknown;</p>'),
    '<script>alert(1)</script> & 中文 ©&unknown;',
  );
  assert.equal(decodeEntities('&#0;&#xD800;&#x110000;'), '\uFFFD\uFFFD\uFFFD');
});

test('the page title, and the declared charset (header, then meta), decide the text', () => {
  assert.equal(htmlTitle('<head><title> 爆料 &amp; 回應 </title></head>'), '爆料 & 回應');
  assert.equal(htmlTitle('<p>no title</p>'), null);
  const big5 = Buffer.from([0xa4, 0xa4, 0xa4, 0xe5]); // 中文 in Big5
  assert.equal(decodeBody(big5, 'text/plain; charset=big5').text, '中文');
  const page = Buffer.concat([Buffer.from('<meta charset="big5"><p>'), big5]);
  assert.equal(htmlToText(decodeBody(page, 'text/html').text), '中文');
  assert.equal(decodeBody(Buffer.from('中文'), 'text/html; charset=no-such-charset').text, '中文');
});
