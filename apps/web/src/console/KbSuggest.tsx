/**
 * Knowledge-base articles to read out while the operator types (POST /api/v1/kb/suggest), each
 * expandable in place; "answered — no request" records a first-contact resolution.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api.ts';

export interface KbHit {
  id: number;
  lang: string;
  title: string;
  snippet: string;
  match: string;
}

interface Article {
  id: number;
  variants: { lang: string; title: string; html: string }[];
}

export default function KbSuggest({
  text,
  category,
  onOpen,
  onAnswered,
}: {
  text: string;
  category: string;
  onOpen: (id: number) => void;
  onAnswered: (id: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const [hits, setHits] = useState<KbHit[]>([]);
  const [open, setOpen] = useState<Article | null>(null);
  useEffect(() => {
    if (text.trim().length < 4) {
      setHits([]);
      return;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      api<{ articles: KbHit[] }>('/api/v1/kb/suggest', {
        body: { text, lang: i18n.language, limit: 4, ...(category ? { category } : {}) },
        signal: ctrl.signal,
      }).then(
        (r) => setHits(r.articles),
        () => undefined,
      );
    }, 300);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [text, category, i18n.language]);
  if (!hits.length) return null;
  const variant = open
    ? (open.variants.find((v) => v.lang === i18n.language) ?? open.variants[0])
    : undefined;
  return (
    <section className="kb-suggest" aria-label={t('c_kb_suggest')}>
      <h3>{t('c_kb_suggest')}</h3>
      <ul>
        {hits.map((h) => (
          <li key={h.id}>
            <button
              type="button"
              className="link"
              aria-expanded={open?.id === h.id}
              onClick={() => {
                if (open?.id === h.id) return setOpen(null);
                onOpen(h.id);
                void api<Article>(`/api/v1/kb/articles/${h.id}`).then(setOpen, () => undefined);
              }}
            >
              {h.title}
            </button>
            {/* The snippet is escaped HTML from the server with the matches in <mark>. */}
            <p className="snippet" dangerouslySetInnerHTML={{ __html: h.snippet }} />
            {open?.id === h.id && variant && (
              <div className="article">
                {/* Article HTML is rendered and sanitized by the server. */}
                <div dangerouslySetInnerHTML={{ __html: variant.html }} />
                <button type="button" onClick={() => onAnswered(h.id)}>
                  {t('c_kb_answered')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
