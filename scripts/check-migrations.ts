// Fails when the TypeScript schema and the committed migrations have drifted apart:
// drizzle-kit generates into a scratch copy of migrations/, and any new file means drift.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// drizzle-kit joins `out` onto './', so the scratch copy must be a relative path inside the project.
fs.mkdirSync('.tmp', { recursive: true });
const scratch = path.relative(process.cwd(), fs.mkdtempSync(path.join('.tmp', 'drift-')));
let code = 0;
try {
  fs.cpSync('migrations', scratch, { recursive: true });
  const before = new Set(fs.readdirSync(scratch));
  const run = spawnSync(process.execPath, ['node_modules/drizzle-kit/bin.cjs', 'generate', '--name', 'drift'], {
    env: { ...process.env, DRIZZLE_OUT: scratch },
    encoding: 'utf8',
  });
  const out = `${run.stdout}\n${run.stderr}`;
  const added = fs.readdirSync(scratch).filter((f) => !before.has(f));
  if (run.status !== 0 || /Error/.test(out) || (!added.length && !/No schema changes/.test(out))) {
    console.error(`drizzle-kit failed, so drift cannot be checked:\n${out}`);
    code = 1;
  } else if (added.length) {
    console.error(`Schema and migrations have drifted: drizzle-kit would generate ${added.join(', ')}.`);
    console.error('Run `npm run db:generate -- --name <what-changed>` and commit the new migration.');
    code = 1;
  } else {
    console.log('Migrations match the schema.');
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
process.exit(code);
