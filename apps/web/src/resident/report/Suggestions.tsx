/**
 * Before sending: knowledge-base articles that may answer the question (a read is recorded, so
 * the city sees which articles save a request), and open requests of the same kind nearby that
 * the resident can follow instead of reporting again.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tr, type Category } from '../../shared/api.ts';
import { residentApi, type KbHit, type PublicRequest } from '../api.ts';
import { navigate } from '../router.ts';
import { toast, useStore } from '../store.ts';
import type { ReportForm } from './types.ts';

function Article({ hit, session }: { hit: KbHit; session: string }) {
  const { t, i18n } = useTranslation();
  const [html, setHtml] = useState<string | null>(null);
  const open = async () => {
    if (html !== null) return setHtml(null);
    void residentApi.kbView(hit.id, session).catch(() => undefined);
    const a = await residentApi.kbArticle(hit.id).catch(() => null);
    const v = a?.variants.find((x) => x.lang === i18n.language) ?? a?.variants[0];
    setHtml(v?.html ?? hit.snippet);
  };
  return (
    <li className="r-kb">
      <button type="button" className="r-link" aria-expanded={html !== null} onClick={() => void open()}>
        {hit.title}
      </button>
      {/* The server renders and sanitizes article HTML (snippets are escaped, with <mark>). */}
      {html === null ? (
        <p className="r-muted" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
      ) : (
        <div className="r-article" dangerouslySetInnerHTML={{ __html: html }} />
      )}
      {html !== null && (
        <button type="button" onClick={() => (toast(t('r.check.gladHelped')), navigate('/'))}>
          {t('r.check.answered')}
        </button>
      )}
    </li>
  );
}

export default function Suggestions({
  form,
  session,
  index,
}: {
  form: ReportForm;
  session: string;
  index: Map<string, Category>;
}) {
  const { t, i18n } = useTranslation();
  const { online, user } = useStore();
  const [articles, setArticles] = useState<KbHit[]>([]);
  const [nearby, setNearby] = useState<PublicRequest[]>([]);
  const { text, category, point } = form;

  useEffect(() => {
    if (!online || text.trim().length < 5) return;
    let live = true;
    residentApi
      .kbSuggest(text.trim(), category, i18n.language)
      .then((r) => live && setArticles((r?.articles ?? []).slice(0, 3)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [online, text, category, i18n.language]);

  useEffect(() => {
    if (!online || !point) return;
    let live = true;
    residentApi
      .nearby(point.lat, point.lon, category)
      .then((r) => live && setNearby(r.items.slice(0, 5)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [online, point, category]);

  const follow = async (number: string) => {
    if (!user) return navigate(`/app/signin?next=${encodeURIComponent('/app/map')}`);
    try {
      await residentApi.subscribe({ request: number });
      toast(t('r.check.following', { number }));
      navigate('/');
    } catch {
      toast(t('r.error.network'));
    }
  };

  return (
    <>
      {articles.length > 0 && (
        <section className="r-panel r-note" aria-labelledby="r-kb">
          <h2 id="r-kb" className="r-h3">
            {t('r.check.kbTitle')}
          </h2>
          <ul className="r-plain">
            {articles.map((a) => (
              <Article key={a.id} hit={a} session={session} />
            ))}
          </ul>
        </section>
      )}
      {nearby.length > 0 && (
        <section className="r-panel r-note" aria-labelledby="r-near">
          <h2 id="r-near" className="r-h3">
            {t('r.check.nearTitle')}
          </h2>
          <ul className="r-plain">
            {nearby.map((n) => (
              <li key={n.number} className="r-near">
                <span className="r-icon" aria-hidden="true">
                  {(n.category && index.get(n.category)?.icon) ?? '•'}
                </span>
                <div>
                  <strong>{n.category ? tr(index.get(n.category)?.name, i18n.language) : n.number}</strong>
                  <small>
                    {t(`r.status.${n.status}`)} · {t('r.check.metres', { m: n.distanceM ?? 0 })}
                  </small>
                  {n.text && <p>{n.text}</p>}
                </div>
                <button type="button" onClick={() => void follow(n.number)}>
                  {t('r.check.follow')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
