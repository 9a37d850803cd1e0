// How `firebreak crisis` prints crises for a terminal: times in the organisation's zone, deadlines
// relative to now, and the variable-width text (titles, names, often Chinese) last on each line.
import type { CrisisDetail, CrisisSummary, CrisisTask, TimelineEntry } from '../features/crises/contract.ts';
import { offsetAt } from '../platform/time-zone.ts';

/** The organisation a command acts in. */
export type Org = { id: string; name: string; timeZone: string };

/** `2026-01-05 14:03` in the organisation's zone. */
export function localTime(iso: string, timeZone: string): string {
  const t = Date.parse(iso);
  return new Date(t + offsetAt(t, timeZone)).toISOString().slice(0, 16).replace('T', ' ');
}

/** `UTC+08:00` for the zone now. */
function zoneLabel(timeZone: string, now: Date): string {
  const m = Math.round(offsetAt(now.getTime(), timeZone) / 60_000);
  const a = Math.abs(m);
  return `${timeZone} (UTC${m < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')})`;
}

/** `5 min`, `2 h 5 min`, `3 d 4 h`. */
function span(ms: number): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  return h % 24 ? `${Math.floor(h / 24)} d ${h % 24} h` : `${Math.floor(h / 24)} d`;
}

/** A deadline: `2026-01-05 14:18 (in 15 min)` or `2026-01-05 14:00 OVERDUE by 3 min`. */
export function due(iso: string | null, now: Date, timeZone: string, done = false): string {
  if (!iso) return '—';
  const at = localTime(iso, timeZone);
  if (done) return at;
  const left = Date.parse(iso) - now.getTime();
  return left < 0 ? `${at} OVERDUE by ${span(-left)}` : `${at} (in ${span(left)})`;
}

/** Rows as aligned columns; the last column is left unpadded (it holds the wide text). */
function table(rows: string[][], indent = ''): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => (indent + r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).trimEnd());
}

/** `firebreak crisis list` as a table. */
export function printList(list: CrisisSummary[], org: Org, now: Date, status: string | undefined) {
  if (list.length === 0) {
    console.log(`No ${status ?? ''} crises in ${org.name}.`.replace('  ', ' '));
    return;
  }
  const rows = [['#', 'SEV', 'STATUS', 'DECLARED', 'TASKS', 'NEXT DEADLINE', 'TITLE']];
  for (const c of list) {
    const tasks = c.overdueTasks ? `${c.openTasks} open, ${c.overdueTasks} overdue` : `${c.openTasks} open`;
    rows.push([
      `#${c.number}`,
      c.severity,
      c.status,
      localTime(c.declaredAt, org.timeZone),
      tasks,
      due(c.nextDueAt, now, org.timeZone),
      c.title,
    ]);
  }
  for (const line of table(rows)) console.log(line);
  console.log(`\n${list.length} ${list.length === 1 ? 'crisis' : 'crises'} in ${org.name}; times in ${zoneLabel(org.timeZone, now)}.`);
}

const isOverdue = (t: CrisisTask, now: Date) => t.status !== 'done' && t.dueAt !== null && Date.parse(t.dueAt) < now.getTime();

function printTasks(tasks: CrisisTask[], now: Date, timeZone: string) {
  const open = tasks.filter((t) => t.status !== 'done').length;
  const overdue = tasks.filter((t) => isOverdue(t, now)).length;
  console.log(`\nTasks (${tasks.length}: ${open} open${overdue ? `, ${overdue} overdue` : ''}):`);
  if (tasks.length === 0) return console.log('  none yet');
  const rows = [['STATUS', 'DUE', 'ROLE', 'TASK']];
  for (const t of tasks) {
    const who = t.assigneeName ? ` — ${t.assigneeName}` : '';
    const blocked = t.status === 'blocked' && t.blockedReason ? ` (blocked: ${t.blockedReason})` : '';
    rows.push([t.status, due(t.dueAt, now, timeZone, t.status === 'done'), t.role ?? '—', `${t.title}${who}${blocked}`]);
  }
  for (const line of table(rows, '  ')) console.log(line);
}

/** A timeline entry's data in a line: its short scalar values, ids left out. */
function gist(e: TimelineEntry): string {
  const parts: string[] = [];
  for (const [k, val] of Object.entries(e.data)) {
    if (/id$/i.test(k) || val === null || typeof val === 'object') continue;
    const s = String(val).replace(/\s+/g, ' ');
    parts.push(`${k}=${s.length > 60 ? `${s.slice(0, 59)}…` : s}`);
  }
  return parts.join(' ');
}

const TIMELINE_SHOWN = 10;

function printHistory(c: CrisisDetail, timeZone: string) {
  console.log(`\nDecisions (${c.decisions.length}):`);
  if (c.decisions.length === 0) console.log('  none yet');
  for (const d of c.decisions) {
    console.log(`  ${localTime(d.decidedAt, timeZone)}  [${d.kind}]  ${d.decision}  — ${d.decidedBy}`);
    if (d.options) console.log(`    options: ${d.options}`);
    if (d.rationale) console.log(`    why: ${d.rationale}`);
  }
  const latest = [...c.timeline].sort((a, b) => a.id - b.id).slice(-TIMELINE_SHOWN);
  const of = c.timeline.length > latest.length ? `latest ${latest.length} of ${c.timeline.length}` : `${c.timeline.length}`;
  console.log(`\nTimeline (${of}):`);
  if (latest.length === 0) console.log('  nothing yet');
  const rows = latest.map((e) => [localTime(e.at, timeZone), e.actor ?? '—', e.type, gist(e)]);
  if (rows.length) for (const line of table(rows, '  ')) console.log(line);
}

/** `firebreak crisis show` (and what `declare` made). */
export function printDetail(c: CrisisDetail, org: Org, now: Date, opts: { declared?: boolean } = {}) {
  const tz = org.timeZone;
  if (opts.declared) console.log(`Declared crisis #${c.number} in ${org.name}.\n`);
  console.log(`#${c.number}  ${c.title}`);
  const facts: Array<[string, string | null]> = [
    ['id', c.id],
    ['type', c.type],
    ['severity', c.severity],
    ['status', c.status],
    ['declared', `${localTime(c.declaredAt, tz)} by ${c.declaredBy}`],
    ['closed', c.closedAt && localTime(c.closedAt, tz)],
    ['next due', c.nextDueAt && due(c.nextDueAt, now, tz)],
    ['alerts', c.alertIds.length ? c.alertIds.join(', ') : null],
    ['summary', c.summary],
  ];
  for (const [k, val] of facts) if (val) console.log(`  ${k.padEnd(9)} ${val}`);
  console.log(`\nTeam (${c.team.length}):`);
  if (c.team.length === 0) console.log('  no roles assigned yet');
  for (const m of c.team) console.log(`  ${m.role.padEnd(18)} ${m.name}`);
  if (c.rolesToFill.length) console.log(`  to fill: ${c.rolesToFill.join(', ')}`);
  printTasks(c.tasks, now, tz);
  printHistory(c, tz);
  console.log(`\nTimes in ${zoneLabel(tz, now)}.`);
}
