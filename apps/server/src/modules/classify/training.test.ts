import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { CITY } from '../../../test/factories.ts';
import { predictLinear, trainLinear } from '@komek/domain/text/linear-classifier';
import { retrainIfDue } from './train-job.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

const ROADS = [
  'глубокая выбоина на проезжей части',
  'асфальт разбит, колея',
  'провал асфальта у перекрёстка',
  'жолда шұңқыр пайда болды',
  'pothole on the main road',
];
const POWER = [
  'отключили электричество в доме',
  'скачет напряжение, моргают лампы',
  'обесточен подъезд',
  'үйде жарық жоқ',
  'power outage in the building',
];

describe('the linear classifier', () => {
  it('learns categories from words and ranks the right one first, with probabilities', () => {
    const texts = [...ROADS, ...POWER].flatMap((t) => [t, `${t} второй день`, `срочно ${t}`]);
    const labels = texts.map((t) => (ROADS.some((r) => t.includes(r)) ? 'roads' : 'electricity'));
    const m = trainLinear(texts, labels, { features: { bits: 14 } });
    const p = predictLinear(m, 'огромная выбоина на дороге, асфальт разбит', 2);
    expect(p[0]?.label).toBe('roads');
    expect(p[0]!.confidence).toBeGreaterThan(p[1]!.confidence);
    expect(p[0]!.confidence + p[1]!.confidence).toBeCloseTo(1, 2);
    expect(predictLinear(m, 'в подъезде нет электричества', 1)[0]?.label).toBe('electricity');
    const again = JSON.parse(JSON.stringify(m)) as typeof m;
    expect(predictLinear(again, 'жарық жоқ', 2)).toEqual(predictLinear(m, 'жарық жоқ', 2));
  });
});

describe('training from the city’s history', () => {
  it('trains in a worker from resolved requests, stores a version, and the API switches to it', async () => {
    const values = Array.from({ length: 240 }, (_, i) => {
      const power = i % 2 === 0;
      const base = (power ? POWER : ROADS)[i % 5] as string;
      return sql`(${CITY}, ${`H-${i}`}, 'phone', ${`${base} ${i % 7 === 0 ? 'срочно' : ''}`}, 'ru', ${power ? 'electricity' : 'roads'}, 'standard', 'closed', now(), now() - interval '1 day')`;
    });
    await s.db.query(
      sql`INSERT INTO requests (city_id, number, channel, text, lang, category_code, criticality, status, due_at, created_at) VALUES ${sql.join(values, sql`, `)}`,
    );
    const before = (
      await s.call('POST', '/api/v1/classify', { body: { text: 'обесточен весь подъезд' } })
    ).json();
    expect(before.model.kind).toBe('keywords');
    const trained = await retrainIfDue(s.db);
    expect(trained).toEqual([{ cityId: CITY, version: 1 }]);
    (s.deps.classifier as unknown as { forget(c: string): void }).forget(CITY);
    const after = (
      await s.call('POST', '/api/v1/classify', { body: { text: 'обесточен весь подъезд' } })
    ).json();
    expect(after.model).toEqual({ kind: 'ensemble', version: 1 });
    expect(after.categories[0].code).toBe('electricity');
    const stored = await s.db.query<{ metrics: { accuracy: number } }>(
      sql`SELECT metrics FROM classifier_models WHERE city_id = ${CITY} AND active`,
    );
    expect(stored[0]?.metrics.accuracy).toBeGreaterThan(0.8);
    expect(await retrainIfDue(s.db)).toEqual([]);
  }, 60_000);

  it('learns from the place the intake recorded: the same words go to another service in another place', async () => {
    // "The light is off": in a flat it is the power supply, in the street it is street lighting.
    const history = Array.from({ length: 240 }, (_, i) => {
      const street = Math.floor(i / 4) % 2 === 0;
      const text = ['не горит свет', 'нет света второй день', 'жарық жоқ', 'the light is off'][
        i % 4
      ] as string;
      return sql`(${CITY}, ${`P-${i}`}, 'app', ${text}, 'ru', ${street ? 'roads' : 'electricity'}, 'standard', 'closed', now(), now() - interval '1 day', ${JSON.stringify({ place: street ? 'street' : 'apartment' })}::jsonb)`;
    });
    await s.db.query(
      sql`INSERT INTO requests (city_id, number, channel, text, lang, category_code, criticality, status, due_at, created_at, attributes) VALUES ${sql.join(history, sql`, `)}`,
    );
    expect(await retrainIfDue(s.db, { cityId: CITY, minNew: 1 })).toEqual([{ cityId: CITY, version: 2 }]);
    (s.deps.classifier as unknown as { forget(c: string): void }).forget(CITY);
    const top = async (place: string) =>
      (await s.call('POST', '/api/v1/classify', { body: { text: 'не горит свет', place } })).json()
        .categories[0].code as string;
    expect(await top('street')).toBe('roads');
    expect(await top('apartment')).toBe('electricity');
    const bad = await s.call('POST', '/api/v1/classify', { body: { text: 'не горит свет', place: 'moon' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    // The intake keeps the place (for the next training) and classifies with it.
    const created = await s.call('POST', '/api/v1/requests', {
      token: await s.token('operator'),
      body: { text: 'не горит свет', place: 'street', channel: 'phone' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ category: 'roads', attributes: { place: 'street' } });
    // Given among the attributes (an Open311 partner's attribute[place]): kept if known, else dropped.
    const given = async (place: string) =>
      (
        await s.call('POST', '/api/v1/requests', {
          token: await s.token('operator'),
          body: { text: 'не горит свет', attributes: { place, floor: 3 }, channel: 'phone' },
        })
      ).json();
    expect(await given('apartment')).toMatchObject({
      category: 'electricity',
      attributes: { place: 'apartment', floor: 3 },
    });
    const unknown = await given('moon');
    expect(unknown.attributes).toEqual({ floor: 3 });
  }, 60_000);
});
