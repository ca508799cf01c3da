/**
 * Emergencies (`/console/modes`, supervisors and admins): declare one (kind, title and message in
 * three languages, categories, districts, how long), end it, accept a spike alert as one, and the
 * history of every mode change.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, tr } from '../shared/api.ts';
import i18n from '../shared/i18n.ts';
import { useCategories } from './Queue.tsx';

const ru = {
  m_title: 'Режимы и чрезвычайные ситуации',
  m_declare: 'Объявить ЧС',
  m_kind: 'Вид',
  m_title_in: 'Заголовок ({{lang}})',
  m_message_in: 'Сообщение жителям ({{lang}})',
  m_categories: 'Категории (первыми в приёме и базе знаний)',
  m_districts: 'Районы',
  m_hours: 'Длительность, ч (пусто — до отмены)',
  m_active: 'Действующие',
  m_end: 'Завершить',
  m_none: 'нет',
  m_history: 'История режимов',
  m_alerts: 'Всплески: принять как ЧС',
  m_accept: 'Объявить ЧС',
  m_declared: 'ЧС объявлена',
  m_until: 'до',
};
type Dict = typeof ru;
const kk: Dict = {
  m_title: 'Режимдер және төтенше жағдайлар',
  m_declare: 'ТЖ жариялау',
  m_kind: 'Түрі',
  m_title_in: 'Тақырып ({{lang}})',
  m_message_in: 'Тұрғындарға хабар ({{lang}})',
  m_categories: 'Санаттар (қабылдауда және білім қорында бірінші)',
  m_districts: 'Аудандар',
  m_hours: 'Ұзақтығы, сағ (бос — тоқтатылғанша)',
  m_active: 'Әрекеттегі',
  m_end: 'Аяқтау',
  m_none: 'жоқ',
  m_history: 'Режимдер тарихы',
  m_alerts: 'Кенет өсулер: ТЖ ретінде қабылдау',
  m_accept: 'ТЖ жариялау',
  m_declared: 'ТЖ жарияланды',
  m_until: 'дейін',
};
const en: Dict = {
  m_title: 'Modes and emergencies',
  m_declare: 'Declare an emergency',
  m_kind: 'Kind',
  m_title_in: 'Title ({{lang}})',
  m_message_in: 'Message to residents ({{lang}})',
  m_categories: 'Categories (first in intake and the knowledge base)',
  m_districts: 'Districts',
  m_hours: 'Duration, h (empty: until ended)',
  m_active: 'Active',
  m_end: 'End',
  m_none: 'none',
  m_history: 'Mode history',
  m_alerts: 'Spikes: accept as an emergency',
  m_accept: 'Declare',
  m_declared: 'Emergency declared',
  m_until: 'until',
};
for (const [lang, d] of Object.entries({ ru, kk, en }))
  i18n.addResourceBundle(lang, 'translation', d, true, false);

const KINDS = ['storm', 'blackout', 'flood', 'heat', 'frost', 'other'];
const LANGS = ['ru', 'kk', 'en'] as const;
interface Emergency {
  id: number;
  kind: string;
  title: Record<string, string>;
  categories: string[];
  districts: string[];
  startsAt: string;
  endsAt: string | null;
  endedAt: string | null;
}
interface ModeEvent {
  id: number;
  type: string;
  actor: string | null;
  at: string;
  data: Record<string, unknown>;
}
interface Alert {
  id: number;
  day: string;
  category: string;
  district: string | null;
  count: number;
}

export default function Modes() {
  const { t, i18n: i } = useTranslation();
  const cats = useCategories();
  const [items, setItems] = useState<Emergency[]>([]);
  const [events, setEvents] = useState<ModeEvent[]>([]);
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [districts, setDistricts] = useState<{ code: string; name: Record<string, string> }[]>([]);
  const [kind, setKind] = useState('blackout');
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [messages, setMessages] = useState<Record<string, string>>({});
  const [categories, setCategories] = useState<string[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [hours, setHours] = useState('');
  const [note, setNote] = useState('');
  const load = (): void => {
    void api<{ items: Emergency[]; events: ModeEvent[] }>('/api/v1/admin/emergencies').then((r) => {
      setItems(r.items);
      setEvents(r.events);
    });
    void api<{ items: Alert[] }>('/api/v1/alerts?status=open').then(
      (r) => setAlerts(r.items),
      () => undefined,
    );
  };
  useEffect(() => {
    load();
    void api<{ features: { properties: { code: string; name: Record<string, string> } }[] }>(
      '/api/v1/districts',
    ).then((r) => setDistricts(r.features.map((f) => f.properties)));
  }, []);
  const fail = (err: unknown): void => setNote(err instanceof ApiError ? err.message : String(err));
  const clean = (o: Record<string, string>) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v.trim()));
  const active = items.filter((e) => !e.endedAt);
  const lang = i.language;
  return (
    <section className="modes">
      <h1>{t('m_title')}</h1>
      {note && (
        <p className="note" role="status">
          {note}
        </p>
      )}
      <h2>{t('m_active')}</h2>
      {active.length ? (
        <ul>
          {active.map((e) => (
            <li key={e.id}>
              <strong>{tr(e.title, lang)}</strong> · {e.kind}
              {e.endsAt ? ` · ${t('m_until')} ${new Date(e.endsAt).toLocaleString(lang)}` : ''}{' '}
              <button
                onClick={() => {
                  api(`/api/v1/admin/emergencies/${e.id}/end`, { method: 'POST' }).then(load, fail);
                }}
              >
                {t('m_end')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('m_none')}</p>
      )}
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          setNote('');
          api('/api/v1/admin/emergencies', {
            body: {
              kind,
              title: clean(titles),
              message: clean(messages),
              categories,
              districts: picked,
              ...(hours ? { hours: Number(hours) } : {}),
            },
          }).then(() => {
            setNote(t('m_declared'));
            setTitles({});
            setMessages({});
            load();
          }, fail);
        }}
      >
        <h2>{t('m_declare')}</h2>
        <label>
          {t('m_kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        {LANGS.map((l) => (
          <label key={`t-${l}`}>
            {t('m_title_in', { lang: l })}
            <input
              value={titles[l] ?? ''}
              onChange={(e) => setTitles({ ...titles, [l]: e.target.value })}
              maxLength={200}
            />
          </label>
        ))}
        {LANGS.map((l) => (
          <label key={`m-${l}`}>
            {t('m_message_in', { lang: l })}
            <textarea
              value={messages[l] ?? ''}
              onChange={(e) => setMessages({ ...messages, [l]: e.target.value })}
              maxLength={2000}
              rows={2}
            />
          </label>
        ))}
        <label>
          {t('m_categories')}
          <select
            multiple
            size={8}
            value={categories}
            onChange={(e) => setCategories([...e.target.selectedOptions].map((o) => o.value))}
          >
            {[...cats.values()].map((c) => (
              <option key={c.code} value={c.code}>
                {c.parent ? '— ' : ''}
                {tr(c.name, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('m_districts')}
          <select
            multiple
            size={4}
            value={picked}
            onChange={(e) => setPicked([...e.target.selectedOptions].map((o) => o.value))}
          >
            {districts.map((d) => (
              <option key={d.code} value={d.code}>
                {tr(d.name, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('m_hours')}
          <input type="number" min={1} max={744} value={hours} onChange={(e) => setHours(e.target.value)} />
        </label>
        <button className="primary" type="submit">
          {t('m_declare')}
        </button>
      </form>
      {alerts.length > 0 && (
        <>
          <h2>{t('m_alerts')}</h2>
          <ul>
            {alerts.map((a) => (
              <li key={a.id}>
                {a.day} · {tr(cats.get(a.category)?.name, lang) || a.category} · {a.district ?? '—'} ·{' '}
                {a.count}{' '}
                <button
                  onClick={() => {
                    api(`/api/v1/alerts/${a.id}/emergency`, { body: {} }).then(load, fail);
                  }}
                >
                  {t('m_accept')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('m_history')}</h2>
      <table className="queue">
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>{new Date(e.at).toLocaleString(lang)}</td>
              <td>{e.type}</td>
              <td>{e.actor ?? '—'}</td>
              <td>
                {typeof e.data.season === 'string'
                  ? e.data.season
                  : typeof e.data.kind === 'string'
                    ? e.data.kind
                    : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
