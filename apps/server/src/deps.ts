/** Wires the application's dependencies from the configuration. */
import { join } from 'node:path';
import type { Config } from './config.ts';
import { openDb, type Db } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import type { AppDeps, LiveEvent } from './lib/context.ts';
import { createClassifier } from './modules/classify/service.ts';
import { createLiveHub, type LiveHub } from './modules/live/hub.ts';

export interface Runtime {
  deps: AppDeps;
  live: LiveHub;
  close(): Promise<void>;
}

export async function openDatabase(config: Config, schema?: string): Promise<Db> {
  return openDb({
    url: config.databaseUrl,
    dataDir: join(config.dataDir, 'pglite'),
    poolSize: config.databasePoolSize,
    parallelWorkers: config.databaseParallelWorkers,
    pgliteSharedBuffersMb: config.pgliteSharedBuffersMb,
    statementTimeoutMs: config.statementTimeoutMs,
    ...(schema ? { schema } : {}),
  });
}

export async function createRuntime(
  config: Config,
  opts: { db?: Db; now?: () => Date } = {},
): Promise<Runtime> {
  const ownsDb = !opts.db;
  const db = opts.db ?? (await openDatabase(config));
  await migrate(db);
  const readDb = config.databaseReplicaUrl
    ? await openDb({
        url: config.databaseReplicaUrl,
        poolSize: config.databasePoolSize,
        parallelWorkers: config.databaseParallelWorkers,
      })
    : db;
  const live = await createLiveHub(db);
  const deps: AppDeps = {
    config,
    db,
    readDb,
    classifier: createClassifier(db),
    now: opts.now ?? (() => new Date()),
    publish: (e: LiveEvent) => live.publish(e),
    subscribe: (fn) => live.subscribe(fn),
  };
  return {
    deps,
    live,
    async close() {
      await live.close();
      if (readDb !== db) await readDb.close();
      if (ownsDb) await db.close();
    },
  };
}
