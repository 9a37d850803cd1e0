// Unit tests of the editor ↔ contract bridge on the editor's real schema: the document sent validates against
// `statementDoc`, the editor's text equals `docToText`, and checker offsets map back to the right editor range.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Node as PMNode } from '@tiptap/pm/model';
import { getSchema } from '@tiptap/react';
import { docToText, statementDoc } from '../../contract.ts';
import { indexText, rangeOf, toStatementDoc } from './doc.ts';
import { statementExtensions } from './extensions.ts';

const schema = getSchema(statementExtensions());
const t = (text: string, marks?: string[]) => ({ type: 'text', text, ...(marks ? { marks: marks.map((type) => ({ type })) } : {}) });
const p = (...content: object[]) => ({ type: 'paragraph', ...(content.length ? { content } : {}) });

const sample = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [t('關於'), t('信義店', ['bold', 'underline'])] },
    p(t('我們保證絕不再發生。'), { type: 'hardBreak' }, t('下一次更新：'), t('明天 10:00', ['italic'])),
    p(),
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [p(t('全面下架'))] },
        { type: 'listItem', content: [p(t('退款 👍🏽')), p(t('第二段'))] },
      ],
    },
    { type: 'orderedList', attrs: { start: 3, type: null }, content: [{ type: 'listItem', content: [p(t('third'))] }] },
    { type: 'heading', attrs: { level: 3 }, content: [t('End')] },
  ],
};

test('the schema holds only the contract’s nodes and marks', () => {
  assert.deepEqual(Object.keys(schema.nodes).sort(), [
    'bulletList',
    'doc',
    'hardBreak',
    'heading',
    'listItem',
    'orderedList',
    'paragraph',
    'text',
  ]);
  assert.deepEqual(Object.keys(schema.marks).sort(), ['bold', 'italic', 'underline']);
  // A nested list inside a list item does not fit the schema.
  const nested = { type: 'listItem', content: [p(t('a')), { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('b'))] }] }] };
  assert.throws(() => PMNode.fromJSON(schema, { type: 'doc', content: [{ type: 'bulletList', content: [nested] }] }).check());
});

test('the document sent validates against statementDoc and keeps the text and formatting', () => {
  const doc = PMNode.fromJSON(schema, sample);
  const body = toStatementDoc(doc.toJSON());
  const parsed = statementDoc.safeParse(body);
  assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
  assert.deepEqual(body.content[0], { type: 'heading', attrs: { level: 2 }, content: [t('關於'), t('信義店', ['bold', 'underline'])] });
  assert.deepEqual(body.content[4], {
    type: 'orderedList',
    attrs: { start: 3 },
    content: [{ type: 'listItem', content: [p(t('third'))] }],
  });
  assert.deepEqual(body.content[2], { type: 'paragraph' });
  // Round trip: the editor reloading what it sent gives the same document.
  assert.deepEqual(toStatementDoc(PMNode.fromJSON(schema, body).toJSON()), body);
});

test('the editor’s text is exactly docToText of what it sends', () => {
  const doc = PMNode.fromJSON(schema, sample);
  const { text, pos } = indexText(doc);
  assert.equal(text, docToText(toStatementDoc(doc.toJSON())));
  assert.equal(text, '關於信義店\n我們保證絕不再發生。\n下一次更新：明天 10:00\n\n全面下架\n退款 👍🏽\n第二段\nthird\nEnd');
  assert.equal(pos.length, text.length + 1);
  // An empty editor (one empty paragraph) is the empty text.
  const empty = PMNode.fromJSON(schema, { type: 'doc', content: [p()] });
  assert.equal(indexText(empty).text, '');
  assert.equal(docToText(toStatementDoc(empty.toJSON())), '');
});

test('checker offsets map to the editor range holding the same text', () => {
  const doc = PMNode.fromJSON(schema, sample);
  const index = indexText(doc);
  const spans = ['保證絕不再發生', '信義店', '明天 10:00', '退款 👍🏽', '第二段', 'End', '關於'];
  for (const s of spans) {
    const start = index.text.indexOf(s);
    const r = rangeOf(index, start, start + s.length);
    assert.ok(r, s);
    assert.equal(doc.textBetween(r.from, r.to), s, `range of ${s}`);
  }
  // A span across a hard break and into the next block keeps its ends on the right characters.
  const start = index.text.indexOf('生。');
  const end = index.text.indexOf('下一次') + 3;
  const r = rangeOf(index, start, end);
  assert.ok(r);
  assert.equal(doc.textBetween(r.from, r.to, '\n', '\n'), '生。\n下一次');
  assert.equal(rangeOf(index, 5, 5), null);
  assert.equal(rangeOf(index, 0, index.text.length + 1), null);
});

test('unknown attributes and marks never reach the server', () => {
  const body = toStatementDoc({
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        attrs: { style: 'color:red' },
        content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:1' } }] }],
      },
      { type: 'image', attrs: { src: 'x' } },
      { type: 'paragraph', content: [{ type: 'text', text: '' }] },
    ],
  });
  assert.deepEqual(body, { type: 'doc', content: [p(t('x')), p()] });
  assert.ok(statementDoc.safeParse(body).success);
});
