// Channel variants of a statement: a text per channel derived from the master (the statement's head version),
// remembering which master version it was made from or last checked against (`basedOn`) and that version's content
// hash (`base_hash`). A variant is stale when the master's text is no longer the one it was made from: judged by the
// hash, so an in-place autosave of the same version number counts too (rows from before the hash was kept fall back
// to "the master moved on and its text really changed"); saving with `reconcile` marks it checked against the
// current master. Each is measured for its channel and run through the wording checker with the crisis's
// reference. Crisis read right to list, work right to change; every change writes its event in the same transaction.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import type { CrisisDeps, Meta } from '../../crises/server/access.ts';
import type { StatementLanguage } from '../contract.ts';
import {
  deriveVariant,
  measureVariant,
  type StatementVariant,
  type VariantChannel,
  type VariantList,
  variantChannels,
} from '../variants.ts';
import { conflict, headOf, type Loaded, loadStatement, namesOf, referenceOf, statementEvent, userIdOf } from './access.ts';
import { findingsOf } from './check.ts';

type VariantRow = {
  id: string;
  channel: VariantChannel;
  text: string;
  based_on: number;
  base_hash: string | null;
  updated_by: string | null;
  updated_at: Date;
  version: number;
};

type Reference = Awaited<ReturnType<typeof referenceOf>>;

/** The texts of the given master versions, by number. */
async function masterTexts(tx: Executor, statementId: string, numbers: number[]): Promise<Map<number, string>> {
  const list = [...new Set(numbers)];
  if (list.length === 0) return new Map();
  const r = await tx.execute<{ number: number; text: string }>(sql`
    SELECT number, text FROM statement_versions WHERE statement_id = ${statementId} AND number = ANY(${sql.param(list)}::int[])`);
  return new Map(r.rows.map((x) => [x.number, x.text]));
}

/** The variants of a loaded statement as the API shows them, in channel order. */
async function variantsOf(tx: Executor, { s, c }: Loaded, only?: VariantChannel): Promise<StatementVariant[]> {
  const r = await tx.execute<VariantRow>(sql`
    SELECT id, channel, text, based_on, base_hash, updated_by, updated_at, version FROM statement_variants
    WHERE statement_id = ${s.id} ${only ? sql`AND channel = ${only}` : sql``}`);
  if (r.rows.length === 0) return [];
  const head = await headOf(tx, s);
  const bases = await masterTexts(
    tx,
    s.id,
    r.rows.filter((v) => v.base_hash === null && v.based_on < s.head).map((v) => v.based_on),
  );
  const names = await namesOf(
    tx,
    r.rows.map((v) => v.updated_by),
  );
  const reference: Reference = await referenceOf(tx, c.id, s.id);
  const order = (ch: string) => variantChannels.indexOf(ch as VariantChannel);
  return r.rows
    .sort((a, b) => order(a.channel) - order(b.channel))
    .map((v) => viewOf(v, s.language, s.head, head, bases, names, reference));
}

function viewOf(
  v: VariantRow,
  language: StatementLanguage,
  head: number,
  headVersion: { text: string; content_hash: string },
  bases: Map<number, string>,
  names: Map<string, string>,
  reference: Reference,
): StatementVariant {
  // By hash when the variant knows it; else the old rule (a base version that no longer exists counts as changed).
  const stale =
    v.base_hash !== null ? v.base_hash !== headVersion.content_hash : head > v.based_on && bases.get(v.based_on) !== headVersion.text;
  const m = measureVariant(v.text, v.channel);
  return {
    channel: v.channel,
    text: v.text,
    basedOn: v.based_on,
    stale,
    ...m,
    findings: findingsOf(v.text, language, reference).length,
    updatedBy: v.updated_by ? { id: v.updated_by, name: names.get(v.updated_by) ?? '' } : null,
    updatedAt: new Date(v.updated_at).toISOString(),
    version: v.version,
  };
}

/** The statement's variants (crisis read right). */
export async function listVariants(deps: CrisisDeps, p: Principal, id: string): Promise<VariantList> {
  const loaded = await loadStatement(deps.db, p, id, 'read');
  return { head: loaded.s.head, variants: await variantsOf(deps.db, loaded) };
}

async function loadForChange(tx: Executor, p: Principal, id: string): Promise<Loaded> {
  const loaded = await loadStatement(tx, p, id, 'work', { lock: true });
  if (loaded.s.status === 'withdrawn') throw conflict('This statement was withdrawn; its variants can no longer change.');
  return loaded;
}

async function lockVariant(tx: Executor, statementId: string, channel: VariantChannel): Promise<VariantRow> {
  const r = await tx.execute<VariantRow>(sql`
    SELECT id, channel, text, based_on, base_hash, updated_by, updated_at, version FROM statement_variants
    WHERE statement_id = ${statementId} AND channel = ${channel} FOR UPDATE`);
  if (!r.rows[0]) throw notFound('This statement has no variant for that channel.');
  return r.rows[0];
}

async function oneVariant(deps: CrisisDeps, p: Principal, id: string, channel: VariantChannel): Promise<StatementVariant> {
  const loaded = await loadStatement(deps.db, p, id, 'read');
  const [v] = await variantsOf(deps.db, loaded, channel);
  if (!v) throw notFound('This statement has no variant for that channel.');
  return v;
}

/** Makes the variant for a channel from the master's head text (409 when the channel has one already). */
export async function createVariant(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  id: string,
  input: { channel: VariantChannel },
  meta: Meta = {},
): Promise<StatementVariant> {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const { s, c } = await loadForChange(tx, p, id);
    const head = await headOf(tx, s);
    const text = deriveVariant(head.text, input.channel, s.language);
    const r = await tx.execute(sql`
      INSERT INTO statement_variants (statement_id, channel, text, based_on, base_hash, updated_by, updated_at)
      VALUES (${s.id}, ${input.channel}, ${text}, ${s.head}, ${head.content_hash}, ${userIdOf(p)}, ${now})
      ON CONFLICT (statement_id, channel) DO NOTHING RETURNING id`);
    if (r.rows.length === 0)
      throw new AppError('conflict', 'This statement already has a variant for that channel.', {
        errors: [{ path: 'channel', message: 'A variant for this channel exists already.', code: 'variant_exists' }],
      });
    await statementEvent(
      tx,
      deps.clock,
      c,
      s,
      { type: 'statement.variant_created', actor, data: { channel: input.channel, basedOn: s.head, chars: text.length } },
      meta,
    );
  });
  return oneVariant(deps, p, id, input.channel);
}

/**
 * Saves a variant's text (409 when someone saved it since `version`); `reconcile` also marks it checked against
 * the current master. Saving the same text without a reconcile that moves `basedOn` changes nothing.
 */
export async function saveVariant(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  id: string,
  channel: VariantChannel,
  input: { text: string; version: number; reconcile: boolean },
  meta: Meta = {},
): Promise<StatementVariant> {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const { s, c } = await loadForChange(tx, p, id);
    const v = await lockVariant(tx, s.id, channel);
    if (v.version !== input.version)
      throw conflict(`Someone else saved this ${channel} variant while you were editing it. Reload it and apply your change again.`);
    // Reconciling binds the variant to the master as it is now: its number and its text's hash (an in-place
    // autosave keeps the number and changes the hash, so the hash says whether there is anything to reconcile).
    const headHash = input.reconcile ? (await headOf(tx, s)).content_hash : v.base_hash;
    const basedOn = input.reconcile ? s.head : v.based_on;
    if (v.text === input.text && basedOn === v.based_on && headHash === v.base_hash) return;
    await tx.execute(sql`
      UPDATE statement_variants SET text = ${input.text}, based_on = ${basedOn}, base_hash = ${headHash}, updated_by = ${userIdOf(p)},
        updated_at = ${now}, version = version + 1
      WHERE id = ${v.id}`);
    await statementEvent(
      tx,
      deps.clock,
      c,
      s,
      {
        type: 'statement.variant_changed',
        actor,
        data: {
          channel,
          basedOn,
          ...(basedOn !== v.based_on || headHash !== v.base_hash ? { reconciled: { from: v.based_on, to: basedOn } } : {}),
          textChanged: v.text !== input.text,
          chars: input.text.length,
        },
      },
      meta,
    );
  });
  return oneVariant(deps, p, id, channel);
}

/** Removes a channel's variant. */
export async function removeVariant(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  id: string,
  channel: VariantChannel,
  meta: Meta = {},
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { s, c } = await loadForChange(tx, p, id);
    const v = await lockVariant(tx, s.id, channel);
    await tx.execute(sql`DELETE FROM statement_variants WHERE id = ${v.id}`);
    await statementEvent(
      tx,
      deps.clock,
      c,
      s,
      { type: 'statement.variant_removed', actor, data: { channel, basedOn: v.based_on, chars: v.text.length } },
      meta,
    );
  });
}
