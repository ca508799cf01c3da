import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8109,
      cityTimeZone: 'Asia/Almaty',
      cityId: 'astana',
      seedDemo: true,
      logLevel: 'info',
      env: 'development',
    });
    expect(c.dataDir.endsWith('data')).toBe(true);
  });

  it('does not seed the demo by default on PostgreSQL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://x@localhost/db' }).seedDemo).toBe(false);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://x',
        CITY_TIME_ZONE: 'Mars/Olympus',
        SEED_DEMO: 'maybe',
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      for (const v of ['PORT', 'LOG_LEVEL', 'DATABASE_URL', 'CITY_TIME_ZONE', 'SEED_DEMO'])
        expect(problems).toContain(v);
    }
  });

  it('takes a map tile URL template with {z}, {x} and {y} only', () => {
    expect(loadConfig({}).mapTileUrl).toBeUndefined();
    const url = 'https://tiles.example.kz/{z}/{x}/{y}.png';
    expect(loadConfig({ MAP_TILE_URL: url }).mapTileUrl).toBe(url);
    expect(() => loadConfig({ MAP_TILE_URL: 'https://tiles.example.kz/tile.png' })).toThrow(/MAP_TILE_URL/);
    expect(() => loadConfig({ MAP_TILE_URL: 'ftp://x/{z}/{x}/{y}' })).toThrow(/MAP_TILE_URL/);
  });
});
