// bench:detect — runs `firebreak detect` (the real CLI, one process per file) over the NAB corpus in
// ../shared/data/nab and scores it with the NAB rules (bench/nab-score.ts): the `alert` column as
// written (threshold 0.5, nothing tuned on labels), and `anomaly_score` at the best threshold, for
// the three profiles; the same scoring over synthetic social-media counts with labelled incidents
// (bench/social-counts.ts); and the detector's CPU per 1,000 topics per tick. Prints JSON.
//   --in-process   same detector code without spawning the CLI (quicker while iterating)
//   --files        include per-file scores
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { parseTimestamp } from '../src/cli/detect.ts';
import { type DetectorOptions, SeriesDetector } from '../src/features/warnings/detector.ts';
import {
  bestThreshold,
  type CorpusScore,
  loadProfiles,
  normalisedScore,
  probationLength,
  scoreFile,
  type Window,
  windowRows,
} from './nab-score.ts';
import { socialCorpus } from './social-counts.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: process.env.NAB_DIR ?? path.resolve(root, '../shared/data/nab') },
    'in-process': { type: 'boolean', default: false },
    files: { type: 'boolean', default: false },
  },
});
const dataDir = values.data as string;
const log = (m: string) => process.stderr.write(`${m}\n`);
const run = promisify(execFile);

type Series = { name: string; timestamps: string[]; scores: number[]; alerts: boolean[]; windows: Window[] };

const windows = JSON.parse(fs.readFileSync(path.join(dataDir, 'combined_windows.json'), 'utf8')) as Record<string, Window[]>;
const names = Object.keys(windows).filter((n) => fs.existsSync(path.join(dataDir, 'data', n)));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-detect-'));

function readResult(name: string, csv: string): Series {
  const lines = csv.trim().split(/\r?\n/);
  if (lines[0] !== 'timestamp,value,anomaly_score,alert') throw new Error(`${name}: unexpected header ${lines[0]}`);
  const s: Series = { name, timestamps: [], scores: [], alerts: [], windows: windows[name] };
  for (const line of lines.slice(1)) {
    const [ts, , score, alert] = line.split(',');
    const x = Number(score);
    if (!(x >= 0 && x <= 1) || (alert !== '0' && alert !== '1')) throw new Error(`${name}: bad output row ${line}`);
    s.timestamps.push(ts);
    s.scores.push(x);
    s.alerts.push(alert === '1');
  }
  return s;
}

async function detectFile(name: string): Promise<Series> {
  const input = path.join(dataDir, 'data', name);
  const inputRows = fs.readFileSync(input, 'utf8').trim().split(/\r?\n/).length - 1;
  let csv: string;
  if (values['in-process']) {
    const d = new SeriesDetector();
    const rows = fs.readFileSync(input, 'utf8').trim().split(/\r?\n/).slice(1);
    csv = `timestamp,value,anomaly_score,alert\n${rows
      .map((r) => {
        const [ts, v] = r.split(',');
        const o = d.step(parseTimestamp(ts), Number(v));
        return `${ts},${v},${o.score},${o.alert ? 1 : 0}`;
      })
      .join('\n')}`;
  } else {
    const output = path.join(tmp, name.replaceAll('/', '__'));
    await run(process.execPath, [path.join(root, 'bin/firebreak.js'), 'detect', '--input', input, '--output', output]);
    csv = fs.readFileSync(output, 'utf8');
  }
  const s = readResult(name, csv);
  if (s.timestamps.length !== inputRows) throw new Error(`${name}: ${inputRows} rows in, ${s.timestamps.length} out`);
  return s;
}

try {
  const t0 = performance.now();
  const series: Series[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(4, os.cpus().length)) }, async () => {
      while (next < names.length) {
        const name = names[next++];
        series.push(await detectFile(name));
        log(`  ${series.length}/${names.length} ${name}`);
      }
    }),
  );
  series.sort((a, b) => a.name.localeCompare(b.name));
  const detectSeconds = (performance.now() - t0) / 1000;
  const profiles = loadProfiles(path.join(dataDir, 'profiles.json'));
  const round = (c: CorpusScore) => Number(c.score.toFixed(1));
  const alertColumn: Record<string, number> = {};
  const bestScore: Record<string, { score: number; threshold: number }> = {};
  for (const [p, profile] of Object.entries(profiles)) {
    alertColumn[p] = round(
      normalisedScore(
        series.map((s) => ({ timestamps: s.timestamps, detections: s.alerts, windows: s.windows })),
        profile,
      ),
    );
    const b = bestThreshold(series, profile);
    bestScore[p] = { score: round(b), threshold: Number(b.threshold.toFixed(4)) };
  }
  // Windows with at least one alert, and alerts outside every window (after the probation period).
  let windowsDetected = 0;
  let windowsTotal = 0;
  let alertsOutside = 0;
  for (const s of series) {
    const rows = windowRows(s.timestamps, s.windows);
    windowsTotal += rows.length;
    windowsDetected += rows.filter(([a, b]) => s.alerts.slice(a, b + 1).includes(true)).length;
    const start = probationLength(s.timestamps.length);
    alertsOutside += s.alerts.filter((x, i) => x && i >= start && !rows.some(([a, b]) => i >= a && i <= b)).length;
  }

  // Synthetic social-media mention counts with labelled incidents (bench/social-counts.ts), scored the
  // same way: with the CLI's defaults, and as the server runs mention volume (rises only, counts).
  const social = (opts: DetectorOptions) => {
    const files = socialCorpus(1).map((s) => {
      const d = new SeriesDetector(opts);
      return { ...s, detections: s.values.map((v, k) => d.step(parseTimestamp(s.timestamps[k]), v).alert) };
    });
    let found = 0;
    let incidents = 0;
    let falseAlerts = 0;
    let scoredDays = 0;
    const delays: number[] = [];
    for (const f of files) {
      const rows = windowRows(f.timestamps, f.windows);
      incidents += rows.length;
      for (const [j, [a, b]] of rows.entries()) {
        const i = f.detections.findIndex((x, k) => x && k >= a && k <= b);
        if (i < 0) continue;
        found++;
        delays.push((i - f.onsets[j]) * 5);
      }
      const start = probationLength(f.timestamps.length);
      scoredDays += (f.timestamps.length - start) / 288;
      falseAlerts += f.detections.filter((x, k) => x && k >= start && !rows.some(([a, b]) => k >= a && k <= b)).length;
    }
    delays.sort((a, b) => a - b);
    const scores = Object.fromEntries(Object.entries(profiles).map(([p, profile]) => [p, round(normalisedScore(files, profile))]));
    return {
      ...scores,
      incidentsFound: `${found}/${incidents}`,
      falseAlerts,
      falseAlertsPerTopicPerWeek: Number(((falseAlerts / scoredDays) * 7).toFixed(2)),
      minutesFromOnsetToAlert: { p50: delays[Math.floor(delays.length / 2)], p90: delays[Math.floor(delays.length * 0.9)] },
    };
  };
  const socialCounts = {
    note: '48 synthetic topics × 4 weeks of 5-minute counts, 56 labelled incidents (bench/social-counts.ts), NAB scoring',
    cliDefaults: social({}),
    serverVolume: social({ direction: 'up', kind: 'count' }),
  };

  // CPU: 1,000 topics × 4 signals stepped through a day of 5-minute ticks.
  const topics = 1000;
  const detectors = Array.from({ length: topics * 4 }, () => new SeriesDetector());
  const ticks = 288;
  const c0 = process.cpuUsage();
  for (let k = 0; k < ticks; k++) {
    const t = Date.UTC(2026, 0, 1) + k * 300_000;
    for (let i = 0; i < detectors.length; i++) detectors[i].step(t, (i * 7 + k * 13) % 23);
  }
  const cpu = process.cpuUsage(c0);

  const result = {
    machine: { cpus: os.cpus().length, node: process.versions.node },
    corpus: { files: series.length, rows: series.reduce((a, s) => a + s.timestamps.length, 0), windows: windowsTotal },
    how: values['in-process'] ? 'in process (same detector code)' : 'firebreak detect, one process per file',
    seconds: Number(detectSeconds.toFixed(1)),
    alertColumn: { ...alertColumn, windowsDetected, alertsOutsideWindows: alertsOutside },
    anomalyScoreBestThreshold: bestScore,
    anchors: {
      note: 'published, whole NAB corpus, standard profile, threshold tuned on labels',
      ARTime: 74.9,
      NumentaHTM: 70.5,
      CADOSE: 69.9,
      TwitterADVec: 47.1,
    },
    target: { alertColumnStandard: 70 },
    socialCounts,
    detectorCpu: { msPer1000TopicsPerTick: Number(((cpu.user + cpu.system) / 1000 / ticks).toFixed(2)), signalsPerTopic: 4 },
    files: values.files
      ? Object.fromEntries(
          series.map((s) => {
            const f = scoreFile(s.timestamps, s.alerts, s.windows, profiles.standard);
            return [s.name, { raw: Number(f.raw.toFixed(3)), tp: f.tp, fp: f.fp, fn: f.fn, windows: s.windows.length }];
          }),
        )
      : undefined,
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
