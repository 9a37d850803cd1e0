// The scenario file format (firebreak.scenario/v1): a company, its topics, a calm baseline, a timeline of
// mention waves and notable posts, and injects delivered to players. Shared by the server (player, validator)
// and the web app (scenario picker). Times are scenario minutes from the start.
import { z } from 'zod';
import { crisisTypes } from '../crises/contract.ts';

export const SCENARIO_FORMAT = 'firebreak.scenario/v1';
/** The longest scenario (a day and a half of scenario time). */
export const MAX_SCENARIO_MINUTES = 36 * 60;
/** Speeds the player offers. */
export const speeds = [1, 10, 60] as const;
export type Speed = (typeof speeds)[number];

/** Where generated mentions say they come from (each becomes a push source of that name). */
export const mentionSources = [
  'PTT',
  'Dcard',
  'Threads',
  'Facebook',
  'Instagram',
  'X',
  'YouTube',
  'LINE 社群',
  'Mobile01',
  'news',
  'blog',
] as const;
export const injectKinds = ['email', 'phone', 'chat', 'video', 'news', 'social', 'regulator', 'rumour', 'internal', 'other'] as const;
export type InjectKind = (typeof injectKinds)[number];

const key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and hyphens, starting with a letter or digit (at most 63)');
const minute = z.number().int('whole minutes').min(0).max(MAX_SCENARIO_MINUTES);
const line = (max: number) => z.string().trim().min(1, 'required').max(max);
/** A text template: `{name}` is replaced by one of the scenario's `variables.name` (or `{company}`). */
const template = line(2000);
const weight = z.number().min(0).max(1000);

/** Weights of the three sentiment groups of a wave's texts (normalised; a group with weight needs texts). */
export const sentimentMix = z.strictObject({
  negative: weight.default(0),
  neutral: weight.default(0),
  positive: weight.default(0),
});

/** Texts grouped by the sentiment the writer meant (the product's own model decides what it reads). */
export const textGroups = z.strictObject({
  negative: z.array(template).max(200).default([]),
  neutral: z.array(template).max(200).default([]),
  positive: z.array(template).max(200).default([]),
});

/** Source weights, e.g. `{ PTT: 3, Dcard: 2, news: 1 }`. */
export const sourceWeights = z.partialRecord(z.enum(mentionSources), weight);

/**
 * A wave: `perMinute` mentions each minute from `from` to `to` (a number, or `[start, end]` ramping linearly),
 * drawn from `texts` by `sentiment`, attributed to `sources`; `reposts` re-shares a notable post (a repost cluster).
 */
export const wave = z.strictObject({
  key,
  from: minute,
  to: minute,
  perMinute: z.union([z.number().min(0).max(500), z.tuple([z.number().min(0).max(500), z.number().min(0).max(500)])]),
  sentiment: sentimentMix,
  sources: sourceWeights,
  texts: textGroups,
  reposts: z
    .array(z.strictObject({ post: key, share: z.number().min(0).max(1) }))
    .max(10)
    .default([]),
  // Typical follower counts of the authors (a range; reach follows it).
  followers: z.tuple([z.number().int().min(0), z.number().int().min(0)]).default([20, 2000]),
});
export type Wave = z.infer<typeof wave>;

/** One notable mention at a set minute: the original post, an influencer's post or video, a news article. */
export const post = z.strictObject({
  key,
  at: minute,
  kind: z.enum(['post', 'influencer', 'news', 'official']),
  source: z.enum(mentionSources),
  author: line(200),
  followers: z.number().int().min(0).max(1e9).default(0),
  title: line(300).optional(),
  text: template,
  metrics: z
    .strictObject({
      likes: z.number().int().min(0).optional(),
      shares: z.number().int().min(0).optional(),
      comments: z.number().int().min(0).optional(),
      views: z.number().int().min(0).optional(),
    })
    .optional(),
});
export type Post = z.infer<typeof post>;

/** An event delivered to the players at a set minute (an e-mail, a call, a leaked chat …), shown as a message. */
export const inject = z.strictObject({
  key,
  at: minute,
  kind: z.enum(injectKinds),
  from: line(200),
  subject: line(300),
  body: line(5000),
  // In the scenario's words, e.g. 「今天 18:00 前」.
  respondBy: line(200).optional(),
});
export type Inject = z.infer<typeof inject>;

export const scenarioFile = z
  .strictObject({
    format: z.literal(SCENARIO_FORMAT),
    id: key,
    locale: z.enum(['zh-TW', 'en']),
    title: line(200),
    summary: line(2000),
    crisisType: z.enum(crisisTypes),
    // Fictional company (or a historical case retold); `{company}` in templates is `company.name`.
    company: z.strictObject({
      name: line(100),
      industry: line(200),
      description: line(2000),
    }),
    durationMinutes: z.number().int().min(1).max(MAX_SCENARIO_MINUTES),
    // Values for `{name}` in templates: each use picks one at random.
    variables: z
      .record(
        z.string().regex(/^[a-z][a-zA-Z0-9_]{0,30}$/, 'a variable name: a letter then letters, digits, _'),
        z.array(line(300)).min(1).max(200),
      )
      .default({}),
    topics: z
      .array(z.strictObject({ key, name: line(100), query: line(2000) }))
      .min(1)
      .max(10),
    // The calm before: mentions per hour over the history loaded when the run is created (days of it).
    baseline: z.strictObject({
      perHour: z.number().min(0).max(200),
      sentiment: sentimentMix,
      sources: sourceWeights,
      texts: textGroups,
    }),
    posts: z.array(post).max(200).default([]),
    waves: z.array(wave).min(1).max(50),
    injects: z.array(inject).min(1).max(100),
  })
  .superRefine((s, ctx) => {
    const vars = new Set(['company', ...Object.keys(s.variables)]);
    const postKeys = new Set(s.posts.map((p) => p.key));
    const checkTemplate = (text: string, path: PropertyKey[]) => {
      for (const m of text.matchAll(/\{([^{}]*)\}/g))
        if (!vars.has(m[1])) ctx.addIssue({ code: 'custom', path, message: `unknown variable {${m[1]}}: add it under variables` });
    };
    const unique = (items: Array<{ key: string }>, where: string) => {
      const seen = new Set<string>();
      items.forEach((it, i) => {
        if (seen.has(it.key)) ctx.addIssue({ code: 'custom', path: [where, i, 'key'], message: `duplicate key "${it.key}"` });
        seen.add(it.key);
      });
    };
    unique(s.topics, 'topics');
    unique(s.posts, 'posts');
    unique(s.waves, 'waves');
    unique(s.injects, 'injects');
    const checkGroups = (mix: z.infer<typeof sentimentMix>, texts: z.infer<typeof textGroups>, path: PropertyKey[]) => {
      for (const g of ['negative', 'neutral', 'positive'] as const) {
        if (mix[g] > 0 && texts[g].length === 0)
          ctx.addIssue({ code: 'custom', path: [...path, 'texts', g], message: `sentiment gives ${g} a weight, so write ${g} texts` });
        texts[g].forEach((t, i) => {
          checkTemplate(t, [...path, 'texts', g, i]);
        });
      }
      if (mix.negative + mix.neutral + mix.positive <= 0)
        ctx.addIssue({ code: 'custom', path: [...path, 'sentiment'], message: 'give at least one sentiment a weight' });
    };
    checkGroups(s.baseline.sentiment, s.baseline.texts, ['baseline']);
    if (Object.values(s.baseline.sources).every((w) => !w))
      ctx.addIssue({ code: 'custom', path: ['baseline', 'sources'], message: 'give at least one source a weight' });
    s.waves.forEach((w, i) => {
      if (w.to < w.from) ctx.addIssue({ code: 'custom', path: ['waves', i, 'to'], message: '`to` is before `from`' });
      if (w.to > s.durationMinutes)
        ctx.addIssue({
          code: 'custom',
          path: ['waves', i, 'to'],
          message: `after the scenario ends (durationMinutes ${s.durationMinutes})`,
        });
      if (Object.values(w.sources).every((x) => !x))
        ctx.addIssue({ code: 'custom', path: ['waves', i, 'sources'], message: 'give at least one source a weight' });
      if (w.followers[1] < w.followers[0])
        ctx.addIssue({ code: 'custom', path: ['waves', i, 'followers'], message: 'the range is reversed' });
      checkGroups(w.sentiment, w.texts, ['waves', i]);
      w.reposts.forEach((r, j) => {
        if (!postKeys.has(r.post))
          ctx.addIssue({ code: 'custom', path: ['waves', i, 'reposts', j, 'post'], message: `no post with key "${r.post}"` });
      });
    });
    s.posts.forEach((p, i) => {
      if (p.at > s.durationMinutes) ctx.addIssue({ code: 'custom', path: ['posts', i, 'at'], message: 'after the scenario ends' });
      checkTemplate(p.text, ['posts', i, 'text']);
    });
    // Injects and post titles are shown as written: a `{name}` there would reach players as braces.
    const unfilled = (text: string | undefined, path: PropertyKey[]) => {
      const m = text?.match(/\{[^{}\s]*\}/);
      if (m)
        ctx.addIssue({ code: 'custom', path, message: `${m[0]} is not filled in here (only mention texts take variables): write it out` });
    };
    s.posts.forEach((p, i) => {
      unfilled(p.title, ['posts', i, 'title']);
    });
    s.injects.forEach((inj, i) => {
      if (inj.at > s.durationMinutes) ctx.addIssue({ code: 'custom', path: ['injects', i, 'at'], message: 'after the scenario ends' });
      for (const f of ['from', 'subject', 'body', 'respondBy'] as const) unfilled(inj[f], ['injects', i, f]);
    });
  });
export type Scenario = z.infer<typeof scenarioFile>;

/** One problem in a scenario file, pointed at its line and column (1-based). */
export const scenarioIssue = z.object({ line: z.number().int(), column: z.number().int(), path: z.string(), message: z.string() });
export type ScenarioIssue = z.infer<typeof scenarioIssue>;

/** A shipped scenario as the drill planner lists it. */
export const scenarioSummary = z.object({
  id: z.string(),
  locale: z.enum(['zh-TW', 'en']),
  title: z.string(),
  summary: z.string(),
  crisisType: z.enum(crisisTypes),
  company: z.string(),
  durationMinutes: z.number(),
  injects: z.number(),
  // Other-language versions of the same scenario (same id, other locale).
  locales: z.array(z.enum(['zh-TW', 'en'])),
});
export type ScenarioSummary = z.infer<typeof scenarioSummary>;

/** Check a scenario file's text (YAML or JSON) without using it. */
export const validateScenarioInput = z.strictObject({ text: z.string().min(1, 'required').max(2_000_000) });
export const validateScenarioResult = z.object({ ok: z.boolean(), issues: z.array(scenarioIssue), summary: scenarioSummary.nullable() });
