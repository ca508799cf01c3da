/** The request page's side facts: photos and files, and related requests (parent, duplicates, incident, repeats). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api.ts';
import i18n from '../shared/i18n.ts';
import { go } from './nav.ts';

const ru = {
  rr_files: 'Фото и файлы',
  rr_related: 'Связанные обращения',
  rr_parent: 'Дубликат обращения',
  rr_duplicates: 'Его дубликаты',
  rr_incident: 'Массовый инцидент',
  rr_repeats: 'Повторы на этом месте (та же категория, ±1 год)',
  rr_none: 'нет',
};
type Dict = typeof ru;
const kk: Dict = {
  rr_files: 'Фото және файлдар',
  rr_related: 'Байланысты өтініштер',
  rr_parent: 'Мына өтініштің көшірмесі',
  rr_duplicates: 'Оның көшірмелері',
  rr_incident: 'Жаппай оқиға',
  rr_repeats: 'Осы жердегі қайталаулар (сол санат, ±1 жыл)',
  rr_none: 'жоқ',
};
const en: Dict = {
  rr_files: 'Photos and files',
  rr_related: 'Related requests',
  rr_parent: 'Duplicate of',
  rr_duplicates: 'Its duplicates',
  rr_incident: 'Mass incident',
  rr_repeats: 'Repeats at this place (same category, ±1 year)',
  rr_none: 'none',
};
for (const [lang, d] of Object.entries({ ru, kk, en }))
  i18n.addResourceBundle(lang, 'translation', d, true, false);

interface Brief {
  number: string;
  status: string;
  createdAt: string;
  text: string;
}
interface Related {
  parent: Brief | null;
  duplicates: Brief[];
  incident: { id: number; title: string; status: string; requests: number; openRequests: number } | null;
  repeats: Brief[];
}
interface Attachment {
  id: number;
  kind: string;
  fileName: string;
  contentType: string;
}

function Briefs({ items }: { items: Brief[] }) {
  const { t, i18n: i } = useTranslation();
  if (!items.length) return <p>{t('rr_none')}</p>;
  return (
    <ul>
      {items.map((b) => (
        <li key={b.number}>
          <a
            href={`/console/r/${b.number}`}
            onClick={(e) => {
              e.preventDefault();
              go(`/console/r/${b.number}`);
            }}
          >
            {b.number}
          </a>{' '}
          · {b.status} · {new Date(b.createdAt).toLocaleDateString(i.language)} · {b.text.slice(0, 80)}
        </li>
      ))}
    </ul>
  );
}

export default function RequestRelated({ number, version }: { number: string; version: number }) {
  const { t } = useTranslation();
  const [rel, setRel] = useState<Related | null>(null);
  const [files, setFiles] = useState<Attachment[]>([]);
  useEffect(() => {
    api<Related>(`/api/v1/requests/${number}/related`).then(setRel, () => setRel(null));
    api<{ items: Attachment[] }>(`/api/v1/requests/${number}/attachments`).then(
      (r) => setFiles(r.items),
      () => setFiles([]),
    );
  }, [number, version]);
  return (
    <>
      {files.length > 0 && (
        <section className="files" aria-label={t('rr_files')}>
          <h3>{t('rr_files')}</h3>
          <div className="thumbs">
            {files.map((f) => {
              const url = `/api/v1/requests/${number}/attachments/${f.id}`;
              return f.contentType.startsWith('image/') ? (
                <a key={f.id} href={url} target="_blank" rel="noreferrer">
                  <img src={url} alt={f.fileName} loading="lazy" />
                </a>
              ) : (
                <a key={f.id} href={url} download>
                  {f.fileName}
                </a>
              );
            })}
          </div>
        </section>
      )}
      {rel && (
        <section className="related" aria-label={t('rr_related')}>
          <h3>{t('rr_related')}</h3>
          {rel.parent && (
            <>
              <h4>{t('rr_parent')}</h4>
              <Briefs items={[rel.parent]} />
            </>
          )}
          {rel.incident && (
            <p>
              <strong>{t('rr_incident')}:</strong> {rel.incident.title} · {rel.incident.status} ·{' '}
              {rel.incident.openRequests}/{rel.incident.requests}
            </p>
          )}
          <h4>{t('rr_duplicates')}</h4>
          <Briefs items={rel.duplicates} />
          <h4>{t('rr_repeats')}</h4>
          <Briefs items={rel.repeats} />
        </section>
      )}
    </>
  );
}
