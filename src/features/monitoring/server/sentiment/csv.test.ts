import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from './csv.ts';

test('parses quoted fields, doubled quotes, embedded newlines, CRLF and a BOM', () => {
  const text = '\ufefflabel,review\r\n1,"a, b"\r\n0,"say ""hi""\nthen"\n1,plain\n';
  assert.deepEqual(parseCsv(text), [
    ['label', 'review'],
    ['1', 'a, b'],
    ['0', 'say "hi"\nthen'],
    ['1', 'plain'],
  ]);
});

test('keeps empty fields and a last line without newline', () => {
  assert.deepEqual(parseCsv('a,,c\n,x,'), [
    ['a', '', 'c'],
    ['', 'x', ''],
  ]);
});
