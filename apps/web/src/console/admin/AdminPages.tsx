/** The admin pages under /console/admin/… (admin role), one lazy chunk with its own sub-navigation. */
import { useTranslation } from 'react-i18next';
import { go } from '../nav.ts';
import './strings.ts';
import Agencies from './Agencies.tsx';
import Categories from './Categories.tsx';
import Classifier from './Classifier.tsx';
import Districts from './Districts.tsx';
import Staff from './Staff.tsx';

export const ADMIN_PAGES = ['categories', 'agencies', 'staff', 'districts', 'classifier', 'rules'] as const;
const LABEL: Record<(typeof ADMIN_PAGES)[number], string> = {
  categories: 'a_categories',
  agencies: 'a_agencies',
  staff: 'a_staff',
  districts: 'a_districts',
  classifier: 'a_classifier',
  rules: 'c_rules',
};

export function AdminNav({ page }: { page: string }) {
  const { t } = useTranslation();
  return (
    <nav className="admin-nav" aria-label={t('c_admin')}>
      {ADMIN_PAGES.map((p) => (
        <a
          key={p}
          href={`/console/admin/${p}`}
          aria-current={p === page ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault();
            go(`/console/admin/${p}`);
          }}
        >
          {t(LABEL[p])}
        </a>
      ))}
    </nav>
  );
}

export default function AdminPages({ page }: { page: string }) {
  return (
    <>
      <AdminNav page={page} />
      {page === 'agencies' ? (
        <Agencies />
      ) : page === 'staff' ? (
        <Staff />
      ) : page === 'districts' ? (
        <Districts />
      ) : page === 'classifier' ? (
        <Classifier />
      ) : (
        <Categories />
      )}
    </>
  );
}
