// The /documents list's filters live in the address (so a crisis's documents can be linked to); only values the
// API would accept are kept.
import { classifications, documentKinds } from '../contract.ts';
import type { DocumentFilter } from './queries.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keeps the filters that look valid. */
export function validateDocumentsSearch(search: Record<string, unknown>): DocumentFilter {
  const out: DocumentFilter = {};
  const s = (k: string) => (typeof search[k] === 'string' ? (search[k] as string) : undefined);
  const kind = s('kind');
  if (kind && (documentKinds as readonly string[]).includes(kind)) out.kind = kind as DocumentFilter['kind'];
  const cls = s('classification');
  if (cls && (classifications as readonly string[]).includes(cls)) out.classification = cls as DocumentFilter['classification'];
  const crisisId = s('crisisId');
  if (crisisId && UUID.test(crisisId)) out.crisisId = crisisId;
  const tag = s('tag')?.trim();
  if (tag && tag.length <= 40) out.tag = tag;
  const onHold = s('onHold');
  if (onHold === 'true' || onHold === 'false') out.onHold = onHold;
  return out;
}

/** /documents/new and /documents/evidence/new may start with a crisis (and capture with a mention). */
export type NewDocumentSearch = { crisisId?: string; mentionId?: number };

/** Keeps a crisis id and a mention id that look like ones. */
export function validateNewDocumentSearch(search: Record<string, unknown>): NewDocumentSearch {
  const out: NewDocumentSearch = {};
  if (typeof search.crisisId === 'string' && UUID.test(search.crisisId)) out.crisisId = search.crisisId;
  const m = Number(search.mentionId);
  if (Number.isSafeInteger(m) && m > 0) out.mentionId = m;
  return out;
}
