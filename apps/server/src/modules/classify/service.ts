/**
 * Category suggestions from the text. Until a model trained on the city's history is active,
 * a cold start scores categories by their keywords and names in the three languages.
 */
import { tokenize } from '@komek/domain/text/normalize';
import type { Db } from '../../db/client.ts';
import { predictText, type TextModel } from '@komek/domain/text/ensemble';
import { placeTags } from '@komek/domain/lifecycle';
import { activeVersion, loadActiveModel } from './training.ts';
import { getCatalog } from '../catalog/cache.ts';

export interface Suggestion {
  category: string;
  confidence: number;
}

export interface Classifier {
  /** Top-k categories for a text and, when known, where the problem is (a model trained with places weighs it). */
  suggest(cityId: string, text: string, k?: number, place?: string | null): Promise<Suggestion[]>;
  /** Which model answers for a city (kind: keywords | linear | ensemble; version in classifier_models). */
  info(cityId: string): { kind: string; version: number | null };
}

type Keyworded = { keywords: Partial<Record<'ru' | 'kk' | 'en', string[]>> };
const stems = new WeakMap<Keyworded, string[]>();

/** A category's keywords as stems, once per catalog load: short words ("в", "на") are not evidence. */
function keywordStems(c: Keyworded): string[] {
  let s = stems.get(c);
  if (!s) {
    s = [...(c.keywords.ru ?? []), ...(c.keywords.kk ?? []), ...(c.keywords.en ?? [])]
      .flatMap((w) => tokenize(w))
      .filter((w) => w.length >= 3)
      .map((w) => (w.length > 5 ? w.slice(0, w.length - 2) : w));
    stems.set(c, s);
  }
  return s;
}

/** Keyword scoring: each category's keywords as word prefixes (so inflected Russian/Kazakh forms match). */
export function createKeywordClassifier(db: Db): Classifier {
  return {
    info: () => ({ kind: 'keywords', version: null }),
    async suggest(cityId, text, k = 3) {
      const catalog = await getCatalog(db, cityId);
      if (!catalog) return [];
      const tokens = tokenize(text);
      if (!tokens.length) return [];
      const scores: Suggestion[] = [];
      for (const c of catalog.categories.values()) {
        if (!c.active) continue;
        let score = 0;
        for (const stem of keywordStems(c)) if (tokens.some((t) => t.startsWith(stem))) score += 1;
        if (score > 0) scores.push({ category: c.code, confidence: score });
      }
      const total = scores.reduce((s, x) => s + x.confidence, 0) + 1;
      return scores
        .sort((a, b) => b.confidence - a.confidence)
        .slice(0, k)
        .map((s) => ({ category: s.category, confidence: Math.round((s.confidence / total) * 1000) / 1000 }));
    },
  };
}

/**
 * The city's trained model when there is one (checked for a newer version every minute, so a
 * model trained by any process is picked up by all), else the keyword cold start.
 */
export function createClassifier(db: Db): Classifier {
  const keywords = createKeywordClassifier(db);
  const models = new Map<
    string,
    { version: number; model: TextModel; checkedAt: number } | { version: null; checkedAt: number }
  >();
  const current = async (cityId: string) => {
    const hit = models.get(cityId);
    if (hit && Date.now() - hit.checkedAt < 60_000) return hit;
    const v = await activeVersion(db, cityId);
    if (v === null) {
      const none = { version: null, checkedAt: Date.now() } as const;
      models.set(cityId, none);
      return none;
    }
    if (hit && hit.version === v) {
      hit.checkedAt = Date.now();
      return hit;
    }
    const loaded = await loadActiveModel(db, cityId);
    const entry = loaded
      ? { version: loaded.version, model: loaded.model as TextModel, checkedAt: Date.now() }
      : { version: null, checkedAt: Date.now() };
    models.set(cityId, entry);
    return entry;
  };
  return {
    info: (cityId) => {
      const m = models.get(cityId);
      return m && 'model' in m
        ? { kind: m.model.kind === 'ensemble' ? 'ensemble' : 'linear', version: m.version }
        : { kind: 'keywords', version: null };
    },
    async suggest(cityId, text, k = 3, place) {
      const m = await current(cityId);
      if (m.version === null || !('model' in m)) return keywords.suggest(cityId, text, k);
      const catalog = await getCatalog(db, cityId);
      return predictText(m.model, text, k + 2, placeTags(place))
        .filter((p) => catalog?.categories.get(p.label)?.active)
        .slice(0, k)
        .map((p) => ({ category: p.label, confidence: p.confidence }));
    },
    forget(cityId: string) {
      models.delete(cityId);
    },
  } as Classifier;
}
