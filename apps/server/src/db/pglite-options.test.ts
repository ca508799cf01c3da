import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { openDb } from './client.ts';

describe('the embedded database’s settings', () => {
  it('takes its shared buffers from PGLITE_SHARED_BUFFERS_MB (default 16)', async () => {
    expect(loadConfig({}).pgliteSharedBuffersMb).toBe(16);
    const mb = loadConfig({ PGLITE_SHARED_BUFFERS_MB: '24' }).pgliteSharedBuffersMb;
    const db = await openDb({ dataDir: 'memory://', pgliteSharedBuffersMb: mb });
    try {
      expect(await db.query('SHOW shared_buffers')).toEqual([{ shared_buffers: '24MB' }]);
    } finally {
      await db.close();
    }
  });
});
