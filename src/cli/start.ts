// `firebreak start`: PostgreSQL, migrations, web build, HTTP and live updates; clean shutdown on signals.
import { performance } from 'node:perf_hooks';
import { openDemo } from '../features/drills/server/demo.ts';
import { setUpFromEnvironment } from '../features/people/server/setup.ts';
import type { Config } from '../platform/config.ts';
import { openDatabase, StartupError } from '../platform/database-target.ts';
import { fileStoreFor } from '../platform/files.ts';
import { runMigrations } from '../platform/migrate.ts';
import { ensureWebBuilt } from '../platform/web-assets.ts';
import { buildServer } from '../server.ts';

const SHUTDOWN_BUDGET_MS = 9000;

/** Starts the whole product and resolves once it listens; returns a stop function. */
export async function startFirebreak(config: Config, log: (m: string) => void = (m) => console.log(m), opts: { demo?: boolean } = {}) {
  const t0 = performance.now();
  const files = fileStoreFor(config);
  // A bucket that does not answer, does not exist or refuses the credentials stops the start with that reason,
  // rather than every upload failing later.
  if (files.s3) {
    await files.s3.check().catch((e: Error) => {
      files.s3?.close();
      throw new StartupError(`Cannot use the object storage (FIREBREAK_S3_*): ${e.message}`);
    });
    log(`Uploaded files are kept in ${files.s3.description}.`);
  }
  const target = await openDatabase(config, { exclusive: true, log });
  let server: Awaited<ReturnType<typeof buildServer>> | undefined;
  try {
    await runMigrations(target.url);
    if (config.buildWeb) ensureWebBuilt(log);
    server = await buildServer({ config, databaseUrl: target.url, demo: opts.demo });
    if (await setUpFromEnvironment(server.deps, { orgName: config.orgName, email: config.adminEmail, password: config.adminPassword })) {
      log(`Created the organisation and admin ${config.adminEmail} from the environment.`);
    }
    await server.start();
    await server.app.listen({ port: config.port, host: config.host });
  } catch (e) {
    await server?.close().catch(() => {});
    await target.release();
    files.s3?.close();
    throw e;
  }
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;
  target.lock?.update({ pgPort: target.embedded?.port, url });
  const ms = Math.round(performance.now() - t0);
  log(`Firebreak is listening on ${url} (ready in ${ms} ms${target.embedded ? ', embedded PostgreSQL' : ''})`);
  if (opts.demo) {
    // Unattended demo: open it (a month of history takes a few seconds) and say where to pick a person.
    const info = await openDemo(server.drillDeps, config.demoLocale);
    log(`Demo: ${info.demo?.orgName ?? ''} — "${info.demo?.scenarioTitle ?? ''}" is playing. Pick a person at ${url}/demo`);
  }
  const srv = server;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await Promise.race([srv.close(), new Promise((r) => setTimeout(r, SHUTDOWN_BUDGET_MS - 2000).unref())]);
      // After HTTP has drained: no download is still reading from the bucket.
      files.s3?.close();
      await target.release();
    })();
    return stopping;
  };
  return { url, port, stop, server: srv, readyMs: ms };
}

/** Runs until SIGINT/SIGTERM, then drains HTTP and stops the database within 10 s.
 *  A signal that arrives during start-up stops the server as soon as start-up has finished. */
export async function runUntilSignalled(config: Config, opts: { demo?: boolean } = {}) {
  let running: Awaited<ReturnType<typeof startFirebreak>> | undefined;
  let signalled: NodeJS.Signals | undefined;
  const shutDown = () => {
    if (!running) return; // start-up finishes first, then sees `signalled`
    const force = setTimeout(() => {
      console.error('Shutdown took too long; exiting.');
      process.exit(1);
    }, SHUTDOWN_BUDGET_MS);
    force.unref();
    running.stop().then(
      () => {
        console.log('Firebreak stopped.');
        process.exit(0);
      },
      (e) => {
        console.error(`Shutdown error: ${(e as Error).message}`);
        process.exit(1);
      },
    );
  };
  const onSignal = (sig: NodeJS.Signals) => {
    if (signalled) {
      console.error(`Second ${sig}: exiting now.`);
      process.exit(1);
    }
    signalled = sig;
    console.log(`${sig} received: shutting down…`);
    shutDown();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  running = await startFirebreak(config, undefined, opts);
  if (signalled) shutDown();
}
