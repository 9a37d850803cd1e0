// The entry candidates (search-candidates.ts) pick each kind's visible matches newest first, reading only narrow
// columns and fetching the text of the rows chosen: they must be exactly the rows of the plain query they replace
// (every visible match joined to its document, numbered per kind, the newest COUNT_CAP + 1 kept) — for an admin,
// a member on one crisis team and a guest with one grant, with kinds cut off at the cap next to kinds that are not,
// with every filter. 2,600 documents over two crises and none, in all four classifications, one deleted; 300
// attachments; 1,200 notes of one crisis; tasks and crises.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { type SQL, sql } from 'drizzle-orm';
import { createTestDatabase, onCleanup } from '../../../../test/helpers/db.ts';
import { createDb, type Db } from '../../../platform/db.ts';
import type { Principal } from '../../../platform/http.ts';
import { normalise } from '../../../platform/text/normalise.ts';
import { tsvectorLiteral } from '../../../platform/text/tokenise.ts';
import type { Classification, SearchKind } from '../contract.ts';
import { documentVisibleSql } from './access.ts';
import { COUNT_CAP, entryCandidates, type Row } from './search-candidates.ts';
import { parseSearch } from './search-query.ts';

let db: Db;
let orgId: string;
const ids: Record<string, string> = {};
const NOW = new Date('2026-11-01T00:00:00Z');
const HOUR = 3_600_000;
const DOCS = 2600;
const CLASSES: Classification[] = ['public', 'internal', 'confidential', 'legal_privileged'];
const clock = { now: () => NOW };

const one = async <T>(q: SQL) => (await db.execute<T & Record<string, unknown>>(q)).rows[0] as T;
const user = async (role: string, external: string | null = null) =>
  (
    await one<{ id: string }>(sql`INSERT INTO users (org_id, email, name, role, status, external_org_id)
      VALUES (${orgId}, ${`${role}-${Math.random().toString(36).slice(2)}@t.example`}, ${role}, ${role}, 'active', ${external}) RETURNING id`)
  ).id;
const as = (userId: string, role: string) =>
  ({ kind: 'user', userId, orgId, role, label: role, sessionHash: '', csrfToken: '', secondFactor: 'ok' }) as Extract<
    Principal,
    { kind: 'user' }
  >;

/** Words of document i, by frequency: every one has 客服, half 態度, a fifth 退款, one in 97 蟑螂. */
function words(i: number) {
  const w = ['客服'];
  if (i % 2 === 0) w.push('態度');
  if (i % 5 === 0) w.push('退款');
  if (i % 97 === 0) w.push('蟑螂');
  return w.join('，');
}

/** Search entries from rows of (kind, ref, parent, crisis, title, body, at). */
async function entries(rows: Array<[string, string, string | null, string | null, string, string, Date]>) {
  for (let k = 0; k < rows.length; k += 500)
    await db.execute(sql`
      INSERT INTO search_entries (org_id, kind, ref_id, parent_id, crisis_id, title, body, at, search)
      SELECT ${orgId}, x.kind, x.ref, x.parent, x.crisis, x.title, x.body, x.at, x.search::tsvector
      FROM jsonb_to_recordset(${JSON.stringify(
        rows.slice(k, k + 500).map(([kind, ref, parent, crisis, title, body, at]) => ({
          kind,
          ref,
          parent,
          crisis,
          title,
          body,
          at: at.toISOString(),
          search: tsvectorLiteral(normalise(`${title}\n${body}`)),
        })),
      )}::jsonb) AS x(kind text, ref text, parent uuid, crisis uuid, title text, body text, at timestamptz, search text)`);
}

before(async () => {
  const database = createDb(await createTestDatabase(), { max: 2 });
  onCleanup(() => database.close());
  db = database.db;
  orgId = (await one<{ id: string }>(sql`INSERT INTO organisations (name) VALUES ('候選') RETURNING id`)).id;
  ids.admin = await user('admin');
  ids.member = await user('member');
  const ext = await one<{ id: string }>(sql`
    INSERT INTO external_orgs (org_id, name, kind, nda_text, created_at, updated_at)
    VALUES (${orgId}, 'Firm', 'law_firm', 'NDA', now(), now()) RETURNING id`);
  ids.guest = await user('guest', ext.id);
  for (const [key, n] of [
    ['a', 1],
    ['b', 2],
  ] as const)
    ids[key] = (
      await one<{ id: string }>(sql`INSERT INTO crises (org_id, number, title, type, severity, declared_at, declared_by_label)
        VALUES (${orgId}, ${n}, ${`事件 ${n}`}, 'product_quality', 'L3', now(), 't') RETURNING id`)
    ).id;
  await db.execute(
    sql`INSERT INTO crisis_members (crisis_id, role, user_id, assigned_at) VALUES (${ids.a}, 'pr_lead', ${ids.member}, now())`,
  );
  await db.execute(sql`
    INSERT INTO guest_grants (org_id, guest_id, crisis_id, classifications, expires_at, created_at)
    VALUES (${orgId}, ${ids.guest}, ${ids.a}, '{public,internal}', ${new Date(NOW.getTime() + 30 * 24 * HOUR).toISOString()}, now())`);

  // Documents at scrambled times (not in insertion order), their entries, attachments of every 8th.
  const docs = Array.from({ length: DOCS }, (_, i) => ({
    id: crypto.randomUUID(),
    number: i + 1,
    crisis: i % 3 === 0 ? null : i % 3 === 1 ? ids.a : ids.b,
    classification: CLASSES[(i >> 1) % 4],
    title: `文件${i}`,
    body: words(i),
    at: new Date(NOW.getTime() - ((i * 7919) % DOCS) * HOUR).toISOString(),
    deleted: i === 4 ? NOW.toISOString() : null,
  }));
  for (let k = 0; k < DOCS; k += 500)
    await db.execute(sql`
      INSERT INTO documents (id, org_id, number, kind, classification, title, body, owner_id, crisis_id, created_at, updated_at, deleted_at)
      SELECT x.id, ${orgId}, x.number, 'other', x.classification, x.title, x.body, ${ids.admin}, x.crisis, x.at, x.at, x.deleted
      FROM jsonb_to_recordset(${JSON.stringify(docs.slice(k, k + 500))}::jsonb)
        AS x(id uuid, number int, classification text, title text, body text, crisis uuid, at timestamptz, deleted timestamptz)`);
  await entries(docs.map((d) => ['document', d.id, null, d.crisis, d.title, d.body, new Date(d.at)]));
  await entries(
    docs
      .filter((_, i) => i % 8 === 0)
      .slice(0, 300)
      .map((d, j) => [
        'attachment',
        crypto.randomUUID(),
        d.id,
        d.crisis,
        'scan.pdf',
        `附件 ${words(j * 3)}`,
        new Date(NOW.getTime() - j * 5 * HOUR),
      ]),
  );
  // Notes of crisis A (more than the cap), tasks of both crises, the crises themselves.
  await entries(
    Array.from({ length: 1200 }, (_, i) => [
      'note',
      String(10_000 + i),
      ids.a,
      ids.a,
      '',
      `筆記 ${words(i + 1)}`,
      new Date(NOW.getTime() - ((i * 31) % 1200) * HOUR),
    ]),
  );
  await entries(
    Array.from({ length: 50 }, (_, i) => [
      'task',
      crypto.randomUUID(),
      i % 2 ? ids.a : ids.b,
      i % 2 ? ids.a : ids.b,
      `任務${i}`,
      words(i),
      new Date(NOW.getTime() - i * HOUR),
    ]),
  );
  await entries([
    ['crisis', ids.a, null, ids.a, '事件 1', '客服態度', NOW],
    ['crisis', ids.b, null, ids.b, '事件 2', '客服退款', NOW],
  ]);
  await db.execute(sql`ANALYZE search_entries`);
  await db.execute(sql`ANALYZE documents`);
});

type Filters = { from?: string; to?: string; crisisId?: string; classification?: Classification };

/** The plain query the entry candidates replace: every visible match joined, numbered per kind, newest COUNT_CAP + 1. */
async function plain(p: Extract<Principal, { kind: 'user' }>, plan: string, kinds: SearchKind[], f: Filters) {
  const crisisKinds = kinds.filter((k) => ['crisis', 'task', 'note', 'statement'].includes(k));
  const docKinds = kinds.filter((k) => ['document', 'attachment'].includes(k));
  const crisisOk =
    p.role === 'admin'
      ? sql`true`
      : p.role === 'member'
        ? sql`e.crisis_id IN (SELECT crisis_id FROM crisis_members WHERE user_id = ${p.userId})`
        : sql`false`;
  const visible: SQL[] = [sql`false`];
  if (crisisKinds.length)
    visible.push(
      sql`(e.kind = ANY(${sql.param(crisisKinds)}::text[]) AND ${crisisOk} ${f.crisisId ? sql`AND e.crisis_id = ${f.crisisId}` : sql``})`,
    );
  if (docKinds.length)
    visible.push(sql`(e.kind = ANY(${sql.param(docKinds)}::text[]) AND d.id IS NOT NULL AND ${documentVisibleSql(p, NOW, 'd')}
      ${f.crisisId ? sql`AND d.crisis_id = ${f.crisisId}` : sql``} ${f.classification ? sql`AND d.classification = ${f.classification}` : sql``})`);
  const r = await db.execute<Row>(sql`
    SELECT kind, id, title, body, at, crisis_id, document_id, classification FROM (
      SELECT e.kind, e.ref_id AS id, e.title, e.body, e.at,
        CASE WHEN e.kind IN ('document', 'attachment') THEN d.crisis_id ELSE e.crisis_id END AS crisis_id,
        d.id AS document_id, d.classification,
        row_number() OVER (PARTITION BY e.kind ORDER BY e.at DESC, e.ref_id DESC) AS rn
      FROM search_entries e
      LEFT JOIN documents d ON e.kind IN ('document', 'attachment')
        AND d.id = CASE WHEN e.kind = 'document' THEN e.ref_id::uuid ELSE e.parent_id END
      WHERE e.org_id = ${orgId} AND e.search @@ ${plan}::tsquery
        ${f.from ? sql`AND e.at >= ${f.from}` : sql``} ${f.to ? sql`AND e.at < ${f.to}` : sql``}
        AND (${sql.join(visible, sql` OR `)})
    ) x WHERE rn <= ${COUNT_CAP + 1} ORDER BY kind, at DESC, id DESC`);
  return r.rows;
}

const ALL: SearchKind[] = ['crisis', 'task', 'note', 'statement', 'document', 'attachment'];
const DOCS_ONLY: SearchKind[] = ['document', 'attachment'];
const shape = (rows: Row[]) => rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));

describe('entry candidates', () => {
  const readers: Array<[string, () => Extract<Principal, { kind: 'user' }>, SearchKind[]]> = [
    ['admin', () => as(ids.admin, 'admin'), ALL],
    ['member on crisis A', () => as(ids.member, 'member'), ALL],
    ['guest with a grant on A', () => as(ids.guest, 'guest'), DOCS_ONLY],
  ];
  const filters: Array<[string, () => Filters]> = [
    ['no filter', () => ({})],
    ['crisis A', () => ({ crisisId: ids.a })],
    ['internal only', () => ({ classification: 'internal' })],
    [
      'a month',
      () => ({ from: new Date(NOW.getTime() - 60 * 24 * HOUR).toISOString(), to: new Date(NOW.getTime() - 30 * 24 * HOUR).toISOString() }),
    ],
  ];
  for (const [who, principal, kinds] of readers)
    for (const [name, filter] of filters)
      test(`${who}, ${name}: the same rows as the plain query`, async () => {
        const p = principal();
        const f = filter();
        // A classification filter leaves only the documents' kinds (as search.ts asks).
        const asked = f.classification ? DOCS_ONLY : kinds;
        for (const q of ['客服', '態度', '退款 客服', '蟑螂', '筆記', '不存在']) {
          const s = parseSearch(q);
          assert.ok(s);
          const expected = await plain(p, s.plan, asked, f);
          const got = await entryCandidates({ db, clock }, p, f, s, asked);
          assert.deepEqual(shape(got), shape(expected), `${q}`);
        }
      });

  test('the fixture cuts some kinds off at the cap and not others, and hides what it should', async () => {
    const s = parseSearch('客服');
    assert.ok(s);
    const count = (rows: Row[], kind: string) => rows.filter((r) => r.kind === kind).length;
    const admin = await entryCandidates({ db, clock }, as(ids.admin, 'admin'), {}, s, ALL);
    assert.equal(count(admin, 'document'), COUNT_CAP + 1);
    assert.equal(count(admin, 'note'), COUNT_CAP + 1);
    assert.equal(count(admin, 'attachment'), 300);
    assert.equal(count(admin, 'task'), 50);
    const member = await entryCandidates({ db, clock }, as(ids.member, 'member'), {}, s, ALL);
    assert.equal(count(member, 'document'), COUNT_CAP + 1, 'a member sees more than the cap of documents');
    assert.equal(count(member, 'task'), 25, "only crisis A's tasks");
    assert.ok(member.every((r) => r.kind !== 'document' || r.classification !== 'legal_privileged'));
    assert.ok(member.every((r) => r.crisis_id === null || r.crisis_id === ids.a));
    const guest = await entryCandidates({ db, clock }, as(ids.guest, 'guest'), {}, s, DOCS_ONLY);
    assert.ok(guest.length > 0 && guest.length <= COUNT_CAP);
    assert.ok(guest.every((r) => r.crisis_id === ids.a && (r.classification === 'public' || r.classification === 'internal')));
    assert.ok(
      admin.every((r) => r.title !== '文件4'),
      'the deleted document is never a candidate',
    );
  });

  test('a guest whose grant expired or was revoked has no candidates', async () => {
    const s = parseSearch('客服');
    assert.ok(s);
    const ext = (await one<{ external_org_id: string }>(sql`SELECT external_org_id FROM users WHERE id = ${ids.guest}`)).external_org_id;
    for (const [expires, revoked] of [
      [new Date(NOW.getTime() - HOUR), null],
      [new Date(NOW.getTime() + HOUR), NOW],
    ] as const) {
      const g = await user('guest', ext);
      await db.execute(sql`
        INSERT INTO guest_grants (org_id, guest_id, crisis_id, classifications, expires_at, created_at, revoked_at)
        VALUES (${orgId}, ${g}, ${ids.a}, '{public,internal,confidential,legal_privileged}', ${expires.toISOString()}, now(),
                ${revoked ? revoked.toISOString() : null})`);
      assert.deepEqual(await entryCandidates({ db, clock }, as(g, 'guest'), {}, s, DOCS_ONLY), []);
      assert.deepEqual(await plain(as(g, 'guest'), s.plan, DOCS_ONLY, {}), []);
    }
  });
});
