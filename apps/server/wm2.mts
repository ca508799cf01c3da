import { openDb } from './src/db/client.ts';
const mb = () => Math.round(process.memoryUsage().rss / 1048576);
console.log('node+tsx', mb());
const db = await openDb({ dataDir: process.env.DIR ?? 'memory://', pgliteSharedBuffersMb: Number(process.env.SB ?? 128) });
console.log('pglite open', mb());
await db.query('SELECT 1');
const { migrate } = await import('./src/db/migrate.ts');
await migrate(db);
console.log('migrated', mb(), process.memoryUsage());
