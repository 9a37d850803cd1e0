// Who may be named spokesperson or owner of an audience: the crisis's team, and the organisation's active people
// when the viewer may list users (as the crisis room picks people).
import { useQuery } from '@tanstack/react-query';
import { useCan } from '../../../../web/session.ts';
import type { CrisisDetail } from '../../../crises/contract.ts';
import { usersQuery } from '../../../people/web/queries.ts';

/** Select options: the team first, then everyone else active, each once. */
export function usePeopleOptions(crisis: CrisisDetail | undefined): { value: string; label: string }[] {
  const listsUsers = useCan('user.list');
  const users = useQuery({ ...usersQuery, enabled: listsUsers });
  const out = new Map<string, string>();
  for (const m of crisis?.team ?? []) out.set(m.userId, m.name);
  for (const u of users.data ?? []) if (u.status === 'active' && !out.has(u.id)) out.set(u.id, u.name);
  return [...out].map(([value, label]) => ({ value, label }));
}
