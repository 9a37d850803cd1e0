// The organisation's grading matrix (危機分級): the shipped default in zh-TW and English, reading it (the
// organisation's own, else the default) and saving it (admins, guarded by the version seen, audited).
// suggestLevel itself is pure, in playbook-contract.ts, so the declare form computes the same answer.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { type GradingMatrix, type GradingView, gradingMatrix } from '../playbook-contract.ts';
import type { CrisisDeps, Meta } from './access.ts';
import { lockCrisisConfig } from './playbook-store.ts';

export { suggestLevel } from '../playbook-contract.ts';

const o = (id: string, zh: string, en: string, level: GradingMatrix['criteria'][number]['options'][number]['level']) => ({
  id,
  label: { 'zh-TW': zh, en },
  level,
});

/** The shipped matrix: six criteria Taiwanese PR teams weigh, the most severe answer deciding. */
export const defaultGradingMatrix: GradingMatrix = {
  escalateAt: 3,
  criteria: [
    {
      id: 'reach',
      label: { 'zh-TW': '擴散範圍與速度', en: 'Reach and velocity' },
      help: { 'zh-TW': '討論出現在哪裡、擴散多快', en: 'Where the conversation is and how fast it spreads' },
      fromAlert: true,
      options: [
        o('isolated', '個別抱怨或零星討論', 'Isolated complaints or scattered posts', 'L4'),
        o('community', '在特定社群擴散（如單一論壇看板）', 'Spreading within one community (e.g. one forum board)', 'L3'),
        o('cross_platform', '跨平台快速擴散、登上熱門', 'Spreading fast across platforms, trending', 'L2'),
        o('national', '全國性話題、持續延燒', 'A national talking point that keeps growing', 'L1'),
      ],
    },
    {
      id: 'media',
      label: { 'zh-TW': '媒體關注', en: 'Media pickup' },
      options: [
        o('none', '沒有媒體關注', 'No media interest', null),
        o('online', '網路媒體或粉專轉載', 'Online outlets or fan pages picking it up', 'L3'),
        o('mainstream', '主流媒體詢問或報導', 'Mainstream media asking or reporting', 'L2'),
        o('headline', '電視新聞或全國頭條', 'TV news or national headlines', 'L1'),
      ],
    },
    {
      id: 'safety',
      label: { 'zh-TW': '安全或健康影響', en: 'Safety or health impact' },
      options: [
        o('none', '無安全或健康疑慮', 'No safety or health concern', null),
        o('possible', '可能有安全或健康風險', 'A possible safety or health risk', 'L2'),
        o('harm', '已有人受傷、不適或就醫', 'People hurt, ill or in hospital', 'L1'),
      ],
    },
    {
      id: 'legal',
      label: { 'zh-TW': '法律或主管機關風險', en: 'Legal or regulatory exposure' },
      options: [
        o('none', '無法律風險', 'No legal exposure', null),
        o('possible', '可能涉及法規或消費爭議', 'May involve regulations or consumer disputes', 'L3'),
        o('inquiry', '主管機關關切或可能受罰', 'A regulator is asking, or a fine is possible', 'L2'),
        o('action', '已被調查、起訴或裁罰', 'Under investigation, sued or fined', 'L1'),
      ],
    },
    {
      id: 'executive',
      label: { 'zh-TW': '高層涉入', en: 'Executive involvement' },
      options: [
        o('none', '未涉及高層', 'No executive involved', null),
        o('named', '高層被點名或被要求回應', 'An executive is named or asked to respond', 'L2'),
        o('subject', '高層本人是事件當事人', 'An executive is at the centre of it', 'L1'),
      ],
    },
    {
      id: 'financial',
      label: { 'zh-TW': '財務影響', en: 'Financial impact' },
      options: [
        o('none', '影響輕微', 'Negligible', null),
        o('moderate', '可能影響營收（退貨、退費、取消訂單）', 'Revenue at risk (returns, refunds, cancellations)', 'L3'),
        o('major', '重大損失或合作關係受影響', 'Major losses, or partners pulling out', 'L2'),
        o('severe', '影響股價或公司營運', 'Share price or operations affected', 'L1'),
      ],
    },
  ],
};

/** The organisation's matrix (its own, else the default) with its version. */
export async function gradingOf(db: Executor, orgId: string): Promise<GradingView> {
  const r = await db.execute<{ body: unknown; version: number }>(sql`SELECT body, version FROM grading_matrices WHERE org_id = ${orgId}`);
  const row = r.rows[0];
  if (!row) return { matrix: defaultGradingMatrix, version: 0, customised: false };
  const parsed = gradingMatrix.safeParse(row.body);
  return { matrix: parsed.success ? parsed.data : defaultGradingMatrix, version: row.version, customised: true };
}

/** Saves the matrix (409 when someone saved it since `version`); `null` restores the default. Audited. */
export async function saveGrading(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  input: { matrix: GradingMatrix | null; version: number },
  meta: Meta = {},
): Promise<GradingView> {
  return deps.db.transaction(async (tx) => {
    await lockCrisisConfig(tx, p.orgId);
    const r = await tx.execute<{ version: number }>(sql`SELECT version FROM grading_matrices WHERE org_id = ${p.orgId} FOR UPDATE`);
    const current = r.rows[0]?.version ?? 0;
    if (current !== input.version)
      throw new AppError(
        'conflict',
        `Someone else changed the grading matrix meanwhile (it is now at version ${current}); reload it and try again.`,
      );
    const now = deps.clock.now().toISOString();
    const userId = p.kind === 'user' ? p.userId : null;
    if (input.matrix)
      await tx.execute(sql`
        INSERT INTO grading_matrices (org_id, body, version, updated_by, updated_at)
        VALUES (${p.orgId}, ${JSON.stringify(input.matrix)}::jsonb, 1, ${userId}, ${now})
        ON CONFLICT (org_id) DO UPDATE SET body = EXCLUDED.body, version = grading_matrices.version + 1,
          updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`);
    else await tx.execute(sql`DELETE FROM grading_matrices WHERE org_id = ${p.orgId}`);
    await recordEvent(tx, deps.clock, {
      orgId: p.orgId,
      type: input.matrix ? 'crisis_config.grading_saved' : 'crisis_config.grading_reset',
      actor,
      subjectType: 'grading_matrix',
      subjectId: p.orgId,
      data: {
        version: input.matrix ? current + 1 : 0,
        criteria: (input.matrix ?? defaultGradingMatrix).criteria.map((c) => c.id),
        escalateAt: (input.matrix ?? defaultGradingMatrix).escalateAt,
      },
      ...meta,
    });
    return gradingOf(tx, p.orgId);
  });
}
