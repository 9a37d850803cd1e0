// Crisis configuration shapes: playbooks (應變手冊) per crisis type × level — roles, default people or on-call
// schedules, tasks with clocks and checklists, the notification plan — their YAML/JSON file, and the
// organisation's grading matrix (危機分級) with the pure rule that suggests a level from the answers.
// contract.ts builds its `playbook`/`playbookTask` from makePlaybookSchemas (no runtime import back, so no cycle).
import { z } from 'zod';
import { type Severity, severities } from '../warnings/contract.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
/** Text in both languages of the app. */
export const bilingual = (max: number) => z.strictObject({ 'zh-TW': text(max), en: text(max) });
export type Bilingual = { 'zh-TW': string; en: string };

/** Ids written in files (task keys, criterion and option ids). */
export const keyPattern = /^[a-z0-9_]{1,40}$/;

/** Who fills a role by default: a person, or whoever is on call on a schedule at the time of declaring. */
export const defaultPerson = z.union([z.strictObject({ userId: z.uuid() }), z.strictObject({ scheduleId: z.uuid() })]);
export type DefaultPerson = z.infer<typeof defaultPerson>;

/** Builds the playbook schemas for the organisation's crisis types and team roles. */
export function makePlaybookSchemas<T extends readonly [string, ...string[]], R extends readonly [string, ...string[]]>(
  types: T,
  roles: R,
) {
  const role = z.enum(roles);
  /** A playbook task: what, whose role, when it is due after the declaration, and its checklist. */
  const playbookTask = z.strictObject({
    key: z.string().regex(keyPattern, 'Use 1–40 lower-case letters, digits or _'),
    title: bilingual(300),
    role,
    /** Minutes after the declaration (e.g. facts confirmed at T+15). */
    dueMinutes: z.number().int().min(0).max(43_200),
    /** What the task involves (optional). */
    detail: bilingual(5000).optional(),
    /** Items to tick off, copied into the crisis's task when declaring. */
    checklist: z.array(bilingual(300)).max(30).optional(),
  });
  /** A playbook for one crisis type at one level. */
  const playbook = z
    .strictObject({
      type: z.enum(types),
      severity: z.enum(severities),
      roles: z.array(role).max(roles.length),
      /** Who fills a role when declaring (a person, or the current on-call person of a schedule). */
      defaultPeople: z.partialRecord(role, defaultPerson).optional(),
      tasks: z.array(playbookTask).max(100),
      /** Who is paged (urgent, every channel) and who is informed when the crisis is declared, by role. */
      notify: z.strictObject({ page: z.array(role).max(roles.length), inform: z.array(role).max(roles.length) }).optional(),
      /** Hours between situation updates while the crisis is active. */
      updateEveryHours: z.number().int().min(1).max(72),
    })
    .superRefine((p, ctx) => {
      const seen = new Map<string, number>();
      p.roles.forEach((r, i) => {
        if (p.roles.indexOf(r) !== i) ctx.addIssue({ code: 'custom', path: ['roles', i], message: `The role ${r} is listed twice.` });
      });
      p.tasks.forEach((t, i) => {
        const first = seen.get(t.key);
        if (first !== undefined)
          ctx.addIssue({ code: 'custom', path: ['tasks', i, 'key'], message: `Duplicate task key ${t.key} (also task ${first + 1}).` });
        else seen.set(t.key, i);
        if (!p.roles.includes(t.role))
          ctx.addIssue({ code: 'custom', path: ['tasks', i, 'role'], message: `The role ${t.role} is not among this playbook's roles.` });
      });
      for (const r of Object.keys(p.defaultPeople ?? {}))
        if (!p.roles.includes(r as R[number]))
          ctx.addIssue({ code: 'custom', path: ['defaultPeople', r], message: `The role ${r} is not among this playbook's roles.` });
      for (const k of ['page', 'inform'] as const)
        p.notify?.[k].forEach((r, i) => {
          if (!p.roles.includes(r))
            ctx.addIssue({ code: 'custom', path: ['notify', k, i], message: `The role ${r} is not among this playbook's roles.` });
        });
    });
  /** The import/export file: some or all playbooks (those absent are left as they are). */
  const playbookFile = z.strictObject({
    format: z.literal('firebreak.playbooks/v1').optional(),
    playbooks: z.array(playbook).max(types.length * severities.length),
  });
  return { playbookTask, playbook, playbookFile };
}

/** One playbook as the settings grid lists it. */
export const playbookEntry = z.object({
  type: z.string(),
  severity: z.enum(severities),
  /** True when the organisation changed it (otherwise the shipped default applies). */
  customised: z.boolean(),
  /** 0 for a default never saved; the stored row's version otherwise (send it back when saving). */
  version: z.number().int(),
  roles: z.number().int(),
  tasks: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type PlaybookEntry = z.infer<typeof playbookEntry>;

/** An import's result: what it would change (dry run) or changed. */
export const importResult = z.object({
  dryRun: z.boolean(),
  playbooks: z.number().int(),
  /** `type/severity` of the playbooks whose content differs from what applies now. */
  changed: z.array(z.string()),
});
export type ImportResult = z.infer<typeof importResult>;

/** Importing: the file's text (YAML or JSON — JSON is YAML too), checked only when `dryRun`. */
export const importInput = z.strictObject({
  text: z.string().min(1).max(2_000_000),
  dryRun: z.boolean().optional(),
});

/** A line-pointed problem in an imported file (1-based line and column). */
export type ImportIssue = { line: number; column: number; path: string; message: string; code: string };

// ——— Grading matrix (危機分級) ———

/** One answer to a criterion: its label and the level it points to (null: does not raise the level). */
export const gradingOption = z.strictObject({
  id: z.string().regex(keyPattern),
  label: bilingual(200),
  level: z.enum(severities).nullable(),
});

/** One question of the grading questionnaire. */
export const gradingCriterion = z
  .strictObject({
    id: z.string().regex(keyPattern),
    label: bilingual(200),
    help: bilingual(500).optional(),
    /** When declaring from an alert and this is not answered, the option at the alert's level is taken. */
    fromAlert: z.boolean().optional(),
    options: z.array(gradingOption).min(2).max(8),
  })
  .superRefine((c, ctx) => {
    c.options.forEach((o, i) => {
      if (c.options.findIndex((x) => x.id === o.id) !== i)
        ctx.addIssue({ code: 'custom', path: ['options', i, 'id'], message: `Duplicate option id ${o.id}.` });
    });
  });
export type GradingCriterion = z.infer<typeof gradingCriterion>;

/**
 * The matrix. The rule, as PR teams grade: the most severe answer sets the level ("any one criterion at L1
 * makes it an L1"); when `escalateAt` or more answers reach that level, it goes one level up (several
 * serious factors together are worse than one).
 */
export const gradingMatrix = z
  .strictObject({
    criteria: z.array(gradingCriterion).min(1).max(20),
    escalateAt: z.number().int().min(2).max(20).nullable(),
  })
  .superRefine((m, ctx) => {
    m.criteria.forEach((c, i) => {
      if (m.criteria.findIndex((x) => x.id === c.id) !== i)
        ctx.addIssue({ code: 'custom', path: ['criteria', i, 'id'], message: `Duplicate criterion id ${c.id}.` });
    });
  });
export type GradingMatrix = z.infer<typeof gradingMatrix>;

/** The matrix as served: with its version (0: the shipped default, never saved). */
export const gradingView = z.object({ matrix: gradingMatrix, version: z.number().int(), customised: z.boolean() });
export type GradingView = z.infer<typeof gradingView>;

/** Saving the matrix (guarded by the version seen). */
export const gradingInput = z.strictObject({ matrix: gradingMatrix, version: z.number().int().min(0) });

/** The questionnaire's answers: criterion id → option id. */
export const gradingAnswers = z.record(z.string().regex(keyPattern), z.string().regex(keyPattern));
export type GradingAnswers = z.infer<typeof gradingAnswers>;

/** What an alert tells the questionnaire. */
export type AlertSignals = { severity?: Severity | null; risk?: number | null };

/** A suggested level and why. */
export type GradingSuggestion = {
  level: Severity | null;
  /** The answers at the suggested level before any escalation (the reasons to show). */
  because: Array<{ criterionId: string; optionId: string; level: Severity; fromAlert: boolean }>;
  /** True when several answers at the top level raised it by one. */
  escalated: boolean;
};

const rank = (s: Severity) => severities.indexOf(s); // 0 = L1 (most severe)

/**
 * Suggests a level: the most severe answer decides; `escalateAt` answers at that level raise it one step
 * (never above L1). Criteria marked `fromAlert` take the option at the alert's level when unanswered.
 * No answer at all (and no alert): null. Answers that do not raise the level only: L4.
 */
export function suggestLevel(matrix: GradingMatrix, answers: GradingAnswers, alert?: AlertSignals): GradingSuggestion {
  const picked: GradingSuggestion['because'] = [];
  let answered = 0;
  for (const c of matrix.criteria) {
    let optionId = answers[c.id];
    let fromAlert = false;
    if (!optionId && c.fromAlert && alert?.severity) {
      optionId = c.options.find((o) => o.level === alert.severity)?.id ?? '';
      fromAlert = optionId !== '';
    }
    const o = optionId ? c.options.find((x) => x.id === optionId) : undefined;
    if (!o) continue;
    answered++;
    if (o.level) picked.push({ criterionId: c.id, optionId: o.id, level: o.level, fromAlert });
  }
  if (picked.length === 0) return { level: answered > 0 ? 'L4' : null, because: [], escalated: false };
  const top = Math.min(...picked.map((p) => rank(p.level)));
  const because = picked.filter((p) => rank(p.level) === top);
  const escalated = matrix.escalateAt !== null && because.length >= matrix.escalateAt && top > 0;
  return { level: severities[escalated ? top - 1 : top], because, escalated };
}
