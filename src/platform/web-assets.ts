// Serves the built web app (dist/web) with an SPA fallback, and builds it when missing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (where package.json lives). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where Vite writes the web app (FIREBREAK_WEB_DIST overrides, for parallel development builds). */
export const webDist = path.resolve(projectRoot, process.env.FIREBREAK_WEB_DIST ?? 'dist/web');

/** Builds the web app with Vite if dist/web/index.html is missing; returns whether it built. */
export function ensureWebBuilt(log: (m: string) => void): boolean {
  if (fs.existsSync(path.join(webDist, 'index.html'))) return false;
  log('Building the web app (first start only)…');
  const vite = path.join(projectRoot, 'node_modules/vite/bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', webDist], { cwd: projectRoot, stdio: 'inherit' });
  return true;
}
