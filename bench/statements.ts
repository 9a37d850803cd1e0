// Statement legal-risk checker benchmark: precision, recall and F1 per category and overall (micro) on the labelled
// sentence sets in test/fixtures/statement-risks (dev and tune: the checker may be tuned on them; holdout: the honest test), the
// false-alarm rate on sentences without risk per language, the misses and false positives by id, and the time to
// check a 2,000-character zh-TW statement (cold, then warm p50/p95/max) and a 100,000-character paste, against
// normalise() over the same text measured in the same run. Prints one JSON object to stdout; progress goes to stderr.
// Run: node bench/statements.ts [--runs 200] [--lang auto|given] [--checker FILE] [--model FILE]
//   --model FILE   a learned layer trained by scripts/train-checker-model.ts --out FILE, run beside the rules
//   --checker FILE another module with the same API (to compare a change against the current checker)
//   --lang auto    the checker detects the language (the default, as `firebreak check-statement` does)
//   --lang given   each sentence's labelled language is passed to the checker
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type * as RealChecker from '../src/features/statements/checker/index.ts';
import { normalise } from '../src/platform/text/normalise.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    lang: { type: 'string', default: 'auto' },
    checker: { type: 'string' },
    model: { type: 'string' },
    'show-holdout': { type: 'boolean' },
  },
});
const runs = Math.max(10, Number(values.runs));
const langMode = values.lang === 'given' ? 'given' : 'auto';
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;
const TARGET = { recall: 0.9, precision: 0.85, p95MsFor2000Chars: 100 };

// The checker's API (src/features/statements/checker/index.ts), typed here so that this file states what it relies on.
type Lang = 'zh-TW' | 'zh-CN' | 'en';
type Facts = { facts: { text: string }[]; statements: string[] };
type Finding = {
  category: string;
  rule: string;
  start: number;
  end: number;
  excerpt: string;
  message: string;
  suggestion: string;
  law?: string;
};
type Checker = {
  checkStatement: (text: string, opts?: { lang?: Lang | 'auto'; facts?: Facts; model?: never }) => { lang: string; findings: Finding[] };
  riskCategories?: unknown;
};
type Line = { id: string; lang: Lang; text: string; labels: { category: string; excerpt: string }[]; facts?: Facts };
type Span = { start: number; end: number };

const checkerFile = path.resolve(values.checker ?? path.join(root, 'src/features/statements/checker/index.ts'));
let t = performance.now();
// Typed as the real module, so that tsc fails here when the checker's API no longer fits what this file relies on.
const checker: Checker = (await import(checkerFile)) as typeof RealChecker;
const importMs = performance.now() - t;
// With --model, every call runs the learned layer beside the rules (the fresh-process timing below does not).
const model = values.model ? (JSON.parse(fs.readFileSync(values.model, 'utf8')) as never) : undefined;
const checkStatement: Checker['checkStatement'] = (text, opts) => checker.checkStatement(text, { ...opts, ...(model ? { model } : {}) });
// The fixed ids of shared/docs/STATEMENT-RISKS.md, in its order (plus any the checker lists that are not here).
const categories = [
  'liability_admission',
  'speculation',
  'absolute_promise',
  'blame_shifting',
  'defamation',
  'personal_data',
  'no_comment',
  'victim_playing',
  'minimizing',
  'inconsistent_fact',
  'legal_threat',
];
const listed = checker.riskCategories;
for (const c of Array.isArray(listed) ? listed : Object.keys(listed ?? {})) {
  const id = typeof c === 'string' ? c : (c as { id: string }).id;
  if (!categories.includes(id)) categories.push(id);
}

const fixtures = path.join(root, 'test/fixtures/statement-risks');
const load = (name: string): Line[] =>
  fs
    .readFileSync(path.join(fixtures, `${name}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
const exists = (name: string) => fs.existsSync(path.join(fixtures, `${name}.jsonl`));
// dev and tune (the first holdout, retired after its honest score was reported) may be tuned on; holdout may not.
// tune-2 was written blind (like a holdout) at stop 16 to give the rules fresh wordings to learn from; tune-3 likewise
// (issue 6), weighted to inconsistent_fact, blame_shifting and English. holdout-1 is the second holdout, retired into
// tuning at stop 19 once its score had been reported three times; holdout-2 is the third (written blind at stop 19,
// retired at stop 20 after its one reported score); holdout-3 is the fourth (written blind at stop 20, retired at stop 21
// after its one reported score); holdout is the fifth, written blind at stop 21.
// tune-4 is fresh tuning material written blind for issue 6's fifth round; tune-5 for its sixth.
const sets = {
  dev: load('dev'),
  tune: load('tune'),
  'tune-2': exists('tune-2') ? load('tune-2') : [],
  'tune-3': exists('tune-3') ? load('tune-3') : [],
  'tune-4': exists('tune-4') ? load('tune-4') : [],
  'tune-5': exists('tune-5') ? load('tune-5') : [],
  'holdout-1': exists('holdout-1') ? load('holdout-1') : [],
  'holdout-2': exists('holdout-2') ? load('holdout-2') : [],
  'holdout-3': exists('holdout-3') ? load('holdout-3') : [],
  holdout: exists('holdout') ? load('holdout') : [],
};

// A realistic 2,000-character zh-TW statement: the sets' zh-TW sentences, risky and not, one after another.
const zhSentences = [...sets.dev, ...sets.tune, ...sets.holdout].filter((l) => l.lang === 'zh-TW').map((l) => l.text);
function statementOf(chars: number, from = 0): string {
  let s = '';
  for (let i = from; s.length < chars; i++) s += zhSentences[i % zhSentences.length];
  return s.slice(0, chars);
}
const text2k = statementOf(2000);
// Warm runs cycle through 20 different 2,000-character statements (as text changes while typing), so nothing
// the checker might keep from the previous call makes a run cheaper than it is.
const variants = Array.from({ length: 20 }, (_, k) => statementOf(2000, k * 7));
const text100k = statementOf(100_000);

// Cold: the first call in this process (the checker builds whatever tables it builds lazily), before anything else.
t = performance.now();
checkStatement(text2k, { lang: 'zh-TW' });
const firstCallMs = performance.now() - t;

// The same in a fresh process: import, then the first call on the same 2,000 characters.
const coldScript = `const t0 = performance.now();
const m = await import(${JSON.stringify(checkerFile)});
const t1 = performance.now(); m.checkStatement(${JSON.stringify(text2k)}, { lang: 'zh-TW' }); const t2 = performance.now();
console.log(JSON.stringify({ importMs: t1 - t0, firstCallMs: t2 - t1 }));`;
const freshProcess = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', coldScript], { encoding: 'utf8' }));
for (const k of Object.keys(freshProcess)) freshProcess[k] = round(freshProcess[k], 1);

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Overlapping (or touching the same characters) predictions of one category become one. */
function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

type Count = { gold: number; predicted: number; tp: number; predictedMatched: number };
const empty = (): Count => ({ gold: 0, predicted: 0, tp: 0, predictedMatched: 0 });
const add = (a: Count, b: Count) => {
  a.gold += b.gold;
  a.predicted += b.predicted;
  a.tp += b.tp;
  a.predictedMatched += b.predictedMatched;
};
// Recall: gold spans hit by a prediction of the same category. Precision: (merged) predictions that hit a gold span.
const scores = (c: Count) => {
  const precision = c.predicted ? c.predictedMatched / c.predicted : c.gold ? 0 : 1;
  const recall = c.gold ? c.tp / c.gold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    gold: c.gold,
    predicted: c.predicted,
    tp: c.tp,
    predictedMatched: c.predictedMatched,
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
  };
};

function evaluate(name: string, lines: Line[]) {
  log(`checking ${name}: ${lines.length} sentences (lang ${langMode})`);
  const perCategory = new Map<string, Count>(categories.map((c) => [c, empty()]));
  const perLang = new Map<string, Count>();
  const noRisk = new Map<string, { sentences: number; withFinding: number }>();
  const misses: { id: string; category: string; excerpt: string }[] = [];
  const falsePositives: { id: string; category: string; excerpt: string; rule: string }[] = [];
  let offsetErrors = 0;
  let unknownCategories = 0;
  let detectedLangWrong = 0;
  for (const line of lines) {
    const res = checkStatement(line.text, { lang: langMode === 'given' ? line.lang : 'auto', facts: line.facts });
    if (res.lang !== line.lang) detectedLangWrong++;
    for (const f of res.findings)
      if (!(f.start >= 0 && f.end <= line.text.length && f.start < f.end && line.text.slice(f.start, f.end) === f.excerpt)) offsetErrors++;
    const cats = new Set([...line.labels.map((l) => l.category), ...res.findings.map((f) => f.category)]);
    const langCount = perLang.get(line.lang) ?? empty();
    perLang.set(line.lang, langCount);
    for (const category of cats) {
      let count = perCategory.get(category);
      if (!count) {
        unknownCategories++;
        count = empty();
        perCategory.set(category, count);
      }
      const gold = line.labels
        .filter((l) => l.category === category)
        .map((l) => ({ ...l, start: line.text.indexOf(l.excerpt), end: line.text.indexOf(l.excerpt) + l.excerpt.length }));
      const found = res.findings.filter((f) => f.category === category);
      const predicted = merge(found);
      const c: Count = {
        gold: gold.length,
        predicted: predicted.length,
        tp: gold.filter((g) => predicted.some((p) => overlaps(g, p))).length,
        predictedMatched: predicted.filter((p) => gold.some((g) => overlaps(g, p))).length,
      };
      add(count, c);
      add(langCount, c);
      for (const g of gold) if (!predicted.some((p) => overlaps(g, p))) misses.push({ id: line.id, category, excerpt: g.excerpt });
      for (const p of predicted) {
        if (gold.some((g) => overlaps(g, p))) continue;
        const rules = [...new Set(found.filter((f) => overlaps(f, p)).map((f) => f.rule))].join(',');
        falsePositives.push({ id: line.id, category, excerpt: line.text.slice(p.start, p.end), rule: rules });
      }
    }
    if (line.labels.length === 0) {
      const n = noRisk.get(line.lang) ?? { sentences: 0, withFinding: 0 };
      n.sentences++;
      if (res.findings.length) n.withFinding++;
      noRisk.set(line.lang, n);
    }
  }
  const overall = empty();
  for (const c of perCategory.values()) add(overall, c);
  const all = [...noRisk.values()].reduce(
    (a, b) => ({ sentences: a.sentences + b.sentences, withFinding: a.withFinding + b.withFinding }),
    {
      sentences: 0,
      withFinding: 0,
    },
  );
  const micro = scores(overall);
  return {
    sentences: lines.length,
    overall: micro,
    meetsTargets: { recall: micro.recall >= TARGET.recall, precision: micro.precision >= TARGET.precision },
    perCategory: Object.fromEntries([...perCategory].map(([k, c]) => [k, scores(c)])),
    perLanguage: Object.fromEntries([...perLang].map(([k, c]) => [k, scores(c)])),
    falseAlarmsOnNoRiskSentences: Object.fromEntries(
      [...noRisk, ['all', all] as const].map(([k, n]) => [k, { ...n, rate: round(n.sentences ? n.withFinding / n.sentences : 0) }]),
    ),
    problems: { offsetErrors, unknownCategories, detectedLangDiffersFromLabel: langMode === 'auto' ? detectedLangWrong : undefined },
    // The holdout's sentences stay out of sight of whoever tunes the rules, unless asked for (--show-holdout).
    ...(name !== 'holdout' || process.argv.includes('--show-holdout')
      ? { misses, falsePositives }
      : { misses: misses.length, falsePositives: falsePositives.length }),
  };
}

const dev = evaluate('dev', sets.dev);
const tune = evaluate('tune', sets.tune);
const tune2 = evaluate('tune-2', sets['tune-2']);
const tune3 = evaluate('tune-3', sets['tune-3']);
const tune4 = evaluate('tune-4', sets['tune-4']);
const tune5 = evaluate('tune-5', sets['tune-5']);
const holdout1 = evaluate('holdout-1', sets['holdout-1']);
const holdout2 = evaluate('holdout-2', sets['holdout-2']);
const holdout3 = evaluate('holdout-3', sets['holdout-3']);
const holdout = evaluate('holdout', sets.holdout);

// Warm timing: N runs over the 2,000 characters; normalise() alone over the same text as the reference.
function timeRuns(fn: () => void, n: number) {
  for (let i = 0; i < 5; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))];
  return { runs: n, p50: round(at(0.5)), p95: round(at(0.95)), max: round(ms[ms.length - 1]) };
}
log(`timing: ${runs} warm runs over ${variants.length} statements of ${text2k.length} characters`);
const findings2k = checkStatement(text2k, { lang: 'zh-TW' }).findings.length;
let k = 0;
const next = () => variants[k++ % variants.length];
const warm = timeRuns(() => checkStatement(next(), { lang: 'zh-TW' }), runs);
const warmAuto = timeRuns(() => checkStatement(next(), { lang: 'auto' }), Math.ceil(runs / 2));
const normaliseRef = timeRuns(() => normalise(next()), runs);
log(`timing: one ${text100k.length}-character paste`);
t = performance.now();
const findings100k = checkStatement(text100k, { lang: 'auto' }).findings.length;
const pasteMs = performance.now() - t;
t = performance.now();
normalise(text100k);
const pasteNormaliseMs = performance.now() - t;

const result = {
  benchmark: 'statements',
  machine: { node: process.version, cpus: os.cpus().length, threads: 1 },
  data: {
    dir: path.relative(root, fixtures),
    dev: sets.dev.length,
    tune: sets.tune.length,
    'tune-2': sets['tune-2'].length,
    'tune-3': sets['tune-3'].length,
    'tune-4': sets['tune-4'].length,
    'tune-5': sets['tune-5'].length,
    'holdout-1': sets['holdout-1'].length,
    'holdout-2': sets['holdout-2'].length,
    'holdout-3': sets['holdout-3'].length,
    holdout: sets.holdout.length,
    matching: 'same category and overlapping spans; overlapping predictions of one category count once',
    lang: langMode,
  },
  targets: { ...TARGET, note: 'recall and precision overall (micro) per set' },
  meetsTargets: {
    dev: dev.meetsTargets.recall && dev.meetsTargets.precision,
    tune: tune.meetsTargets.recall && tune.meetsTargets.precision,
    'tune-2': tune2.meetsTargets.recall && tune2.meetsTargets.precision,
    'tune-3': tune3.meetsTargets.recall && tune3.meetsTargets.precision,
    'tune-4': tune4.meetsTargets.recall && tune4.meetsTargets.precision,
    'tune-5': tune5.meetsTargets.recall && tune5.meetsTargets.precision,
    'holdout-1': holdout1.meetsTargets.recall && holdout1.meetsTargets.precision,
    'holdout-2': holdout2.meetsTargets.recall && holdout2.meetsTargets.precision,
    'holdout-3': holdout3.meetsTargets.recall && holdout3.meetsTargets.precision,
    holdout: holdout.meetsTargets.recall && holdout.meetsTargets.precision,
    p95Under100MsFor2000Chars: warm.p95 < TARGET.p95MsFor2000Chars,
  },
  dev,
  tune,
  'tune-2': tune2,
  'tune-3': tune3,
  'tune-4': tune4,
  'tune-5': tune5,
  'holdout-1': holdout1,
  'holdout-2': holdout2,
  'holdout-3': holdout3,
  holdout,
  timing: {
    statementChars: text2k.length,
    statements: variants.length,
    findingsIn2000Chars: findings2k,
    importMs: round(importMs, 1),
    firstCallMs: round(firstCallMs, 2),
    freshProcess,
    warmMs: warm,
    warmMsLangAuto: warmAuto,
    reference: { normaliseMs: normaliseRef, ratioP50: round(warm.p50 / Math.max(normaliseRef.p50, 1e-3), 1) },
    paste100k: {
      chars: text100k.length,
      ms: round(pasteMs, 2),
      findings: findings100k,
      normaliseMs: round(pasteNormaliseMs, 2),
      ratio: round(pasteMs / Math.max(pasteNormaliseMs, 1e-3), 2),
    },
  },
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
