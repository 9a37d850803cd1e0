// Fails when the TypeScript schema and the committed migrations have drifted apart:
// drizzle-kit generates into a scratch copy of migrations/, and any new file means drift.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-drift-'));
try {
  fs.cpSync('migrations', scratch, { recursive: true });
  const before = new Set(fs.readdirSync(scratch));
  const out = execFileSync(process.execPath, ['node_modules/drizzle-kit/bin.cjs', 'generate', '--name', 'drift'], {
    env: { ...process.env, DRIZZLE_OUT: scratch },
    encoding: 'utf8',
  });
  const added = fs.readdirSync(scratch).filter((f) => !before.has(f));
  if (added.length) {
    console.error(`Schema and migrations have drifted: drizzle-kit would generate ${added.join(', ')}.`);
    console.error('Run `npm run db:generate -- --name <what-changed>` and commit the new migration.');
    console.error(out);
    process.exit(1);
  }
  console.log('Migrations match the schema.');
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
