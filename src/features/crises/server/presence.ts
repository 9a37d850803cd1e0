// Who is in the crisis room now (在線): the people with the room open, as the live layer (platform/realtime.ts)
// tracks them per server process; it also pushes a `presence` message to the room whenever that changes.
import type { Principal } from '../../../platform/http.ts';
import type { CrisisPresence } from '../pulse-contract.ts';
import { type CrisisDeps, loadCrisis } from './access.ts';

/** The live layer's view of a room's people. */
export type PresenceSource = (room: string) => string[];

/** The user ids with the crisis room open, for someone who may read the crisis (404 otherwise). */
export async function crisisPresenceOf(
  deps: CrisisDeps & { presence: PresenceSource },
  p: Principal,
  crisisId: string,
): Promise<CrisisPresence> {
  await loadCrisis(deps.db, p, crisisId, 'read');
  return { userIds: deps.presence(`crisis:${crisisId}`) };
}
