// The editor's calls: saving the text against the head it started from, and reading one version for a diff.
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../../web/api.ts';
import type { StatementDetail, StatementDoc, StatementVersion } from '../../contract.ts';
import { statementPath } from '../queries.ts';

/** One version of a statement (its text and findings); versions do not change once a newer one exists. */
export const versionQuery = (statementId: string, n: number) =>
  queryOptions({
    queryKey: ['statements', 'version', statementId, n],
    queryFn: ({ signal }) => api<StatementVersion>('GET', `${statementPath(statementId)}/versions/${n}`, undefined, { signal }),
  });

/** What a save answers: the statement, or at least its new head version. */
export type SaveAnswer = { detail: StatementDetail | null; head: { number: number; contentHash: string } };

/** Saves the text; `base` is the head version the editor started from (409 when it moved on). */
export async function saveText(statementId: string, input: { base: number; body: StatementDoc; autosave: boolean }): Promise<SaveAnswer> {
  const answer = await api<unknown>('PUT', `${statementPath(statementId)}/text`, input);
  const a = (answer ?? {}) as Partial<StatementDetail> & Partial<StatementVersion> & { head?: unknown };
  if (a.headVersion) return { detail: a as StatementDetail, head: a.headVersion };
  if (typeof a.number === 'number' && typeof a.contentHash === 'string')
    return { detail: null, head: { number: a.number, contentHash: a.contentHash } };
  const h = a.head as Partial<StatementVersion> | undefined;
  if (h && typeof h === 'object' && typeof h.number === 'number')
    return { detail: null, head: { number: h.number, contentHash: String(h.contentHash ?? '') } };
  throw new Error('unexpected answer to a text save');
}
