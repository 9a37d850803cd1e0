// The pure helpers of the document screens: upload failures in the hub's words, byte counts, download names, and
// the list filters kept from the address.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../web/api.ts';
import { dispositionName, flatten, formatBytes, uploadErrorMessage } from './files.ts';
import { validateDocumentsSearch, validateNewDocumentSearch } from './search.ts';

const t = ((key: string) => key) as unknown as TFunction;

test('upload failures are translated by status and code', () => {
  assert.equal(uploadErrorMessage(new ApiError(413, 'payload_too_large', 'x'), t), 'documents.attachments.tooLarge');
  assert.equal(uploadErrorMessage(new ApiError(415, 'unsupported_media_type', 'x'), t), 'documents.attachments.unsupported');
  assert.equal(uploadErrorMessage(new ApiError(422, 'unprocessable_file', 'x'), t), 'documents.attachments.unprocessable');
  // A proxy's 413 without problem details is still "too large".
  assert.equal(uploadErrorMessage(new ApiError(413, 'unknown', 'HTTP 413'), t), 'documents.attachments.tooLarge');
  assert.equal(uploadErrorMessage(new ApiError(409, 'legal_hold', 'x'), t), 'errors.legal_hold');
  assert.equal(uploadErrorMessage(new ApiError(0, 'network', 'x'), t), 'errors.network');
  assert.equal(uploadErrorMessage(new Error('boom'), t), 'errors.unknown');
});

test('byte counts', () => {
  assert.equal(formatBytes(0), '0 B');
  assert.equal(formatBytes(1023), '1023 B');
  assert.equal(formatBytes(1536), '1.5 KB');
  assert.equal(formatBytes(100 * 1024 * 1024), '100.0 MB');
});

test('the download name comes from Content-Disposition, UTF-8 form first', () => {
  assert.equal(dispositionName(null, 'x.zip'), 'x.zip');
  assert.equal(dispositionName('attachment; filename="evidence-D-2.zip"', 'x.zip'), 'evidence-D-2.zip');
  assert.equal(dispositionName(`attachment; filename="a.zip"; filename*=UTF-8''%E8%AD%89%E6%93%9A.zip`, 'x.zip'), '證據.zip');
  assert.equal(dispositionName(`attachment; filename*=UTF-8''%E0%A4%A`, 'x.zip'), 'x.zip');
  assert.equal(dispositionName('attachment', 'x.zip'), 'x.zip');
});

test('list filters keep only values the API accepts', () => {
  const id = '0b6f3c1e-2f7a-4c1e-9a55-8d2f1c3b4a5e';
  assert.deepEqual(
    validateDocumentsSearch({ kind: 'evidence', classification: 'legal_privileged', crisisId: id, tag: ' 豆干 ', onHold: 'true' }),
    { kind: 'evidence', classification: 'legal_privileged', crisisId: id, tag: '豆干', onHold: 'true' },
  );
  assert.deepEqual(
    validateDocumentsSearch({ kind: 'html', classification: 'secret', crisisId: '1', tag: 'x'.repeat(41), onHold: 'yes' }),
    {},
  );
  assert.deepEqual(validateNewDocumentSearch({ crisisId: id, mentionId: '42' }), { crisisId: id, mentionId: 42 });
  assert.deepEqual(validateNewDocumentSearch({ crisisId: 'nope', mentionId: '-3' }), {});
});

test('capture details spread out as dotted keys, as text', () => {
  assert.deepEqual(flatten({ method: 'fetch', fetch: { status: 200, headers: { date: 'Tue' }, redirects: ['a'] }, n: null }), [
    ['method', 'fetch'],
    ['fetch.status', '200'],
    ['fetch.headers.date', 'Tue'],
    ['fetch.redirects', '["a"]'],
    ['n', 'null'],
  ]);
  // Deep nesting stops spreading and shows the rest as JSON.
  assert.deepEqual(flatten({ a: { b: { c: { d: { e: 1 } } } } }), [['a.b.c.d', '{"e":1}']]);
});
