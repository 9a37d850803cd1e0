// Checks the shipped scenario files (`scenarios/<locale>/<id>.yaml`): each against the format, each id in both
// zh-TW and en with the same topic keys, inject keys and inject minutes, each topic query readable by the
// monitoring parser, and each wave's negative texts matched (at least a third of them) by the topics — a wave
// the topics do not see would never raise an alert. Prints `path:line:column message` per problem and exits 1,
// or prints a one-line summary. `--write-schema` regenerates `scenarios/schema.json` from the zod schema.
//
//   npm run scenarios:validate [-- DIR]        npm run scenarios:validate -- --write-schema
import { readFileSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isScalar, type Node } from 'yaml';
import { z } from 'zod';
import { type Scenario, scenarioFile } from '../src/features/drills/scenario-contract.ts';
import { readScenarioFiles, type ScenarioLocale, scenarioLocales } from '../src/features/drills/server/scenarios.ts';
import { matchTopic, parseTopicQuery, type TopicQuery } from '../src/features/monitoring/topic-query.ts';
import { normalise } from '../src/platform/text/normalise.ts';
import { locate, type ParsedYaml, parseYaml } from '../src/platform/yaml-issues.ts';

/** One problem, relative to the directory checked. */
export type ScenarioProblem = { file: string; line: number; column: number; message: string };

/** The share of a wave's negative texts the topics must match. */
export const MIN_NEGATIVE_MATCH = 1 / 3;
/** How many fillings of each template are tried (variable values taken in turn). */
const FILLINGS = 6;

/** The JSON Schema of a scenario file as writers type it (defaults optional). */
export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioFile, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const out = {
    $schema: schema.$schema,
    title: 'Firebreak scenario file (firebreak.scenario/v1)',
    description: 'A drill or demo scenario. Generated from src/features/drills/scenario-contract.ts: do not edit by hand.',
    ...schema,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** The `i`-th filling of a template: each `{name}` takes the name's values in turn (`{company}` the company). */
export function fillTemplate(s: Scenario, text: string, i: number): string {
  return text.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
    if (name === 'company') return s.company.name;
    const values = s.variables[name];
    return values?.length ? values[i % values.length] : whole;
  });
}

/** The share of a wave's negative texts (each in several fillings) that one of the topics matches. */
export function negativeMatchShare(s: Scenario, queries: TopicQuery[], texts: string[]): number {
  let matched = 0;
  let total = 0;
  for (const t of texts)
    for (let i = 0; i < FILLINGS; i++) {
      const n = normalise(fillTemplate(s, t, i));
      total++;
      if (queries.some((q) => matchTopic(q, n))) matched++;
    }
  return total ? matched / total : 1;
}

type Good = { rel: string; scenario: Scenario; tree: ParsedYaml | null };

/** Where a data path is in a file (1:1 when the file cannot be re-read). */
function where(g: Good, dataPath: PropertyKey[], extra = 0): { line: number; column: number } {
  if (!g.tree) return { line: 1, column: 1 };
  const at = locate(g.tree.root, dataPath);
  const pos = g.tree.at(at.offset);
  return { line: pos.line, column: pos.column + extra };
}

/** Topic queries that do not parse, and waves whose negative texts the topics mostly miss. */
function checkTopics(g: Good, problems: ScenarioProblem[]) {
  const s = g.scenario;
  const queries: TopicQuery[] = [];
  s.topics.forEach((t, i) => {
    const q = parseTopicQuery(t.query);
    if (q.ok) {
      queries.push(q.query);
      return;
    }
    // Point into the query when it is written on one line (a quoted one starts a character later).
    const node = g.tree ? (locateNode(g.tree.root, ['topics', i, 'query']) as Node | null) : null;
    const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
    const oneLine = !t.query.includes('\n') && !(isScalar(node) && String(node.type).startsWith('BLOCK'));
    for (const e of q.errors)
      problems.push({
        file: g.rel,
        ...where(g, ['topics', i, 'query'], oneLine ? e.offset + (quoted ? 1 : 0) : 0),
        message: `topics.${i}.query: ${e.message}`,
      });
  });
  if (queries.length !== s.topics.length) return;
  s.waves.forEach((w, i) => {
    if (w.texts.negative.length === 0) return;
    const share = negativeMatchShare(s, queries, w.texts.negative);
    if (share < MIN_NEGATIVE_MATCH)
      problems.push({
        file: g.rel,
        ...where(g, ['waves', i, 'texts', 'negative']),
        message: `waves.${i} (${w.key}): the topics match only ${Math.round(share * 100)}% of its negative texts (at least a third needed, or the wave never alerts)`,
      });
  });
}

/** The syntax node at a data path (null when absent). */
function locateNode(root: Node | null, dataPath: PropertyKey[]): unknown {
  let node: unknown = root;
  for (const seg of dataPath) {
    const n = node as { get?: (k: unknown, keepScalar: boolean) => unknown } | null;
    node = n?.get ? n.get(seg, true) : null;
  }
  return node;
}

/** The two language versions of each id agree on topic keys, inject keys and inject minutes. */
function checkPairs(byId: Map<string, Map<ScenarioLocale, Good>>, problems: ScenarioProblem[]) {
  for (const [id, versions] of byId) {
    for (const locale of scenarioLocales)
      if (!versions.has(locale)) {
        const other = [...versions.values()][0];
        problems.push({ file: other.rel, line: 1, column: 1, message: `scenario "${id}" has no ${locale} version (${locale}/${id}.yaml)` });
      }
    const zh = versions.get('zh-TW');
    const en = versions.get('en');
    if (!zh || !en) continue;
    const same = (what: string, a: string[], b: string[], dataPath: PropertyKey[]) => {
      if (a.join('\n') !== b.join('\n'))
        problems.push({
          file: en.rel,
          ...where(en, dataPath),
          message: `${what} differ from the zh-TW version: [${b.join(', ')}] here, [${a.join(', ')}] in ${zh.rel}`,
        });
    };
    same('topic keys', zh.scenario.topics.map((t) => t.key).sort(), en.scenario.topics.map((t) => t.key).sort(), ['topics']);
    same(
      'inject keys',
      zh.scenario.injects.map((x) => x.key),
      en.scenario.injects.map((x) => x.key),
      ['injects'],
    );
    same(
      'inject minutes',
      zh.scenario.injects.map((x) => `${x.key}@${x.at}`),
      en.scenario.injects.map((x) => `${x.key}@${x.at}`),
      ['injects'],
    );
  }
}

/** Every problem of the scenario files under `dir` (none means all are fit to ship). */
export async function checkScenarios(dir: string): Promise<{ problems: ScenarioProblem[]; files: number; scenarios: number }> {
  const problems: ScenarioProblem[] = [];
  const byId = new Map<string, Map<ScenarioLocale, Good>>();
  const files = await readScenarioFiles(dir);
  for (const f of files) {
    const rel = path.relative(dir, f.path);
    if (!f.ok) {
      for (const i of f.issues)
        problems.push({ file: rel, line: i.line, column: i.column, message: i.path ? `${i.path}: ${i.message}` : i.message });
      continue;
    }
    // Read again for positions (the loader keeps only the data).
    const tree = parseYaml(readFileSync(f.path, 'utf8'));
    const g: Good = { rel, scenario: f.scenario, tree: tree.ok ? tree : null };
    checkTopics(g, problems);
    const versions = byId.get(f.id) ?? new Map<ScenarioLocale, Good>();
    versions.set(f.locale, g);
    byId.set(f.id, versions);
  }
  checkPairs(byId, problems);
  // Only `<id>.yaml` is loaded: anything else in a locale folder is a file someone expects to be used.
  for (const locale of scenarioLocales)
    for (const n of await readdir(path.join(dir, locale)).catch(() => [] as string[]))
      if (!n.endsWith('.yaml') && !n.startsWith('.'))
        problems.push({ file: path.join(locale, n), line: 1, column: 1, message: 'not loaded: scenario files are named <id>.yaml' });
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { problems, files: files.length, scenarios: new Set(files.map((f) => f.id)).size };
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const root = path.resolve(import.meta.dirname, '..');
  const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(root, 'scenarios'));
  if (args.includes('--write-schema')) {
    const file = path.join(dir, 'schema.json');
    writeFileSync(file, scenarioJsonSchema());
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  } else {
    const { problems, files, scenarios } = await checkScenarios(dir);
    for (const p of problems) console.log(`${path.join(path.relative(process.cwd(), dir), p.file)}:${p.line}:${p.column} ${p.message}`);
    if (problems.length || files === 0) {
      console.error(files === 0 ? `no scenario files under ${dir}` : `${problems.length} problem(s) in ${files} scenario file(s)`);
      process.exitCode = 1;
    } else console.log(`${files} scenario files (${scenarios} scenarios in zh-TW and en) are valid`);
  }
}
