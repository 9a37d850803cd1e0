// Scenario files: parsing one (YAML or JSON) with every problem pointed at its line and column, listing the
// shipped ones (`<dir>/<locale>/<id>.yaml`) and loading one by id and locale. Files are read on demand and
// kept per process by path and modification time, so a writer's edit shows up without a restart.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../platform/errors.ts';
import { locate, type ParsedYaml, parseYaml, sortIssues, type YamlIssue, zodIssuesAt } from '../../../platform/yaml-issues.ts';
import { type Scenario, type ScenarioIssue, type ScenarioSummary, scenarioFile } from '../scenario-contract.ts';

/** The largest scenario file read (bytes of UTF-8). */
export const MAX_SCENARIO_BYTES = 2_000_000;
/** Locale folders, in the order lists show them. */
export const scenarioLocales = ['zh-TW', 'en'] as const;
export type ScenarioLocale = (typeof scenarioLocales)[number];
/** Aliases a scenario may use before the file counts as an alias bomb (writers rarely need any). */
const MAX_ALIASES = 100;
const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** Problems reported per file: past this the writer has a systematic mistake, and the answer stays small. */
const MAX_ISSUES = 200;

/** A file's outcome: the scenario, or its problems. */
export type ScenarioParse = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

const toIssue = (i: YamlIssue): ScenarioIssue => ({
  line: i.line,
  column: i.column,
  path: i.path,
  // zod says only "Invalid input" when no branch of a union fits; perMinute is the one union writers meet.
  message: i.code === 'invalid_union' && i.path.endsWith('perMinute') ? 'Expected a number, or [start, end] to ramp.' : i.message,
});

/** The first MAX_ISSUES problems, and a last line saying how many more there are. */
function capped(issues: ScenarioIssue[]): { ok: false; issues: ScenarioIssue[] } {
  if (issues.length <= MAX_ISSUES) return { ok: false, issues };
  const last = issues[MAX_ISSUES - 1];
  const more = { line: last.line, column: last.column, path: '', message: `… and ${issues.length - MAX_ISSUES} more problems.` };
  return { ok: false, issues: [...issues.slice(0, MAX_ISSUES), more] };
}

/** The one problem of a file over the size cap (it is not parsed at all). */
const tooLarge = (bytes: number): { ok: false; issues: ScenarioIssue[] } => ({
  ok: false,
  issues: [{ line: 1, column: 1, path: '', message: `The file is ${(bytes / 1e6).toFixed(1)} MB; a scenario file may be at most 2 MB.` }],
});

/** Parses and checks a file, keeping the syntax tree so later checks can point into it too. */
function parseWithTree(text: string): { ok: true; scenario: Scenario; file: ParsedYaml } | { ok: false; issues: ScenarioIssue[] } {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_SCENARIO_BYTES) return tooLarge(bytes);
  try {
    const file = parseYaml(text, { maxAliasCount: MAX_ALIASES });
    if (!file.ok) return capped(file.issues.map(toIssue));
    const parsed = scenarioFile.safeParse(file.data);
    if (!parsed.success) return capped(zodIssuesAt(file, parsed.error.issues).map(toIssue));
    return { ok: true, scenario: parsed.data, file };
  } catch (e) {
    // Nothing above should throw; if something does (a stack overflow on a pathological file), it is still
    // the file's problem and never a server error.
    return { ok: false, issues: [{ line: 1, column: 1, path: '', message: `The file cannot be read: ${(e as Error).message}` }] };
  }
}

/** Parses a scenario file's text (YAML or JSON); never throws. */
export function parseScenario(text: string): ScenarioParse {
  const r = parseWithTree(text);
  return r.ok ? { ok: true, scenario: r.scenario } : r;
}

/** A shipped file, read and checked against its place (`<locale>/<id>.yaml`). */
export type ScenarioFileResult = { path: string; id: string; locale: ScenarioLocale } & ScenarioParse;

type Cached = { mtimeMs: number; size: number; result: ScenarioFileResult };
const cache = new Map<string, Cached>();

/** Reads one shipped file (cached by path and modification time); the file's id and locale must match its path. */
export async function readScenarioFile(file: string): Promise<ScenarioFileResult> {
  const locale = path.basename(path.dirname(file)) as ScenarioLocale;
  const id = path.basename(file).replace(/\.yaml$/, '');
  const st = await stat(file);
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.result;
  let result: ScenarioFileResult;
  if (st.size > MAX_SCENARIO_BYTES) result = { path: file, id, locale, ...tooLarge(st.size) };
  else {
    const r = parseWithTree(await readFile(file, 'utf8'));
    if (!r.ok) result = { path: file, id, locale, ok: false, issues: r.issues };
    else {
      const issues: ScenarioIssue[] = [];
      const pointAt = (key: 'id' | 'locale', message: string) => {
        const { line, column } = r.file.at(locate(r.file.root, [key]).offset);
        issues.push({ line, column, path: key, message });
      };
      if (!(scenarioLocales as readonly string[]).includes(locale))
        pointAt('locale', `The file is in the folder "${locale}": put it under zh-TW/ or en/.`);
      else if (r.scenario.locale !== locale)
        pointAt('locale', `locale is "${r.scenario.locale}" but the file is in the ${locale}/ folder.`);
      if (r.scenario.id !== id) pointAt('id', `id is "${r.scenario.id}" but the file is named ${id}.yaml.`);
      result = issues.length
        ? { path: file, id, locale, ok: false, issues: sortIssues(issues) }
        : { path: file, id, locale, ok: true, scenario: r.scenario };
    }
  }
  cache.set(file, { mtimeMs: st.mtimeMs, size: st.size, result });
  return result;
}

/** Every scenario file under the locale folders of `dir` (a missing folder is no files). */
export async function scenarioPaths(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const locale of scenarioLocales) {
    const names = await readdir(path.join(dir, locale)).catch(() => [] as string[]);
    for (const n of names.sort()) if (n.endsWith('.yaml')) out.push(path.join(dir, locale, n));
  }
  return out;
}

/** Every valid shipped file, read (with the problems of the others). */
export async function readScenarioFiles(dir: string): Promise<ScenarioFileResult[]> {
  return Promise.all((await scenarioPaths(dir)).map(readScenarioFile));
}

/** A scenario as the planner lists it; `locales` are its other-language versions. */
export function summaryOf(s: Scenario, locales: ScenarioLocale[] = []): ScenarioSummary {
  return {
    id: s.id,
    locale: s.locale,
    title: s.title,
    summary: s.summary,
    crisisType: s.crisisType,
    company: s.company.name,
    durationMinutes: s.durationMinutes,
    injects: s.injects.length,
    locales: locales.filter((l) => l !== s.locale),
  };
}

/** Every shipped scenario that reads cleanly, by id then locale (zh-TW first); files with problems are left out. */
export async function listScenarios(dir: string): Promise<ScenarioSummary[]> {
  const ok = (await readScenarioFiles(dir)).flatMap((f) => (f.ok ? [f.scenario] : []));
  const localesOf = new Map<string, ScenarioLocale[]>();
  for (const s of ok) localesOf.set(s.id, [...(localesOf.get(s.id) ?? []), s.locale]);
  return ok
    .map((s) => summaryOf(s, localesOf.get(s.id)))
    .sort((a, b) => a.id.localeCompare(b.id) || scenarioLocales.indexOf(a.locale) - scenarioLocales.indexOf(b.locale));
}

/** One shipped scenario by id and locale (404 when there is none, or its file has problems). */
export async function loadScenario(dir: string, id: string, locale: ScenarioLocale): Promise<Scenario> {
  if (!ID.test(id) || !(scenarioLocales as readonly string[]).includes(locale)) throw new AppError('not_found', 'No such scenario.');
  const file = path.join(dir, locale, `${id}.yaml`);
  const r = await readScenarioFile(file).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return null;
    throw e;
  });
  if (!r) throw new AppError('not_found', `No scenario "${id}" in ${locale}.`);
  if (!r.ok)
    throw new AppError(
      'not_found',
      `The scenario file ${locale}/${id}.yaml has ${r.issues.length} problem(s) (first at line ${r.issues[0].line}); run npm run scenarios:validate.`,
    );
  return r.scenario;
}
