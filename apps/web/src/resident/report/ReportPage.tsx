/** Reporting a problem, step by step: describe → photos → place → check and send. Works offline. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { randomId } from '../api.ts';
import {
  discardDraft,
  listDrafts,
  onSent,
  queueReport,
  syncDrafts,
  type Draft,
  type Sent,
} from '../drafts.ts';
import SignIn from '../SignIn.tsx';
import { categoryIndex, useStore } from '../store.ts';
import DescribeStep, { MIN_TEXT } from './DescribeStep.tsx';
import Done from './Done.tsx';
import PhotoStep from './PhotoStep.tsx';
import PlaceStep from './PlaceStep.tsx';
import Questions, { answered } from './Questions.tsx';
import Suggestions from './Suggestions.tsx';
import type { ReportForm } from './types.ts';

const STEPS = ['describe', 'photos', 'place', 'check'] as const;
type Step = (typeof STEPS)[number];
const TEXT_KEY = 'komek.report.text';

export default function ReportPage({ initialCategory }: { initialCategory: string | null }) {
  const { t } = useTranslation();
  const { categories, user, settings } = useStore();
  const index = useMemo(() => categoryIndex(categories), [categories]);
  const initial = initialCategory ? index.get(initialCategory) : undefined;
  const [form, setForm] = useState<ReportForm>(() => ({
    text: sessionStorage.getItem(TEXT_KEY) ?? '',
    category: initial && !initial.children.length ? initial.code : null,
    place: null,
    photos: [],
    point: null,
    address: '',
    answers: {},
  }));
  const [step, setStep] = useState<Step>('describe');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ sent: Sent | null; draftId: string } | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const session = useRef(randomId(12)).current;
  const heading = useRef<HTMLHeadingElement>(null);

  const update = (patch: Partial<ReportForm>) => setForm((f) => ({ ...f, ...patch }));
  useEffect(() => sessionStorage.setItem(TEXT_KEY, form.text), [form.text]);
  useEffect(() => heading.current?.focus(), [step]);

  // A queued report that goes out later (the connection came back) turns the "saved" screen into "sent".
  const draftId = result?.draftId;
  useEffect(
    () => (draftId ? onSent((s) => s.id === draftId && setResult({ sent: s, draftId })) : undefined),
    [draftId],
  );

  const category = form.category ? index.get(form.category) : undefined;
  const i = STEPS.indexOf(step);
  const canNext = step !== 'describe' || form.text.trim().length >= MIN_TEXT;

  const send = async () => {
    setBusy(true);
    setError(null);
    const d: Draft = {
      id: randomId(16),
      body: {
        text: form.text.trim(),
        ...(form.category ? { category: form.category } : {}),
        ...(form.place ? { place: form.place } : {}),
        ...(form.point ? { lat: form.point.lat, lon: form.point.lon } : {}),
        ...(form.address.trim() ? { address: form.address.trim() } : {}),
        attributes: {
          ...Object.fromEntries(Object.entries(form.answers).filter(([, v]) => v.trim() !== '')),
          kbSession: session,
        },
      },
      photos: form.photos.map((p) => ({ blob: p.blob, sent: false })),
      createdAt: new Date().toISOString(),
    };
    let sent: Sent | null = null;
    const off = onSent((s) => {
      if (s.id === d.id) sent = s;
    });
    try {
      await queueReport(d);
      await syncDrafts();
    } catch {
      setBusy(false);
      return setError(t('r.error.network'));
    } finally {
      off();
    }
    const left = (await listDrafts()).find((x) => x.id === d.id);
    if (left?.error) {
      // The server refused it (not a connection problem): say so and let the resident fix the report.
      await discardDraft(d.id);
      setBusy(false);
      return setError(left.error);
    }
    if (!sent && !left) sent = { id: d.id, number: '', dueAt: '', anonymous: !user };
    sessionStorage.removeItem(TEXT_KEY);
    form.photos.forEach((p) => URL.revokeObjectURL(p.url));
    setResult({ sent, draftId: d.id });
    setBusy(false);
  };

  if (result) {
    const again = () => {
      setResult(null);
      setForm({ text: '', category: null, place: null, photos: [], point: null, address: '', answers: {} });
      setStep('describe');
    };
    return <Done sent={result.sent} signedIn={!!user} onAnother={again} />;
  }

  const title = t(`r.report.step.${step}`);
  return (
    <section aria-labelledby="r-report-title">
      <p className="r-muted r-steps">{t('r.report.stepOf', { n: i + 1, total: STEPS.length })}</p>
      <h1 id="r-report-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <ol className="r-progress" aria-hidden="true">
        {STEPS.map((s, k) => (
          <li key={s} className={k <= i ? 'on' : ''} />
        ))}
      </ol>
      {step === 'describe' && (
        <DescribeStep
          form={form}
          update={update}
          initialGroup={initial?.children.length ? initial.code : null}
        />
      )}
      {step === 'photos' && <PhotoStep form={form} update={update} />}
      {step === 'place' && <PlaceStep form={form} update={update} />}
      {step === 'check' && (
        <>
          {category && <Questions category={category} form={form} update={update} />}
          <Suggestions form={form} session={session} index={index} />
          {signingIn && !user ? (
            <SignIn next="/app/report" embedded />
          ) : !user ? (
            <div className="r-panel">
              <p>{settings?.anonymousReports === false ? t('r.check.mustSignIn') : t('r.check.signInWhy')}</p>
              <button type="button" className="primary r-wide" onClick={() => setSigningIn(true)}>
                {t('r.check.signInSend')}
              </button>
              {settings?.anonymousReports !== false && (
                <button
                  type="button"
                  className="r-wide"
                  disabled={busy || !answered(category, form.answers)}
                  onClick={() => void send()}
                >
                  {t('r.check.sendAnonymously')}
                </button>
              )}
            </div>
          ) : (
            <button
              type="button"
              className="primary r-wide r-big"
              disabled={busy || !answered(category, form.answers)}
              onClick={() => void send()}
            >
              {busy ? t('r.check.sending') : t('r.check.send')}
            </button>
          )}
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="r-row r-stepnav">
        {i > 0 && (
          <button type="button" onClick={() => setStep(STEPS[i - 1] as Step)}>
            {t('r.back')}
          </button>
        )}
        {i < STEPS.length - 1 && (
          <button
            type="button"
            className="primary"
            disabled={!canNext}
            onClick={() => setStep(STEPS[i + 1] as Step)}
          >
            {step === 'photos' && !form.photos.length ? t('r.report.skipPhotos') : t('r.next')}
          </button>
        )}
      </div>
    </section>
  );
}
