// Drills (演練) and the demo workspace: zod schemas and types shared by the server and the web app.
import { z } from 'zod';
import { roles } from '../people/contract.ts';
import { scenarioSummary, speeds } from './scenario-contract.ts';

export const runStatuses = ['ready', 'running', 'paused', 'ended'] as const;
export type RunStatus = (typeof runStatuses)[number];
export const participantRoles = ['player', 'observer', 'facilitator'] as const;
export type ParticipantRole = (typeof participantRoles)[number];
/** What observers score (1–5) and comment on. */
export const capabilities = ['detect', 'decide', 'coordinate', 'communicate', 'legal', 'employees', 'other'] as const;
export type Capability = (typeof capabilities)[number];

const speed = z.union(speeds.map((s) => z.literal(s)) as [z.ZodLiteral<1>, z.ZodLiteral<10>, z.ZodLiteral<60>]);

/** An inject as players see it once delivered (and as the facilitator sees all of them). */
export const injectView = z.object({
  id: z.uuid(),
  key: z.string(),
  atMinute: z.number(),
  kind: z.string(),
  from: z.string(),
  subject: z.string(),
  body: z.string(),
  respondBy: z.string().nullable(),
  surprise: z.boolean(),
  deliveredAt: z.iso.datetime().nullable(),
  releasedByHand: z.boolean(),
});
export type InjectView = z.infer<typeof injectView>;

/** The player's state: where scenario time stands, how fast it runs, what it has sent so far. */
export const runView = z.object({
  id: z.uuid(),
  scenarioId: z.string(),
  title: z.string(),
  company: z.string(),
  locale: z.enum(['zh-TW', 'en']),
  status: z.enum(runStatuses),
  speed,
  // Scenario minutes elapsed now, and in all.
  minute: z.number(),
  durationMinutes: z.number(),
  mentionsIngested: z.number().int(),
  startedAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
  endedReason: z.string().nullable(),
  nextInjectMinute: z.number().nullable(),
  version: z.number().int(),
});
export type RunView = z.infer<typeof runView>;

/** What players inside a demo or a drill sandbox see: the run, and the injects delivered so far (newest first). */
export const scenarioRoom = z.object({
  run: runView.nullable(),
  injects: z.array(injectView),
  drill: z.object({ id: z.uuid(), title: z.string(), role: z.enum(participantRoles) }).nullable(),
});
export type ScenarioRoom = z.infer<typeof scenarioRoom>;

/** Commands to the player: the facilitator's (drills) or a demo admin's controls. `expectedVersion` is the run's. */
export const runCommand = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start'), expectedVersion: z.number().int() }),
  z.strictObject({ action: z.literal('pause'), expectedVersion: z.number().int() }),
  z.strictObject({ action: z.literal('resume'), expectedVersion: z.number().int() }),
  z.strictObject({ action: z.literal('speed'), speed, expectedVersion: z.number().int() }),
  // Jump scenario time forward to the next undelivered inject (delivering it, and every minute before it).
  z.strictObject({ action: z.literal('next_inject'), expectedVersion: z.number().int() }),
  // Release one inject now, by hand, whatever its time.
  z.strictObject({ action: z.literal('release'), injectId: z.uuid(), expectedVersion: z.number().int() }),
  z.strictObject({
    action: z.literal('surprise'),
    inject: z.strictObject({
      kind: z.enum(['email', 'phone', 'chat', 'video', 'news', 'social', 'regulator', 'rumour', 'internal', 'other']),
      from: z.string().trim().min(1).max(200),
      subject: z.string().trim().min(1).max(300),
      body: z.string().trim().min(1).max(5000),
      respondBy: z.string().trim().min(1).max(200).optional(),
    }),
    expectedVersion: z.number().int(),
  }),
  z.strictObject({ action: z.literal('end'), expectedVersion: z.number().int() }),
]);
export type RunCommand = z.infer<typeof runCommand>;

export const participantInput = z.strictObject({ userId: z.uuid(), role: z.enum(['player', 'observer']) });

/** Plan a drill: a shipped scenario (by id and locale) or a scenario file's text, and who takes part. */
export const createDrillInput = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    scenarioId: z.string().max(63).optional(),
    locale: z.enum(['zh-TW', 'en']).default('zh-TW'),
    scenarioText: z.string().min(1).max(2_000_000).optional(),
    speed: speed.default(1),
    // Days of calm history loaded into the sandbox before the start (the detector learns from it).
    historyDays: z.number().int().min(0).max(30).default(14),
    participants: z.array(participantInput).max(200).default([]),
  })
  .refine((d) => (d.scenarioId === undefined) !== (d.scenarioText === undefined), {
    message: 'give either scenarioId or scenarioText',
    path: ['scenarioId'],
  });
export type CreateDrillInput = z.infer<typeof createDrillInput>;

export const participantView = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(participantRoles),
});

export const observationInput = z.strictObject({
  capability: z.enum(capabilities),
  score: z.number().int().min(1).max(5).nullable().default(null),
  note: z.string().trim().min(1).max(5000),
});
export const observationView = z.object({
  id: z.uuid(),
  capability: z.enum(capabilities),
  score: z.number().int().nullable(),
  note: z.string(),
  author: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.iso.datetime(),
});

export const drillSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  scenarioId: z.string(),
  scenarioTitle: z.string(),
  status: z.enum(runStatuses),
  facilitator: z.object({ id: z.uuid(), name: z.string() }),
  myRole: z.enum(participantRoles).nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
  hasReport: z.boolean(),
});
export type DrillSummary = z.infer<typeof drillSummary>;

export const drillView = drillSummary.extend({
  run: runView,
  // All injects for the facilitator; delivered ones only for everyone else.
  injects: z.array(injectView),
  participants: z.array(participantView),
  observations: z.array(observationView),
  canControl: z.boolean(),
  canObserve: z.boolean(),
  version: z.number().int(),
});
export type DrillView = z.infer<typeof drillView>;

/** One measured clock of the after-action report (seconds of real time; null: it never happened). */
export const clockView = z.object({
  key: z.enum(['alert_acknowledged', 'crisis_declared', 'holding_drafted', 'holding_legal_approved', 'holding_published']),
  // From what it is measured (e.g. alert opened, crisis declared), and when both happened.
  from: z.string(),
  fromAt: z.iso.datetime().nullable(),
  at: z.iso.datetime().nullable(),
  seconds: z.number().nullable(),
  targetSeconds: z.number().nullable(),
  met: z.boolean().nullable(),
});
export type ClockView = z.infer<typeof clockView>;

export const reportTimelineEntry = z.object({
  at: z.iso.datetime(),
  // Seconds since the drill started.
  t: z.number(),
  type: z.string(),
  label: z.string(),
  actor: z.string().nullable(),
});

export const drillReport = z.object({
  drillId: z.uuid(),
  generatedAt: z.iso.datetime(),
  clocks: z.array(clockView),
  measures: z.object({
    tasksTotal: z.number().int(),
    tasksOverdue: z.number().int(),
    tasksDone: z.number().int(),
    statementsApprovedWithOpenFindings: z.number().int(),
    briefingRecipients: z.number().int(),
    briefingAcknowledged: z.number().int(),
    // null when no briefing was sent.
    briefingAckRate: z.number().nullable(),
    alerts: z.number().int(),
    injectsDelivered: z.number().int(),
    mentions: z.number().int(),
  }),
  scores: z.array(z.object({ capability: z.enum(capabilities), average: z.number().nullable(), notes: z.number().int() })),
  timeline: z.array(reportTimelineEntry),
  wentWell: z.string(),
  toImprove: z.string(),
  hasPdf: z.boolean(),
  version: z.number().int(),
});
export type DrillReport = z.infer<typeof drillReport>;

export const reportTextInput = z.strictObject({
  wentWell: z.string().max(20_000),
  toImprove: z.string().max(20_000),
  expectedVersion: z.number().int(),
});

export const actionInput = z.strictObject({
  title: z.string().trim().min(1).max(500),
  assigneeId: z.uuid().nullable().default(null),
  dueOn: z.iso.date().nullable().default(null),
});
export const actionUpdate = z.strictObject({ done: z.boolean(), expectedVersion: z.number().int() });
export const actionView = z.object({
  id: z.uuid(),
  title: z.string(),
  assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  dueOn: z.iso.date().nullable(),
  doneAt: z.iso.datetime().nullable(),
  version: z.number().int(),
});

/** Across drills over time: each ended drill's clocks and measures, oldest first. */
export const drillTrends = z.object({
  drills: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      endedAt: z.iso.datetime(),
      clocks: z.record(z.string(), z.number().nullable()),
      briefingAckRate: z.number().nullable(),
      tasksOverdue: z.number().int(),
    }),
  ),
});

export const scenarioList = z.object({ scenarios: z.array(scenarioSummary) });

/** The demo workspace, as the setup and sign-in pages see it (no secrets: the demo is fictional). */
export const demoInfo = z.object({
  // May a demo be opened now (first run, or the server was started with --demo)?
  canOpen: z.boolean(),
  demo: z
    .object({
      orgName: z.string(),
      scenarioTitle: z.string(),
      people: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(roles), title: z.string().nullable() })),
    })
    .nullable(),
});
export type DemoInfo = z.infer<typeof demoInfo>;
export const openDemoInput = z.strictObject({ locale: z.enum(['zh-TW', 'en']).default('zh-TW') });
export const demoSignInInput = z.strictObject({ userId: z.uuid() });

/** Events of this feature (the drill's organisation's spine, or the sandbox's/demo's for the player). */
export const drillEvents = [
  'drill.created',
  'drill.started',
  'drill.paused',
  'drill.resumed',
  'drill.speed_changed',
  'drill.ended',
  'drill.entered',
  'drill.left',
  'drill.observation_added',
  'drill.report_generated',
  'drill.report_updated',
  'drill.action_added',
  'drill.action_updated',
  'scenario.run_started',
  'scenario.run_changed',
  'scenario.run_ended',
  'scenario.inject_delivered',
  'demo.opened',
] as const;
