/**
 * The banner of active emergencies (`GET /api/v1/modes/current`), in the reader's language, at
 * the top of the resident app and the console; refreshed every minute and on a mode change.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api.ts';

interface Emergency {
  id: number;
  kind: string;
  title: Record<string, string>;
  message: Record<string, string>;
  endsAt: string | null;
}
const LABEL: Record<string, string> = { kk: 'Төтенше жағдай', ru: 'Чрезвычайная ситуация', en: 'Emergency' };
const pick = (t: Record<string, string>, lang: string): string =>
  t[lang] || t.ru || t.kk || t.en || Object.values(t)[0] || '';

export function EmergencyBanner({ refreshKey = 0 }: { refreshKey?: number }) {
  const { i18n } = useTranslation();
  const [items, setItems] = useState<Emergency[]>([]);
  useEffect(() => {
    const load = (): void => {
      api<{ emergencies: Emergency[] }>('/api/v1/modes/current').then(
        (r) => setItems(r.emergencies),
        () => undefined,
      );
    };
    load();
    const timer = setInterval(load, 60_000);
    return () => clearInterval(timer);
  }, [refreshKey]);
  if (!items.length) return null;
  const lang = i18n.language;
  return (
    <div className="emergency-banner" role="status" aria-live="polite" aria-label={LABEL[lang] ?? LABEL.en}>
      {items.map((e) => (
        <p key={e.id} className={`emergency-${e.kind}`}>
          <strong>⚠ {pick(e.title, lang)}</strong>
          {pick(e.message, lang) && <span> — {pick(e.message, lang)}</span>}
        </p>
      ))}
    </div>
  );
}
