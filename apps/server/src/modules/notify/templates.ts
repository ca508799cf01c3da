/** Message texts per event and language (kk, ru, en). */
type Lang = 'kk' | 'ru' | 'en';

const STATUS_NAMES: Record<string, Record<Lang, string>> = {
  new: { kk: 'тіркелді', ru: 'зарегистрировано', en: 'registered' },
  assigned: { kk: 'орындаушыға берілді', ru: 'передано исполнителю', en: 'assigned' },
  in_progress: { kk: 'жұмыста', ru: 'в работе', en: 'in progress' },
  waiting_for_resident: {
    kk: 'сізден жауап күтуде',
    ru: 'ждёт вашего ответа',
    en: 'waiting for your answer',
  },
  resolved: { kk: 'шешілді', ru: 'решено', en: 'resolved' },
  closed: { kk: 'жабылды', ru: 'закрыто', en: 'closed' },
  rejected: { kk: 'қабылданбады', ru: 'отклонено', en: 'rejected' },
  duplicate: { kk: 'қайталанған өтінім', ru: 'повторное обращение', en: 'a duplicate' },
  deferred: {
    kk: 'келесі жылға ауыстырылды',
    ru: 'перенесено на следующий год',
    en: 'deferred to next year',
  },
  reopened: { kk: 'қайта ашылды', ru: 'открыто повторно', en: 'reopened' },
};

const TEMPLATES: Record<string, Record<Lang, (p: Record<string, unknown>) => string>> = {
  otp: {
    kk: (p) => `${String(p.text)} — Komek кіру коды`,
    ru: (p) => `${String(p.text)} — код входа в Komek`,
    en: (p) => `${String(p.text)} — your Komek sign-in code`,
  },
  request_created: {
    kk: (p) =>
      `№${String(p.number)} өтінім тіркелді. Мерзімі: ${String(p.dueAt).slice(0, 16).replace('T', ' ')}`,
    ru: (p) =>
      `Обращение №${String(p.number)} зарегистрировано. Срок: ${String(p.dueAt).slice(0, 16).replace('T', ' ')}`,
    en: (p) =>
      `Request ${String(p.number)} registered. Due: ${String(p.dueAt).slice(0, 16).replace('T', ' ')}`,
  },
  status_changed: {
    kk: (p) => `№${String(p.number)} өтінім: ${STATUS_NAMES[String(p.status)]?.kk ?? String(p.status)}`,
    ru: (p) => `Обращение №${String(p.number)}: ${STATUS_NAMES[String(p.status)]?.ru ?? String(p.status)}`,
    en: (p) => `Request ${String(p.number)}: ${STATUS_NAMES[String(p.status)]?.en ?? String(p.status)}`,
  },
  comment: {
    kk: (p) => `№${String(p.number)} өтінімге жауап: ${String(p.body)}`,
    ru: (p) => `Ответ по обращению №${String(p.number)}: ${String(p.body)}`,
    en: (p) => `Reply on request ${String(p.number)}: ${String(p.body)}`,
  },
  sla_breach: {
    kk: (p) => `№${String(p.number)} өтінімнің мерзімі өтті`,
    ru: (p) => `Просрочено обращение №${String(p.number)}`,
    en: (p) => `Request ${String(p.number)} is overdue`,
  },
};

export function renderMessage(
  kind: string,
  lang: string,
  payload: Record<string, unknown>,
): { subject: string | null; body: string } {
  const l: Lang = lang === 'kk' || lang === 'en' ? lang : 'ru';
  const t = TEMPLATES[kind]?.[l];
  return { subject: null, body: t ? t(payload) : `${kind}: ${JSON.stringify(payload)}` };
}
