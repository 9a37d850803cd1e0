// `firebreak evidence verify BUNDLE.zip`: checks an exported evidence bundle on any machine, without the server
// or a database. Exit 0 when every listed file and text matches and nothing is missing or extra, 1 when anything
// does not (or the ZIP is refused: not a ZIP, a zip bomb), 2 for usage errors.
import fs from 'node:fs';
import { type VerifyReport, verifyBundle, ZipRefused } from '../features/documents/server/bundle-verify.ts';

type Values = Record<string, string | boolean | undefined>;

function usage(message: string): number {
  console.error(`${message}\nUsage: firebreak evidence verify BUNDLE.zip [--json]`);
  return 2;
}

function printReport(r: VerifyReport) {
  console.log(`Evidence bundle ${r.bundleId ?? '(unknown)'}`);
  if (r.createdAt) console.log(`  created ${r.createdAt} by ${r.createdBy ?? '?'} for ${r.organisation ?? '?'}; ${r.items} item(s)`);
  for (const p of r.matched) console.log(`  OK        ${p}`);
  for (const p of r.problems) {
    const label = p.kind.toUpperCase().padEnd(9);
    const detail = p.expected ? ` (expected ${p.expected}, found ${p.actual})` : '';
    console.log(`  ${label} ${p.message}${detail}`);
  }
  console.log(
    r.ok
      ? `Everything matches: ${r.matched.length} file(s) verified.`
      : `NOT VERIFIED: ${r.problems.length} problem(s); the bundle is not as it was exported.`,
  );
}

/** `firebreak evidence verify` */
export async function evidenceVerifyCommand(v: Values, args: string[]): Promise<number> {
  if (args.length !== 1) return usage('Give exactly one bundle file.');
  const file = args[0];
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return usage(`No such file: ${file}`);
  }
  if (!stat.isFile()) return usage(`Not a file: ${file}`);
  let report: VerifyReport;
  try {
    report = await verifyBundle(file);
  } catch (e) {
    if (!(e instanceof ZipRefused)) throw e;
    if (v.json) console.log(JSON.stringify({ ok: false, refused: e.message }));
    else console.log(`REFUSED: ${e.message}`);
    return 1;
  }
  if (v.json) console.log(JSON.stringify(report, null, 2));
  else printReport(report);
  return report.ok ? 0 : 1;
}
