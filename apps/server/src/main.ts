/** Boot: config → database → migrations → demo seed → app → listen → jobs (KOMEK_WORKERS processes on PostgreSQL). */
import cluster from 'node:cluster';
import v8 from 'node:v8';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { buildApp } from './app.ts';
import { createRuntime } from './deps.ts';
import { startJobs } from './jobs/runner.ts';

const here = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee the README's Configuration section.\n`);
      process.exit(1);
    }
    throw err;
  }
  // With the embedded database, memory for the server's one process (docs/SCALING.md, PGlite at
  // 1 M requests, measured against the defaults):
  // - PGlite's WebAssembly (PostgreSQL itself) compiled by the optimising compiler alone, each
  //   function when first called: V8's baseline compiler keeps a second copy of every function
  //   it ran (≈ 14 MB at the end of the suite; ≈ 1–2 s more to start). Before it is compiled.
  // - The JavaScript heap allowed to grow 1.3× its live size between full collections, not up to
  //   4×: under load it had reached 200 MB for ≈ 50 MB live (the process 412 MB); now the process
  //   stays within 290–315 MB with 32 MB of PGlite's buffers (274–299 with 16, the default), with
  //   no loss of throughput measured.
  if (!config.databaseUrl && !config.v8Defaults) {
    v8.setFlagsFromString('--no-liftoff');
    v8.setFlagsFromString('--heap-growing-percent=30');
  }
  if (config.workers > 1 && cluster.isPrimary) {
    // The primary applies migrations and seeds once, then forks the HTTP workers; each worker
    // runs the API and the jobs, which claim work with SKIP LOCKED so none is done twice.
    const boot = await createRuntime(config);
    if (config.seedDemo) {
      const { seedDemoCity } = await import('./seed/demo.ts');
      await seedDemoCity(boot.deps.db, { now: new Date(), requests: config.seedDemoRequests });
    }
    await boot.close();
    for (let i = 0; i < config.workers; i++) cluster.fork();
    cluster.on('exit', (worker, code, signal) => {
      if (signal !== 'SIGTERM' && code !== 0) cluster.fork();
    });
    process.stdout.write(`Komek: ${config.workers} workers on http://localhost:${config.port}\n`);
    return;
  }
  const runtime = await createRuntime(config);
  const { deps } = runtime;
  const app = await buildApp({ deps, webDist: join(here, '..', '..', 'web', 'dist'), logger: true });
  if (deps.db.kind === 'pglite') {
    app.log.warn(
      'embedded database (PGlite): data in %s; PGlite runs with fsync off, so a power loss or OS crash can lose the last writes — use DATABASE_URL=postgres://… in production',
      join(config.dataDir, 'pglite'),
    );
  }
  if (config.seedDemo && cluster.isPrimary) {
    const { seedDemoCity } = await import('./seed/demo.ts');
    const t0 = Date.now();
    const r = await seedDemoCity(deps.db, { now: deps.now(), requests: config.seedDemoRequests });
    if (r.seeded) {
      const { rebuildAll } = await import('./modules/analytics/rollups.ts');
      await rebuildAll(deps.db, 'astana', 'Asia/Almaty');
      const { seedKbDemo } = await import('./modules/kb/demo.ts');
      await seedKbDemo(deps.db, 'astana');
      app.log.info('demo city seeded in %d s', Math.round((Date.now() - t0) / 1000));
    }
  }
  if (config.jobs && cluster.isPrimary) {
    // A first model from the city's history, trained in a worker thread while the server answers.
    const { retrainIfDue } = await import('./modules/classify/train-job.ts');
    retrainIfDue(deps.db)
      .then((r) =>
        r.forEach((m) => app.log.info('classifier for %s trained: version %d', m.cityId, m.version)),
      )
      .catch((err: unknown) => app.log.warn({ err: (err as Error).message }, 'classifier training failed'));
  }
  const stopJobs = config.jobs ? startJobs(deps, app.log) : async () => undefined;
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `Komek is running on http://localhost:${config.port} (database: ${deps.db.kind}); API docs at /docs`,
  );
  const shutdown = async (signal: string): Promise<void> => {
    app.log.info({ signal }, 'shutting down');
    await stopJobs();
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

await main();
