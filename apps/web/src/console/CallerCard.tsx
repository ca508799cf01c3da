/**
 * The caller's card (their open and earlier requests) — in the intake screen, and popping up on
 * the operator who answers a call the PBX reported (a live `call` event).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api.ts';
import './call-strings.ts';
import { useLive } from './live.ts';
import { go } from './nav.ts';

interface Brief {
  number: string;
  status: string;
  category: string | null;
  text: string;
  createdAt: string;
}
export interface Caller {
  phone: string;
  resident: { id: number; name: string | null } | null;
  open: Brief[];
  recent: Brief[];
}

function Requests({ items, title }: { items: Brief[]; title: string }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{title}</h3>
      {items.length ? (
        <ul className="caller-requests">
          {items.map((r) => (
            <li key={r.number}>
              <a
                href={`/console/r/${r.number}`}
                onClick={(e) => {
                  e.preventDefault();
                  go(`/console/r/${r.number}`);
                }}
              >
                {r.number}
              </a>{' '}
              · {r.status} · {r.text.slice(0, 80)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('k_none')}</p>
      )}
    </>
  );
}

export function CallerCard({ caller }: { caller: Caller }) {
  const { t } = useTranslation();
  return (
    <div className="caller-card">
      <p>
        <strong>{caller.resident?.name ?? t('k_caller')}</strong> · {caller.phone}
      </p>
      {!caller.resident && <p>{t('k_unknown')}</p>}
      {caller.resident && (
        <>
          <Requests items={caller.open} title={t('k_open')} />
          <Requests items={caller.recent} title={t('k_recent')} />
        </>
      )}
    </div>
  );
}

/** Listens for calls answered by this operator and shows the caller's card as a dialog. */
export function CallPopup() {
  const { t } = useTranslation();
  const [call, setCall] = useState<{ callId: string; caller: Caller | null } | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useLive((e) => {
    if (e.type === 'call' && e.callId)
      void api<{ callId: string; caller: Caller | null }>(
        `/api/v1/calls/${encodeURIComponent(e.callId)}/card`,
      ).then(setCall, () => undefined);
  });
  useEffect(() => {
    if (call) dialog.current?.focus();
  }, [call]);
  if (!call) return null;
  const start = (): void => {
    const q = new URLSearchParams({
      callId: call.callId,
      ...(call.caller ? { phone: call.caller.phone } : {}),
    });
    setCall(null);
    go(`/console/new?${q.toString()}`);
  };
  return (
    <div
      className="call-popup"
      role="dialog"
      aria-modal="false"
      aria-label={t('k_incoming')}
      tabIndex={-1}
      ref={dialog}
    >
      <h2>{t('k_incoming')}</h2>
      {call.caller ? <CallerCard caller={call.caller} /> : <p>{t('k_hidden')}</p>}
      <div className="actions">
        <button className="primary" onClick={start}>
          {t('k_new_for')}
        </button>
        <button onClick={() => setCall(null)}>{t('k_close')}</button>
      </div>
    </div>
  );
}
