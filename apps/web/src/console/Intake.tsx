import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, tr, type I18nText, type RequestItem } from '../shared/api.ts';
import { go } from './nav.ts';
import { useCategories } from './Queue.tsx';
import KbSuggest from './KbSuggest.tsx';
import { CallerCard, type Caller } from './CallerCard.tsx';
import { PLACE_QUESTION, PLACES, placeName, type Place } from '../shared/places.ts';

interface Suggestion {
  categories: { code: string; name: I18nText; confidence: number; agency: string | null }[];
  criticality: string;
  agency: { code: string; name: I18nText } | null;
  district: string | null;
  dueAt: string | null;
}

interface Candidate {
  number: string;
  score: number;
  reasons: { distanceM: number; hoursAgo: number; textSimilarity: number };
  text: string;
}

/** Intake for a phone call: type the complaint, see suggestions live, register, read back the number and due time. */
export default function Intake({ query }: { query?: URLSearchParams }) {
  const { t, i18n } = useTranslation();
  const cats = useCategories();
  // From the caller card of a call the PBX reported: the caller's phone and the call to link.
  const callId = query?.get('callId') ?? '';
  const [phone, setPhone] = useState(query?.get('phone') ?? '');
  const [caller, setCaller] = useState<Caller | null>(null);
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const [place, setPlace] = useState<Place | ''>('');
  const [category, setCategory] = useState('');
  const [sugg, setSugg] = useState<Suggestion | null>(null);
  const [cands, setCands] = useState<Candidate[]>([]);
  const [done, setDone] = useState<RequestItem | null>(null);
  const [error, setError] = useState('');
  const [article, setArticle] = useState<number | null>(null);
  const [answered, setAnswered] = useState(false);
  const point =
    lat && lon && Number.isFinite(Number(lat)) && Number.isFinite(Number(lon))
      ? { lat: Number(lat), lon: Number(lon) }
      : null;
  useEffect(() => {
    setCaller(null);
    if (phone.replace(/\D/g, '').length < 10) return;
    const timer = setTimeout(() => {
      void api<Caller>(`/api/v1/callers?phone=${encodeURIComponent(phone)}`).then(setCaller, () => undefined);
    }, 300);
    return () => clearTimeout(timer);
  }, [phone]);
  useEffect(() => {
    if (text.trim().length < 4) return;
    const timer = setTimeout(() => {
      void api<Suggestion>('/api/v1/classify', {
        body: { text, ...(point ?? {}), ...(place ? { place } : {}) },
      }).then(
        (s) => {
          setSugg(s);
          if (!category && s.categories[0]) setCategory(s.categories[0].code);
        },
        () => undefined,
      );
      if (point)
        void api<{ items: Candidate[] }>('/api/v1/requests/candidates', {
          body: { text, ...point, ...(category ? { category } : {}) },
        }).then(
          (r) => setCands(r.items),
          () => setCands([]),
        );
    }, 300);
    return () => clearTimeout(timer);
  }, [text, lat, lon, place]);
  const reset = (): void => {
    setDone(null);
    setAnswered(false);
    setArticle(null);
    setText('');
    setPhone('');
    setName('');
    setPlace('');
    setCategory('');
    setSugg(null);
    setCands([]);
  };
  if (answered) {
    return (
      <section className="card done" role="status">
        <h2>{t('c_kb_recorded')}</h2>
        <button className="primary" autoFocus onClick={reset}>
          {t('c_newcall')}
        </button>
      </section>
    );
  }
  if (done) {
    return (
      <section className="card done" role="status">
        <h2>
          {t('c_registered')}: {done.number}
        </h2>
        <p>
          {t('c_tell')}: <b>{done.number}</b>, {t('c_due')}:{' '}
          <b>{new Date(done.dueAt).toLocaleString(i18n.language)}</b>
        </p>
        <button className="primary" autoFocus onClick={reset}>
          {t('c_newcall')}
        </button>{' '}
        <button onClick={() => go(`/console/r/${done.number}`)}>{done.number}</button>
      </section>
    );
  }
  return (
    <section className="intake">
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          setError('');
          api<RequestItem>('/api/v1/requests', {
            body: {
              text,
              channel: 'phone',
              ...(category ? { category } : {}),
              ...(point ?? {}),
              ...(place ? { place } : {}),
              ...(phone ? { resident: { phone, ...(name ? { name } : {}) } } : {}),
              ...(callId ? { callId } : {}),
            },
            headers: { 'idempotency-key': `${phone}-${text.length}-${Date.now() >> 14}` },
          }).then(
            (r) => {
              setDone(r);
              // The contact log (first-contact resolution) and, when an article was read out,
              // the link that teaches the suggestions.
              void api('/api/v1/contacts', {
                body: {
                  outcome: 'request_created',
                  requestNumber: r.number,
                  ...(callId ? { callId } : {}),
                  ...(category ? { category } : {}),
                },
              }).catch(() => undefined);
              if (article)
                void api(`/api/v1/requests/${r.number}/kb-links`, { body: { articleId: article } }).catch(
                  () => undefined,
                );
            },
            (err: unknown) => setError(err instanceof ApiError ? err.message : String(err)),
          );
        }}
      >
        <label htmlFor="phone">{t('c_phone')}</label>
        <input
          id="phone"
          autoFocus
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          inputMode="tel"
          placeholder="+7 7__ ___ __ __"
        />
        <label htmlFor="name">{t('c_name')}</label>
        <input id="name" value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="text">{t('c_complaint')}</label>
        <textarea id="text" rows={4} value={text} onChange={(e) => setText(e.target.value)} required />
        <label htmlFor="place">{tr(PLACE_QUESTION, i18n.language)}</label>
        <select id="place" value={place} onChange={(e) => setPlace(e.target.value as Place | '')}>
          <option value="">—</option>
          {PLACES.map((p) => (
            <option key={p} value={p}>
              {placeName(p, i18n.language)}
            </option>
          ))}
        </select>
        <div className="row">
          <div>
            <label htmlFor="lat">{t('c_lat')}</label>
            <input id="lat" value={lat} onChange={(e) => setLat(e.target.value)} placeholder="51.16" />
          </div>
          <div>
            <label htmlFor="lon">{t('c_lon')}</label>
            <input id="lon" value={lon} onChange={(e) => setLon(e.target.value)} placeholder="71.44" />
          </div>
        </div>
        <label htmlFor="category">{t('c_category')}</label>
        <select id="category" value={category} onChange={(e) => setCategory(e.target.value)}>
          <option value="">—</option>
          {[...cats.values()]
            .filter((c) => c.active && c.children.length === 0)
            .map((c) => (
              <option key={c.code} value={c.code}>
                {tr(c.name, i18n.language)}
              </option>
            ))}
        </select>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button className="primary" type="submit">
          {t('c_save')}
        </button>
      </form>
      <aside className="card" aria-live="polite">
        {caller && <CallerCard caller={caller} />}
        <h3>{t('c_suggest')}</h3>
        {sugg && (
          <>
            <ol className="suggestions">
              {sugg.categories.map((c) => (
                <li key={c.code}>
                  <button
                    type="button"
                    className={c.code === category ? 'chosen' : ''}
                    onClick={() => setCategory(c.code)}
                  >
                    {tr(c.name, i18n.language)} — {Math.round(c.confidence * 100)}%
                  </button>
                </li>
              ))}
            </ol>
            <p>
              {t('c_crit')}: <b>{sugg.criticality}</b>
              {sugg.agency && <> · {tr(sugg.agency.name, i18n.language)}</>}
              {sugg.district && <> · {sugg.district}</>}
            </p>
          </>
        )}
        <KbSuggest
          text={text}
          category={category}
          onOpen={setArticle}
          onAnswered={(id) => {
            setError('');
            api('/api/v1/contacts', {
              body: {
                outcome: 'answered',
                articleId: id,
                ...(category ? { category } : {}),
                ...(callId ? { callId } : {}),
              },
            }).then(
              () => setAnswered(true),
              (err: unknown) => setError(err instanceof ApiError ? err.message : String(err)),
            );
          }}
        />
        {cands.length > 0 && (
          <>
            <h3>{t('c_dupes')}</h3>
            <ul>
              {cands.map((c) => (
                <li key={c.number}>
                  <a href={`/console/r/${c.number}`}>{c.number}</a> · {c.reasons.distanceM} m ·{' '}
                  {c.text.slice(0, 60)}
                </li>
              ))}
            </ul>
          </>
        )}
      </aside>
    </section>
  );
}
