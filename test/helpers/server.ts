// Starts a real Firebreak HTTP server on loopback against a fresh test database.

import type { Clock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { buildServer } from '../../src/server.ts';
import { createTestDatabase, onCleanup } from './db.ts';

/** Options for a test server. */
export type TestServerOptions = {
  clock?: Clock;
  databaseUrl?: string;
  env?: Record<string, string>;
  /** Started with --demo (the demo stays open after setup). */
  demo?: boolean;
  /** Scenario files (default: the shipped `scenarios/`). */
  scenariosDir?: string;
  /** Background jobs, polls and the scenario player (default on). */
  background?: boolean;
};

/** A listening server, its base URL, and its services; closed automatically after the file's tests. */
export async function startTestServer(opts: TestServerOptions = {}) {
  const databaseUrl = opts.databaseUrl ?? (await createTestDatabase());
  const config = loadConfig({
    FIREBREAK_LOG_LEVEL: 'silent',
    FIREBREAK_BUILD_WEB: '0',
    FIREBREAK_RATE_LIMIT_PER_MINUTE: '100000',
    ...opts.env,
  });
  const server = await buildServer({
    config,
    databaseUrl,
    clock: opts.clock,
    fastHashing: true,
    logger: false,
    demo: opts.demo,
    scenariosDir: opts.scenariosDir,
    background: opts.background,
  });
  await server.start();
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await server.close();
  };
  onCleanup(close);
  return { url: `http://127.0.0.1:${port}`, server, databaseUrl, close, config };
}
