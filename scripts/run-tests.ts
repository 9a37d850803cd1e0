// Runs test files with Node's test runner against one embedded PostgreSQL cluster (or DATABASE_URL),
// and always stops the cluster afterwards, even on Ctrl-C.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startTestCluster } from '../test/helpers/cluster.ts';

function findTests(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules') findTests(p, out);
    else if (e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
const e2e = args.includes('--e2e');
const unit = args.includes('--unit');
let files = only.length ? only : [...findTests('src'), ...findTests('test')];
if (!only.length && unit) files = files.filter((f) => !f.includes(`${path.sep}e2e${path.sep}`));
if (!only.length && e2e) files = files.filter((f) => f.includes(`${path.sep}e2e${path.sep}`));
files.sort((a, b) => Number(a.includes('e2e')) - Number(b.includes('e2e')) || a.localeCompare(b));

const cluster = await startTestCluster();
let child: ReturnType<typeof spawn> | undefined;
const stop = async (code: number) => {
  await cluster.stop().catch(() => {});
  process.exit(code);
};
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    child?.kill(sig);
    void stop(130);
  });
}
/** Runs some files in one `node --test`; resolves with its exit code. */
function run(list: string[], concurrency: number): Promise<number> {
  return new Promise((resolve) => {
    child = spawn(
      process.execPath,
      ['--test', `--test-concurrency=${concurrency}`, '--test-timeout=120000', '--test-reporter=spec', ...list],
      { stdio: 'inherit', env: { ...process.env, FIREBREAK_TEST_ADMIN_URL: cluster.adminUrl } },
    );
    child.on('exit', (code) => resolve(code ?? 1));
  });
}
// Server and unit tests two at a time; browser tests one at a time after them: each runs a server and a
// Chromium, and two of those side by side on a 2-core machine made clicks and waits time out now and then.
const isE2e = (f: string) => f.includes(`${path.sep}e2e${path.sep}`);
const first = files.filter((f) => !isE2e(f));
const browser = files.filter(isE2e);
let code = first.length ? await run(first, 2) : 0;
if (browser.length) code = (await run(browser, 1)) || code;
await stop(code);
