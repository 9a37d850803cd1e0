// Starring timeline entries for the after-action review: one star per entry (whoever starred it). Starring is
// audited and announced to the crisis room live, but is not itself a timeline entry (the event carries no
// crisis id; it goes to the `crisis:<id>` room only).
import { sql } from 'drizzle-orm';
import { notFound } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import type { TimelineEntry } from '../contract.ts';
import { type CrisisDeps, loadCrisis, type Meta } from './access.ts';
import { timelineOf } from './view.ts';

/** Stars (`on`) or unstars an entry of a crisis's timeline; idempotent; returns the entry. */
export async function setStar(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  id: string,
  eventId: number,
  on: boolean,
  meta: Meta = {},
): Promise<TimelineEntry> {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const c = await loadCrisis(tx, p, id, 'work');
    const e = await tx.execute(sql`SELECT 1 FROM events WHERE id = ${eventId} AND crisis_id = ${id}`);
    if (e.rows.length === 0) throw notFound('No such entry on this crisis’s timeline.');
    const r = on
      ? await tx.execute(sql`
          INSERT INTO crisis_timeline_stars (crisis_id, event_id, starred_by, starred_at)
          VALUES (${id}, ${eventId}, ${p.kind === 'user' ? p.userId : null}, ${now}) ON CONFLICT DO NOTHING RETURNING event_id`)
      : await tx.execute(sql`DELETE FROM crisis_timeline_stars WHERE crisis_id = ${id} AND event_id = ${eventId} RETURNING event_id`);
    if (r.rows.length === 0) return; // already so
    await recordEvent(tx, deps.clock, {
      orgId: c.org_id,
      type: on ? 'crisis.timeline_starred' : 'crisis.timeline_unstarred',
      actor,
      subjectType: 'crisis',
      subjectId: id,
      data: { eventId },
      rooms: [`crisis:${id}`],
      orgRoom: false,
      ...meta,
    });
  });
  return (await timelineOf(deps.db, id, eventId))[0];
}
