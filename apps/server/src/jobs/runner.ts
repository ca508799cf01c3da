/** Runs the background jobs on timers; each tick is independent and errors are logged, not thrown. */
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../lib/context.ts';
import { dispatchOutbox } from './outbox-dispatcher.ts';
import { channelSender } from '../modules/notify/channels.ts';
import { runSlaWatcher } from './sla-watcher.ts';
import { refreshAllRollups } from './rollups.ts';
import { groupIncidents } from '../modules/incidents/service.ts';
import { detectAlerts } from '../modules/alerts/service.ts';
import { retrainIfDue } from '../modules/classify/train-job.ts';
import { applyRetention } from '../modules/privacy/service.ts';
import { autoCloseResolved, notifySubscribers } from '../modules/public/jobs.ts';
import { tickModes } from '../modules/modes/service.ts';
import { ensureMonthsAhead } from './partitions.ts';

export function startJobs(deps: AppDeps, log: FastifyBaseLogger): () => Promise<void> {
  let stopped = false;
  const running = new Set<Promise<unknown>>();
  const run = (name: string, fn: () => Promise<unknown>): void => {
    if (stopped) return;
    const p = fn()
      .catch((err: unknown) => log.warn({ job: name, err: (err as Error).message }, 'job failed'))
      .finally(() => running.delete(p));
    running.add(p);
  };
  const every = (name: string, ms: number, fn: () => Promise<unknown>): NodeJS.Timeout => {
    const t = setInterval(() => run(name, fn), ms);
    t.unref();
    return t;
  };
  const sender = channelSender(deps.config.notify, deps.now);
  const partitions = (): Promise<number> => ensureMonthsAhead(deps.db, deps.now());
  run('partitions', partitions);
  const timers = [
    every('outbox', 1000, () => dispatchOutbox(deps.db, sender, deps.now)),
    every('sla', 30_000, () => runSlaWatcher(deps.db, deps.now(), deps.config.cityTimeZone)),
    every('rollups', 10_000, () => refreshAllRollups(deps.db, deps.now())),
    every('incidents', 15_000, () => groupIncidents(deps.db, deps.now())),
    every('alerts', 30_000, () => detectAlerts(deps.db, deps.now())),
    every('training', 600_000, () => retrainIfDue(deps.db)),
    every('retention', 3_600_000, () => applyRetention(deps.db, deps.now(), deps.config.retentionDays)),
    every('auto-close', 300_000, () => autoCloseResolved(deps)),
    every('subscriptions', 5_000, () => notifySubscribers(deps.db, deps.now())),
    every('partitions', 6 * 3_600_000, partitions),
    every('modes', 60_000, () =>
      tickModes(deps.db, deps.config.cityId, deps.config.cityTimeZone, deps.now()),
    ),
  ];
  return async () => {
    stopped = true;
    timers.forEach(clearInterval);
    await Promise.allSettled([...running]);
  };
}
