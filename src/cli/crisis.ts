// `firebreak crisis declare|list|show`: the crisis services the API uses, called as the system
// principal of one organisation. This file reads the command line (nothing heavy is loaded for a usage
// error); crisis-run.ts opens the database. Usage errors exit 2, failures (unknown id, refused) exit 1.
import { crisisListQuery, crisisStatuses, crisisTypes, type DeclareInput, declareInput, severities } from '../features/crises/contract.ts';
import type { Config } from '../platform/config.ts';

type Values = Record<string, string | boolean | undefined>;

/** A mistake on the command line (exit 2), as opposed to a failure (exit 1). */
export class UsageError extends Error {}

/** A crisis reference from the command line. */
export type CrisisRef = { number: number } | { id: string };

/** Loose UUID shape (any version), for ids typed at the command line. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);
const oneOf = (list: readonly string[]) => list.join(', ');

/** Which flag each field of `declareInput` comes from. */
export const flagOf: Record<string, string> = {
  title: '--title',
  type: '--type',
  severity: '--severity',
  summary: '--summary',
  reason: '--reason',
  alertId: '--alert',
  commanderId: '--commander',
};

/** Reads and checks the declare flags against the contract; throws UsageError naming the flag. */
export function readDeclare(v: Values): DeclareInput {
  const missing = ['title', 'type', 'severity'].filter((k) => str(v[k]) === undefined).map((k) => `--${k}`);
  if (missing.length) throw new UsageError(`${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} required.`);
  const raw = {
    title: str(v.title),
    type: str(v.type)?.trim().toLowerCase().replaceAll('-', '_'),
    severity: str(v.severity)?.trim().toUpperCase(),
    summary: str(v.summary),
    reason: str(v.reason),
    alertId: str(v.alert)?.trim(),
  };
  const r = declareInput.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = String(issue.path[0]);
  const flag = flagOf[field] ?? `--${field}`;
  const given = str(v[field === 'alertId' ? 'alert' : field]);
  if (field === 'type') throw new UsageError(`--type must be one of ${oneOf(crisisTypes)} (got “${given}”).`);
  if (field === 'severity') throw new UsageError(`--severity must be one of ${oneOf(severities)}, L1 the most severe (got “${given}”).`);
  if (field === 'alertId') throw new UsageError(`--alert must be an alert id (a UUID), got “${given}”.`);
  if (issue.code === 'too_small') throw new UsageError(`${flag} must not be empty.`);
  if (issue.code === 'too_big') throw new UsageError(`${flag} must be at most ${issue.maximum} characters.`);
  throw new UsageError(`${flag}: ${issue.message}`);
}

/** Reads `--status`: `active` (every state but closed) or one state. */
export function readStatus(v: Values) {
  const status = str(v.status)?.trim().toLowerCase();
  const r = crisisListQuery.safeParse({ status });
  if (!r.success) throw new UsageError(`--status must be one of active, ${oneOf(crisisStatuses)} (got “${status}”).`);
  return r.data.status;
}

/** `#12`, `12` → a per-organisation number; a UUID → the id. */
export function readRef(args: string[]): CrisisRef {
  if (args.length !== 1) throw new UsageError('Give exactly one crisis: its number (12 or #12) or its id.');
  const ref = args[0].trim();
  const n = /^#?(\d{1,9})$/.exec(ref);
  if (n) return { number: Number(n[1]) };
  if (UUID.test(ref)) return { id: ref.toLowerCase() };
  throw new UsageError(`“${args[0]}” is neither a crisis number (12 or #12) nor a crisis id (a UUID).`);
}

function usage(message: string): number {
  console.error(message);
  return 2;
}

/** `--org`: an organisation id, if given. */
function readOrg(v: Values): string | undefined {
  const org = str(v.org)?.trim();
  if (org !== undefined && !UUID.test(org)) throw new UsageError(`--org must be an organisation id (a UUID), got “${org}”.`);
  return org?.toLowerCase();
}

/** Checks the command line before anything opens; a UsageError becomes exit 2. */
function check<T>(sub: string, read: () => T): T | number {
  try {
    return read();
  } catch (e) {
    if (e instanceof UsageError) return usage(`${e.message}\nRun \`firebreak crisis ${sub} --help\` for the options.`);
    throw e;
  }
}

/** `--commander`: an e-mail address, if given (looked up in the organisation once the database is open). */
export function readCommander(v: Values): string | undefined {
  const email = str(v.commander)?.trim().toLowerCase();
  if (email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(email))
    throw new UsageError(`--commander must be an e-mail address, got “${email}”.`);
  return email;
}

/** `firebreak crisis declare --title T --type TYPE --severity L1..L4 [--summary] [--reason] [--alert] [--commander] [--org] [--json]` */
export async function crisisDeclareCommand(config: Config, v: Values): Promise<number> {
  const input = check('declare', () => readDeclare(v));
  const org = check('declare', () => readOrg(v));
  const commander = check('declare', () => readCommander(v));
  if (typeof input === 'number' || typeof org === 'number' || typeof commander === 'number') return 2;
  return (await import('./crisis-run.ts')).runDeclare(config, org, input, v.json === true, commander);
}

/** `firebreak crisis list [--status active|declared|…] [--org] [--json]` */
export async function crisisListCommand(config: Config, v: Values): Promise<number> {
  const status = check('list', () => readStatus(v));
  const org = check('list', () => readOrg(v));
  if (typeof status === 'number' || typeof org === 'number') return 2;
  return (await import('./crisis-run.ts')).runList(config, org, status, v.json === true);
}

/** `firebreak crisis show NUMBER|ID [--org] [--json]` */
export async function crisisShowCommand(config: Config, v: Values, args: string[]): Promise<number> {
  const ref = check('show', () => readRef(args));
  const org = check('show', () => readOrg(v));
  if (typeof ref === 'number' || typeof org === 'number') return 2;
  return (await import('./crisis-run.ts')).runShow(config, org, ref, v.json === true);
}
