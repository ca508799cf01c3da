/** Choosing a category by hand: the groups with their icons, then the kinds inside a group. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tr, type Category } from '../../shared/api.ts';

export default function CategoryPicker({
  tree,
  initialGroup,
  onPick,
  onClose,
}: {
  tree: Category[];
  initialGroup: string | null;
  onPick(code: string): void;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const [group, setGroup] = useState<string | null>(initialGroup);
  const open = tree.find((c) => c.code === group);
  const items = open ? open.children : tree;
  return (
    <div className="r-picker" role="group" aria-label={t('r.report.pickTitle')}>
      <div className="r-row">
        <strong>
          {open ? `${open.icon ?? ''} ${tr(open.name, i18n.language)}` : t('r.report.pickTitle')}
        </strong>
        {open ? (
          <button type="button" className="r-link" onClick={() => setGroup(null)}>
            {t('r.report.allGroups')}
          </button>
        ) : (
          <button type="button" className="r-link" onClick={onClose}>
            {t('r.close')}
          </button>
        )}
      </div>
      <ul className="r-choices">
        {items.map((c) => (
          <li key={c.code}>
            <button
              type="button"
              onClick={() => (c.children.length && !open ? setGroup(c.code) : onPick(c.code))}
            >
              <span className="r-icon" aria-hidden="true">
                {c.icon ?? '•'}
              </span>
              <span>
                {tr(c.name, i18n.language)}
                {c.description && tr(c.description, i18n.language) && (
                  <small>{tr(c.description, i18n.language)}</small>
                )}
              </span>
            </button>
          </li>
        ))}
        {open && (
          <li>
            <button type="button" onClick={() => onPick(open.code)}>
              <span className="r-icon" aria-hidden="true">
                …
              </span>
              <span>{t('r.report.otherInGroup')}</span>
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}
