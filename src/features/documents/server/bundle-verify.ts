// Verifying an evidence bundle without the server: the manifest is checked against its schema, the SHA-256 and
// size of every listed file and captured text are recomputed from the ZIP, files the manifest does not list are
// reported, and every custody entry's hash is recomputed from its fields (so an edited custody line shows). No
// database, no network: counsel can run it on their own machine.
import { createHash } from 'node:crypto';
import { type BundleManifest, bundleManifest, MANIFEST_HTML, MANIFEST_JSON } from './bundle-manifest.ts';
import { defaultZipLimits, openZip, type ZipDirEntry, type ZipLimits, ZipRefused } from './bundle-zip-read.ts';
import { custodyEntryHash } from './evidence-custody.ts';

export { ZipRefused } from './bundle-zip-read.ts';

/** One thing that does not match. */
export type VerifyProblem = {
  kind: 'manifest' | 'missing' | 'mismatch' | 'size' | 'unlisted' | 'duplicate' | 'custody';
  path?: string;
  documentNumber?: number;
  expected?: string;
  actual?: string;
  message: string;
};

/** The outcome: `ok` only when nothing is missing, extra or different. */
export type VerifyReport = {
  ok: boolean;
  bundleId: string | null;
  createdAt: string | null;
  createdBy: string | null;
  organisation: string | null;
  items: number;
  /** Listed files and texts whose bytes were hashed and matched. */
  matched: string[];
  problems: VerifyProblem[];
};

/** The largest manifest.json read (bytes). */
const MAX_MANIFEST = 64 * 1024 * 1024;

type Expected = { sha256: string; size: number; documentNumber: number };

function expectedFiles(m: BundleManifest, problems: VerifyProblem[]): Map<string, Expected> {
  const map = new Map<string, Expected>();
  for (const it of m.items) {
    const listed = [{ path: it.text.path, sha256: it.text.sha256, size: it.text.size }, ...it.files];
    for (const f of listed) {
      const seen = map.get(f.path);
      if (seen && seen.sha256 !== f.sha256)
        problems.push({
          kind: 'manifest',
          path: f.path,
          documentNumber: it.number,
          message: `${f.path} is listed twice with different hashes.`,
        });
      map.set(f.path, { sha256: f.sha256, size: f.size, documentNumber: it.number });
    }
    for (const c of it.custody) {
      const actual = custodyEntryHash(m.organisation.id, it.documentId, c);
      if (actual !== c.hash)
        problems.push({
          kind: 'custody',
          documentNumber: it.number,
          expected: c.hash,
          actual,
          message: `D-${it.number}: custody event ${c.eventId} (${c.type}) does not match its hash.`,
        });
    }
  }
  return map;
}

/** Verifies the bundle at `file`; throws ZipRefused when it cannot be read safely (not a ZIP, a zip bomb …). */
export async function verifyBundle(file: string, limits: ZipLimits = defaultZipLimits): Promise<VerifyReport> {
  const zip = await openZip(file, limits);
  const report: VerifyReport = {
    ok: false,
    bundleId: null,
    createdAt: null,
    createdBy: null,
    organisation: null,
    items: 0,
    matched: [],
    problems: [],
  };
  const { problems } = report;
  try {
    const byName = new Map<string, ZipDirEntry>();
    for (const e of zip.entries) {
      if (byName.has(e.name)) problems.push({ kind: 'duplicate', path: e.name, message: `${e.name} appears more than once in the ZIP.` });
      byName.set(e.name, e);
    }
    const manifestEntry = byName.get(MANIFEST_JSON);
    if (!manifestEntry) {
      problems.push({ kind: 'manifest', path: MANIFEST_JSON, message: 'The bundle has no manifest.json.' });
      return report;
    }
    if (manifestEntry.size > MAX_MANIFEST) throw new ZipRefused(`manifest.json is larger than ${MAX_MANIFEST} bytes.`);
    const parts: Uint8Array[] = [];
    await zip.read(manifestEntry, (c) => parts.push(c.slice()));
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.concat(parts).toString('utf8'));
    } catch {
      problems.push({ kind: 'manifest', path: MANIFEST_JSON, message: 'manifest.json is not valid JSON.' });
      return report;
    }
    const r = bundleManifest.safeParse(parsed);
    if (!r.success) {
      for (const i of r.error.issues.slice(0, 20))
        problems.push({ kind: 'manifest', path: MANIFEST_JSON, message: `manifest.json ${i.path.join('.') || '(root)'}: ${i.message}` });
      return report;
    }
    const m = r.data;
    Object.assign(report, {
      bundleId: m.bundleId,
      createdAt: m.createdAt,
      createdBy: m.createdBy.name,
      organisation: m.organisation.name,
      items: m.items.length,
    });
    const expected = expectedFiles(m, problems);
    for (const [path, want] of expected) {
      const entry = byName.get(path);
      if (!entry) {
        problems.push({
          kind: 'missing',
          path,
          documentNumber: want.documentNumber,
          message: `${path} is listed in the manifest but not in the bundle.`,
        });
        continue;
      }
      const hash = createHash('sha256');
      const size = await zip.read(entry, (c) => hash.update(c));
      const sha = hash.digest('hex');
      if (sha !== want.sha256)
        problems.push({
          kind: 'mismatch',
          path,
          documentNumber: want.documentNumber,
          expected: want.sha256,
          actual: sha,
          message: `${path}: SHA-256 differs.`,
        });
      else if (size !== want.size)
        problems.push({
          kind: 'size',
          path,
          documentNumber: want.documentNumber,
          expected: String(want.size),
          actual: String(size),
          message: `${path}: size differs.`,
        });
      else report.matched.push(path);
    }
    for (const name of byName.keys()) {
      if (name === MANIFEST_JSON || name === MANIFEST_HTML || expected.has(name)) continue;
      problems.push({ kind: 'unlisted', path: name, message: `${name} is in the bundle but not listed in the manifest.` });
    }
    report.ok = problems.length === 0;
    return report;
  } finally {
    await zip.close();
  }
}
