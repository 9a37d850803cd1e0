// Uploaded scenario files are parsed off the event loop. A hostile file within the 2 MB cap ('['.repeat(1.9M),
// '- '.repeat(950k)…) takes the YAML reader 5–15 s or more, and parsed inline that stopped every request and live
// connection of the server for as long. Files past a few kilobytes go to one worker thread, one at a time, with a
// deadline and a memory cap: past either the worker is dropped (a new one starts for the next file) and the file
// gets one problem saying so. Small files, and the shipped ones, are parsed inline (a few milliseconds).
import { Worker } from 'node:worker_threads';
import { parseScenario, type ScenarioParse } from './scenarios.ts';

/** How long a file may take to read. */
export const PARSE_DEADLINE_MS = 5_000;
/** Files up to this many characters are parsed inline (a real scenario of this size reads in ~10 ms). */
const INLINE_CHARS = 20_000;
const WORKER_HEAP_MB = 512;

let worker: Worker | null = null;
let queue: Promise<unknown> = Promise.resolve();

const problem = (message: string): ScenarioParse => ({ ok: false, issues: [{ line: 1, column: 1, path: '', message }] });

function spawn(): Worker {
  const w = new Worker(new URL('./scenario-parse-worker.ts', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  // An idle worker never keeps the process alive, and one that dies is replaced on the next file.
  w.unref();
  w.on('error', () => {});
  w.on('exit', () => {
    if (worker === w) worker = null;
  });
  return w;
}

function parseInWorker(text: string, deadlineMs: number): Promise<ScenarioParse> {
  worker ??= spawn();
  const w = worker;
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: ScenarioParse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      w.off('message', done);
      w.off('exit', died);
      resolve(r);
    };
    const died = () => done(problem('The file could not be read: it needs more memory than a scenario file may use.'));
    const timer = setTimeout(() => {
      done(problem(`The file could not be read within ${deadlineMs / 1000} s; a scenario file reads in well under a second.`));
      if (worker === w) worker = null;
      void w.terminate();
    }, deadlineMs);
    w.on('message', done);
    w.on('exit', died);
    w.postMessage(text);
  });
}

/** Parses an uploaded scenario file's text without holding the event loop; never throws. */
export function parseUploadedScenario(text: string, deadlineMs = PARSE_DEADLINE_MS): Promise<ScenarioParse> {
  if (text.length <= INLINE_CHARS) return Promise.resolve(parseScenario(text));
  const job = queue.then(() => parseInWorker(text, deadlineMs));
  queue = job.catch(() => {});
  return job;
}
