// The signed-in session as the shell sees it: who, which organisation, and what they may do.
import { useSuspenseQuery } from '@tanstack/react-query';
import type { Session } from '../features/people/contract.ts';
import { sessionQuery } from '../features/people/web/queries.ts';

/** The current session (only inside the authenticated shell, where it is loaded before render). */
export function useSession(): Session {
  return useSuspenseQuery(sessionQuery).data;
}

/** Whether the signed-in user holds a permission (the server checks again). */
export function useCan(permission: string): boolean {
  return useSession().permissions.includes(permission);
}
