import { describe, expect, it } from 'vitest';
import { destinationPoint } from './geo.ts';
import { rankCandidates, scoreCandidate, type GeoRequest } from './score.ts';
import { textSimilarity } from './text.ts';

const T0 = Date.UTC(2025, 2, 10, 9, 0, 0);
const H = 3_600_000;
const BASE = { lat: 51.128, lon: 71.43 };

function req(
  id: string,
  meters: number,
  hoursBefore: number,
  category: string,
  text: string,
  bearing = 45,
): GeoRequest {
  const p = destinationPoint(BASE.lat, BASE.lon, bearing, meters);
  return { id, lat: p.lat, lon: p.lon, createdAt: T0 - hoursBefore * H, category, text };
}

const incoming = req('new', 0, 0, 'roads.pothole', 'Глубокая яма на дороге у дома 12, машины бьют колёса');

describe('textSimilarity', () => {
  it('is 1 for the same words, higher for related wording than for unrelated, 0 for empty', () => {
    expect(textSimilarity('яма на дороге', 'Яма на дороге!')).toBe(1);
    const related = textSimilarity('глубокая яма на дороге', 'большая яма на дорогах');
    const unrelated = textSimilarity('глубокая яма на дороге', 'не горит фонарь во дворе');
    expect(related).toBeGreaterThan(unrelated);
    expect(textSimilarity('', 'яма')).toBe(0);
  });
});

describe('rankCandidates', () => {
  const near = req('near', 30, 5, 'roads.pothole', 'Яма на дороге возле дома 12, бьют колёса');
  const nearOther = req('near-other-words', 60, 30, 'roads.pothole', 'Нет разметки на перекрёстке', 200);
  const farAway = req('far', 100_000, 1, 'roads.pothole', 'Глубокая яма на дороге у дома 12');
  const old = req('old', 20, 24 * 45, 'roads.pothole', 'Глубокая яма на дороге у дома 12');
  const otherCategory = req('light', 10, 1, 'utilities.electricity', 'Не горит фонарь');

  it('puts a request 30 m away with the same category and similar words first', () => {
    const top = rankCandidates(incoming, [nearOther, farAway, old, near, otherCategory], { windowDays: 30 });
    expect(top[0]?.candidate.id).toBe('near');
    expect(top[0]?.reasons.distanceM).toBeCloseTo(30, 0);
    expect(top[0]?.reasons.hoursApart).toBeCloseTo(5, 6);
    expect(top[0]?.reasons.sameCategory).toBe(true);
    expect(top[0]?.reasons.textSimilarity).toBeGreaterThan(0.3);
    expect(top[0]?.score).toBeGreaterThan(top[1]?.score ?? 0);
  });

  it('excludes requests 100 km away, older than the window, or of an unrelated category', () => {
    const ids = rankCandidates(incoming, [near, nearOther, farAway, old, otherCategory], {
      windowDays: 30,
    }).map((c) => c.candidate.id);
    expect(ids).toEqual(['near', 'near-other-words']);
  });

  it('keeps related categories (same group) and drops the request itself', () => {
    const sidewalk = req('sidewalk', 40, 2, 'roads.sidewalk', 'Яма на тротуаре у дома 12');
    const groupOf = (c: string): string => c.split('.')[0] ?? c;
    const top = rankCandidates(incoming, [incoming, sidewalk, otherCategory], { groupOf });
    expect(top.map((c) => c.candidate.id)).toEqual(['sidewalk']);
    expect(top[0]?.reasons.relatedCategory).toBe(true);
    expect(top[0]?.reasons.sameCategory).toBe(false);
  });

  it('uses the per-category radius', () => {
    const at250 = req('at250', 250, 1, 'roads.pothole', 'яма');
    expect(rankCandidates(incoming, [at250])).toHaveLength(1);
    expect(rankCandidates(incoming, [at250], { radiusByCategory: { 'roads.pothole': 100 } })).toHaveLength(0);
  });

  it('returns at most `limit`, and the same order whatever the input order', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      req(`c${i}`, 20 * (i % 4), i % 3, 'roads.pothole', 'яма на дороге'),
    );
    const a = rankCandidates(incoming, many, { limit: 5 }).map((c) => c.candidate.id);
    const b = rankCandidates(incoming, [...many].reverse(), { limit: 5 }).map((c) => c.candidate.id);
    expect(a).toHaveLength(5);
    expect(b).toEqual(a);
  });
});

describe('scoreCandidate', () => {
  it('is within [0, 1] and falls with distance, age and category mismatch', () => {
    const close = scoreCandidate(incoming, req('a', 10, 1, 'roads.pothole', 'яма'));
    const farther = scoreCandidate(incoming, req('b', 200, 1, 'roads.pothole', 'яма'));
    const older = scoreCandidate(incoming, req('c', 10, 24 * 20, 'roads.pothole', 'яма'));
    const otherCat = scoreCandidate(incoming, req('d', 10, 1, 'yards', 'яма'));
    for (const s of [close, farther, older, otherCat]) {
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    expect(close.score).toBeGreaterThan(farther.score);
    expect(close.score).toBeGreaterThan(older.score);
    expect(close.score).toBeGreaterThan(otherCat.score);
  });

  it('accepts Date timestamps', () => {
    const c = { ...req('a', 10, 2, 'roads.pothole', 'яма'), createdAt: new Date(T0 - 2 * H) };
    expect(scoreCandidate({ ...incoming, createdAt: new Date(T0) }, c).reasons.hoursApart).toBeCloseTo(2, 9);
  });
});
