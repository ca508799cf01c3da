/** Sign-in by phone number and a one-time code sent by SMS (in development: shown in the inbox). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, residentApi } from './api.ts';
import { navigate } from './router.ts';
import { claimAll } from './drafts.ts';
import { setState, toast } from './store.ts';

function errorText(t: (k: string, o?: Record<string, unknown>) => string, e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 429) return t('r.signIn.wait', { seconds: Number(e.details.retryAfterSeconds ?? 30) });
    if (e.status === 401) return t('r.signIn.wrongCode');
    if (e.status === 400) return t('r.signIn.badPhone');
  }
  return t('r.error.network');
}

export default function SignIn({ next, embedded }: { next: string; embedded?: boolean }) {
  const { t, i18n } = useTranslation();
  const [phone, setPhone] = useState('+7');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [devInbox, setDevInbox] = useState<string | null>(null);

  const requestCode = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await residentApi.requestOtp(phone.replace(/[\s()-]/g, ''));
      setSent(true);
      // The development inbox exists only outside production: offer the hint only when it answers.
      const url = `/api/v1/dev/inbox?limit=1&recipient=${encodeURIComponent(phone.replace(/[\s()-]/g, ''))}`;
      residentApi.devInbox(phone.replace(/[\s()-]/g, '')).then(
        () => setDevInbox(url),
        () => setDevInbox(null),
      );
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const verify = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await residentApi.verifyOtp(phone.replace(/[\s()-]/g, ''), code.trim(), i18n.language);
      // Reports sent from this device without an account become the resident's before any page asks for them.
      const claimed = await claimAll().catch(() => 0);
      if (claimed > 0) toast(t('r.toast.claimed', { count: claimed }));
      setState({ user: r.user });
      if (!embedded) navigate(next, { replace: true });
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="r-panel" aria-labelledby="r-signin">
      <h2 id="r-signin">{t('r.signIn.title')}</h2>
      <p className="r-muted">{t('r.signIn.lead')}</p>
      {!sent ? (
        <form onSubmit={(e) => void requestCode(e)}>
          <label htmlFor="r-phone">{t('r.signIn.phone')}</label>
          <input
            id="r-phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            required
            minLength={11}
          />
          <button type="submit" className="primary r-wide" disabled={busy}>
            {t('r.signIn.send')}
          </button>
        </form>
      ) : (
        <form onSubmit={(e) => void verify(e)}>
          <p>{t('r.signIn.sentTo', { phone })}</p>
          <label htmlFor="r-code">{t('r.signIn.code')}</label>
          <input
            id="r-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            required
          />
          <button type="submit" className="primary r-wide" disabled={busy || code.length !== 6}>
            {t('r.signIn.verify')}
          </button>
          <div className="r-row">
            <button type="button" className="r-link" onClick={() => void requestCode()} disabled={busy}>
              {t('r.signIn.again')}
            </button>
            <button type="button" className="r-link" onClick={() => (setSent(false), setCode(''))}>
              {t('r.signIn.otherPhone')}
            </button>
          </div>
          {devInbox && (
            <p className="r-hint">
              {t('r.signIn.devHint')}{' '}
              <a href={devInbox} target="_blank" rel="noreferrer">
                {t('r.signIn.devInbox')}
              </a>
            </p>
          )}
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
