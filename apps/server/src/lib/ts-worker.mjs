// Worker-thread bootstrap: registers tsx so that a TypeScript module can run in a worker on
// every supported Node version, then imports it. The module reads its input from workerData.data.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
