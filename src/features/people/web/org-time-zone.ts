// The organisation's time zone for screens inside the signed-in shell: it comes with the session.
import { ORG_DEFAULT_TIME_ZONE } from '../../../platform/time-zone.ts';
import { useSession } from '../../../web/session.ts';

/** The organisation's IANA time zone (Asia/Taipei until an admin changes it). */
export function useOrgTimeZone(): string {
  return useSession().org.timeZone || ORG_DEFAULT_TIME_ZONE;
}
