// Scenario routes: the shipped scenarios a drill may be planned from, one whole scenario, and checking a file a
// facilitator wrote before using it (always an answer with its problems pointed at lines, never an error).
// For those who plan drills (drill.manage). Each route: a schema, a permission, one service call.
import { z } from 'zod';
import type { Router } from '../../../platform/http.ts';
import { scenarioList } from '../contract.ts';
import { scenarioFile, validateScenarioInput, validateScenarioResult } from '../scenario-contract.ts';
import type { DrillDeps } from './deps.ts';
import { parseUploadedScenario } from './parse-off-thread.ts';
import { listScenarios, loadScenario, scenarioLocales, summaryOf } from './scenarios.ts';

const idParams = z.strictObject({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a scenario id') });
const localeQuery = z.strictObject({ locale: z.enum(scenarioLocales).default('zh-TW') });

/** Registers the scenario routes. */
export function registerScenarioRoutes(r: Router, deps: DrillDeps) {
  const tags = ['drills'];

  r.add({
    method: 'GET',
    url: '/api/scenarios',
    summary: 'The shipped scenarios, each with its other-language versions',
    tags,
    permission: 'drill.manage',
    response: scenarioList,
    // deps.scenariosDir is read per request: tests point it at their fixtures.
    handler: async () => ({ scenarios: await listScenarios(deps.scenariosDir) }),
  });

  r.add({
    method: 'POST',
    url: '/api/scenarios/validate',
    summary: 'Check a scenario file (YAML or JSON): its problems with line and column, or its summary',
    tags,
    permission: 'drill.manage',
    body: validateScenarioInput,
    // Up to 2,000,000 characters of CJK text is about 6 MB of UTF-8 (the parser caps the file at 2 MB itself).
    bodyLimit: 8_000_000,
    response: validateScenarioResult,
    handler: async (ctx) => {
      const r = await parseUploadedScenario(ctx.body.text);
      return r.ok ? { ok: true, issues: [], summary: summaryOf(r.scenario) } : { ok: false, issues: r.issues, summary: null };
    },
  });

  r.add({
    method: 'GET',
    url: '/api/scenarios/:id',
    summary: 'One shipped scenario, whole (404 when there is none in that language)',
    tags,
    permission: 'drill.manage',
    params: idParams,
    query: localeQuery,
    response: scenarioFile,
    handler: (ctx) => loadScenario(deps.scenariosDir, ctx.params.id, ctx.query.locale),
  });
}
