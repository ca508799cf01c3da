/**
 * The knowledge-base editor (/console/kb): articles with their kk/ru/en variants, status,
 * audience, categories and validity; versions with diffs; and the editors' report (what people
 * search and do not find, which articles never help, deflection).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../shared/api.ts';
import { LANGS } from '../shared/i18n.ts';
import { go } from './nav.ts';

type Lang = (typeof LANGS)[number];

interface Variant {
  lang: string;
  title: string;
  body: string;
  html: string;
  keywords: string[];
}
interface Article {
  id: number;
  status?: string;
  audience?: string;
  version?: number;
  categories: string[];
  tags: string[];
  validFrom: string | null;
  validTo: string | null;
  updatedAt: string;
  variants: Variant[];
}
interface Version {
  version: number;
  authorName: string;
  note: string | null;
  createdAt: string;
  added: number;
  removed: number;
  diff: string;
}
interface Stat {
  id: number;
  title: string;
  views: number;
  helpful: number;
  notHelpful: number;
  links: number;
}
interface Report {
  searches: number;
  topQueries: { query: string; count: number }[];
  noResultQueries: { query: string; count: number }[];
  neverHelpful: Stat[];
  articles: Stat[];
  deflection: { sessions: number; deflected: number; rate: number | null };
}

const list = (s: string): string[] =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function titleOf(a: Article, lang: string): string {
  return (a.variants.find((v) => v.lang === lang) ?? a.variants[0])?.title ?? `#${a.id}`;
}

function ArticleList() {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<Article[]>([]);
  const [status, setStatus] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  useEffect(() => {
    void api<{ items: Article[] }>(`/api/v1/kb/articles?limit=200${status ? `&status=${status}` : ''}`).then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
  }, [status]);
  useEffect(() => {
    void api<Report>('/api/v1/kb/analytics').then(setReport, () => setReport(null));
  }, []);
  return (
    <section className="kb-editor">
      <div className="filters">
        <label>
          {t('c_status')}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('c_kb_published')}</option>
            <option value="draft">{t('c_kb_draft')}</option>
            <option value="archived">{t('c_kb_archived')}</option>
          </select>
        </label>
        <button className="primary" onClick={() => go('/console/kb/new')}>
          {t('c_kb_new')}
        </button>
      </div>
      <table className="queue">
        <thead>
          <tr>
            <th>{t('c_kb_title')}</th>
            <th>{t('c_status')}</th>
            <th>{t('c_kb_audience')}</th>
            <th>{t('c_kb_langs')}</th>
            <th>{t('c_kb_updated')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <td>
                <a
                  href={`/console/kb/${a.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    go(`/console/kb/${a.id}`);
                  }}
                >
                  {titleOf(a, i18n.language)}
                </a>
              </td>
              <td>{a.status}</td>
              <td>{a.audience}</td>
              <td>{a.variants.map((v) => v.lang).join(' ')}</td>
              <td>{new Date(a.updatedAt).toLocaleDateString(i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report && (
        <div className="kb-report">
          <div className="card">
            <h3>{t('c_kb_top')}</h3>
            <ol>
              {report.topQueries.slice(0, 10).map((q) => (
                <li key={q.query}>
                  {q.query} — {q.count}
                </li>
              ))}
            </ol>
          </div>
          <div className="card">
            <h3>{t('c_kb_noresult')}</h3>
            <ol>
              {report.noResultQueries.slice(0, 10).map((q) => (
                <li key={q.query}>
                  {q.query} — {q.count}
                </li>
              ))}
            </ol>
          </div>
          <div className="card">
            <h3>{t('c_kb_neverhelp')}</h3>
            <ul>
              {report.neverHelpful.slice(0, 10).map((a) => (
                <li key={a.id}>
                  {a.title} ({a.views} / {a.notHelpful})
                </li>
              ))}
            </ul>
            <p>
              {t('c_kb_deflection')}:{' '}
              <b>{report.deflection.rate === null ? '—' : `${Math.round(report.deflection.rate * 100)}%`}</b>{' '}
              ({report.deflection.deflected}/{report.deflection.sessions})
            </p>
          </div>
        </div>
      )}
    </section>
  );
}

interface Draft {
  variants: Record<Lang, { title: string; body: string; keywords: string }>;
  categories: string;
  tags: string;
  audience: string;
  status: string;
  validFrom: string;
  validTo: string;
  note: string;
}

const EMPTY: Draft = {
  variants: {
    kk: { title: '', body: '', keywords: '' },
    ru: { title: '', body: '', keywords: '' },
    en: { title: '', body: '', keywords: '' },
  },
  categories: '',
  tags: '',
  audience: 'public',
  status: 'draft',
  validFrom: '',
  validTo: '',
  note: '',
};

function toDraft(a: Article): Draft {
  const d: Draft = structuredClone(EMPTY);
  for (const v of a.variants)
    if ((LANGS as readonly string[]).includes(v.lang))
      d.variants[v.lang as Lang] = { title: v.title, body: v.body, keywords: v.keywords.join(', ') };
  d.categories = a.categories.join(', ');
  d.tags = a.tags.join(', ');
  d.audience = a.audience ?? 'public';
  d.status = a.status ?? 'draft';
  d.validFrom = a.validFrom?.slice(0, 10) ?? '';
  d.validTo = a.validTo?.slice(0, 10) ?? '';
  return d;
}

function ArticleForm({ id }: { id: number | null }) {
  const { t, i18n } = useTranslation();
  const [d, setD] = useState<Draft>(EMPTY);
  const [lang, setLang] = useState<Lang>((i18n.language as Lang) ?? 'ru');
  const [versions, setVersions] = useState<Version[]>([]);
  const [shown, setShown] = useState<number | null>(null);
  const [msg, setMsg] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    if (id === null) return;
    void api<Article>(`/api/v1/kb/articles/${id}`).then((a) => setD(toDraft(a)));
    void api<{ items: Version[] }>(`/api/v1/kb/articles/${id}/versions`).then(
      (r) => setVersions(r.items),
      () => setVersions([]),
    );
  }, [id]);
  const v = d.variants[lang];
  const setV = (patch: Partial<Draft['variants'][Lang]>): void =>
    setD({ ...d, variants: { ...d.variants, [lang]: { ...v, ...patch } } });
  const save = (): void => {
    setError('');
    setMsg('');
    const variants = LANGS.filter((l) => d.variants[l].title.trim()).map((l) => ({
      lang: l,
      title: d.variants[l].title.trim(),
      body: d.variants[l].body,
      keywords: list(d.variants[l].keywords),
    }));
    const body = {
      variants,
      categories: list(d.categories),
      tags: list(d.tags),
      audience: d.audience,
      validFrom: d.validFrom || null,
      validTo: d.validTo || null,
      ...(id !== null && d.note ? { note: d.note } : {}),
      status: d.status,
    };
    const saved =
      id === null
        ? api<Article>('/api/v1/kb/articles', { body })
        : api<Article>(`/api/v1/kb/articles/${id}`, { method: 'PUT', body });
    saved.then(
      (a) => {
        setMsg(t('c_kb_saved'));
        if (id === null) go(`/console/kb/${a.id}`);
        else
          void api<{ items: Version[] }>(`/api/v1/kb/articles/${id}/versions`).then((r) =>
            setVersions(r.items),
          );
      },
      (err: unknown) => setError(err instanceof ApiError ? `${err.message}` : String(err)),
    );
  };
  return (
    <section className="kb-form">
      <p>
        <a
          href="/console/kb"
          onClick={(e) => {
            e.preventDefault();
            go('/console/kb');
          }}
        >
          ← {t('c_kb')}
        </a>
      </p>
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <div role="tablist" aria-label={t('c_kb_langs')} className="tabs">
          {LANGS.map((l) => (
            <button
              key={l}
              type="button"
              role="tab"
              aria-selected={l === lang}
              className={l === lang ? 'chosen' : ''}
              onClick={() => setLang(l)}
            >
              {l}
              {d.variants[l].title ? ' ✓' : ''}
            </button>
          ))}
        </div>
        <label htmlFor="kb-title">
          {t('c_kb_title')} ({lang})
        </label>
        <input id="kb-title" value={v.title} onChange={(e) => setV({ title: e.target.value })} />
        <label htmlFor="kb-body">
          {t('c_kb_body')} ({lang}, Markdown)
        </label>
        <textarea id="kb-body" rows={8} value={v.body} onChange={(e) => setV({ body: e.target.value })} />
        <label htmlFor="kb-keywords">
          {t('c_kb_keywords')} ({lang})
        </label>
        <input id="kb-keywords" value={v.keywords} onChange={(e) => setV({ keywords: e.target.value })} />
        <div className="row">
          <div>
            <label htmlFor="kb-categories">{t('c_kb_categories')}</label>
            <input
              id="kb-categories"
              value={d.categories}
              onChange={(e) => setD({ ...d, categories: e.target.value })}
            />
          </div>
          <div>
            <label htmlFor="kb-tags">{t('c_kb_tags')}</label>
            <input id="kb-tags" value={d.tags} onChange={(e) => setD({ ...d, tags: e.target.value })} />
          </div>
        </div>
        <div className="row">
          <div>
            <label htmlFor="kb-audience">{t('c_kb_audience')}</label>
            <select
              id="kb-audience"
              value={d.audience}
              onChange={(e) => setD({ ...d, audience: e.target.value })}
            >
              <option value="public">{t('c_kb_public')}</option>
              <option value="staff">{t('c_kb_staff')}</option>
            </select>
          </div>
          <div>
            <label htmlFor="kb-status">{t('c_status')}</label>
            <select id="kb-status" value={d.status} onChange={(e) => setD({ ...d, status: e.target.value })}>
              <option value="draft">{t('c_kb_draft')}</option>
              <option value="published">{t('c_kb_published')}</option>
              <option value="archived">{t('c_kb_archived')}</option>
            </select>
          </div>
          <div>
            <label htmlFor="kb-from">{t('c_kb_from')}</label>
            <input
              id="kb-from"
              type="date"
              value={d.validFrom}
              onChange={(e) => setD({ ...d, validFrom: e.target.value })}
            />
          </div>
          <div>
            <label htmlFor="kb-to">{t('c_kb_to')}</label>
            <input
              id="kb-to"
              type="date"
              value={d.validTo}
              onChange={(e) => setD({ ...d, validTo: e.target.value })}
            />
          </div>
        </div>
        {id !== null && (
          <>
            <label htmlFor="kb-note">{t('c_kb_note')}</label>
            <input id="kb-note" value={d.note} onChange={(e) => setD({ ...d, note: e.target.value })} />
          </>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {msg && <p role="status">{msg}</p>}
        <button className="primary" type="submit">
          {t('c_kb_save')}
        </button>
      </form>
      {versions.length > 0 && (
        <div className="card">
          <h3>{t('c_kb_versions')}</h3>
          <ul>
            {versions.map((ver) => (
              <li key={ver.version}>
                <button
                  type="button"
                  className="link"
                  onClick={() => setShown(shown === ver.version ? null : ver.version)}
                >
                  v{ver.version} · {ver.authorName} · {new Date(ver.createdAt).toLocaleString(i18n.language)}{' '}
                  · +{ver.added} −{ver.removed}
                  {ver.note ? ` · ${ver.note}` : ''}
                </button>
                {shown === ver.version && <pre className="diff">{ver.diff}</pre>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

export default function KbEditor({ path }: { path: string }) {
  const m = /^\/console\/kb\/(\d+|new)$/.exec(path);
  if (!m) return <ArticleList />;
  return <ArticleForm key={m[1]} id={m[1] === 'new' ? null : Number(m[1])} />;
}
