/**
 * Message texts per event and language (kk, ru, en), rendered with the request number, the
 * status in plain language and the due date (in the city's time zone when given in the payload).
 */
type Lang = 'kk' | 'ru' | 'en';
type P = Record<string, unknown>;

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

const num = (p: P): string => String(p.number ?? '');
const statusName = (p: P, l: Lang): string => STATUS_NAMES[String(p.status)]?.[l] ?? String(p.status);

/** "2026-11-25 14:00" in the payload's time zone (default Asia/Almaty), or '' without a date. */
function due(p: P): string {
  if (typeof p.dueAt !== 'string' && !(p.dueAt instanceof Date)) return '';
  const d = new Date(p.dueAt as string);
  if (Number.isNaN(d.getTime())) return '';
  const tz = typeof p.timeZone === 'string' ? p.timeZone : 'Asia/Almaty';
  return new Intl.DateTimeFormat('sv-SE', { timeZone: tz, dateStyle: 'short', timeStyle: 'short' }).format(d);
}
const dueTail = (p: P, l: Lang): string => {
  const d = due(p);
  if (!d) return '';
  return { kk: ` Мерзімі: ${d}.`, ru: ` Срок: ${d}.`, en: ` Due: ${d}.` }[l];
};

interface Template {
  subject: Record<Lang, (p: P) => string>;
  body: Record<Lang, (p: P) => string>;
}

const TEMPLATES: Record<string, Template> = {
  otp: {
    subject: {
      kk: () => 'Komek кіру коды',
      ru: () => 'Код входа в Komek',
      en: () => 'Your Komek sign-in code',
    },
    body: {
      kk: (p) => `${String(p.text)} — Komek кіру коды. Оны ешкімге айтпаңыз.`,
      ru: (p) => `${String(p.text)} — код входа в Komek. Никому его не сообщайте.`,
      en: (p) => `${String(p.text)} — your Komek sign-in code. Do not share it.`,
    },
  },
  request_created: {
    subject: {
      kk: (p) => `№${num(p)} өтінім тіркелді`,
      ru: (p) => `Обращение №${num(p)} зарегистрировано`,
      en: (p) => `Request ${num(p)} registered`,
    },
    body: {
      kk: (p) => `№${num(p)} өтінім тіркелді.${dueTail(p, 'kk')}`,
      ru: (p) => `Обращение №${num(p)} зарегистрировано.${dueTail(p, 'ru')}`,
      en: (p) => `Request ${num(p)} registered.${dueTail(p, 'en')}`,
    },
  },
  status_changed: {
    subject: {
      kk: (p) => `№${num(p)} өтінім: ${statusName(p, 'kk')}`,
      ru: (p) => `Обращение №${num(p)}: ${statusName(p, 'ru')}`,
      en: (p) => `Request ${num(p)}: ${statusName(p, 'en')}`,
    },
    body: {
      kk: (p) =>
        `№${num(p)} өтінім: ${statusName(p, 'kk')}.${p.status === 'resolved' || p.status === 'closed' ? '' : dueTail(p, 'kk')}`,
      ru: (p) =>
        `Обращение №${num(p)}: ${statusName(p, 'ru')}.${p.status === 'resolved' || p.status === 'closed' ? '' : dueTail(p, 'ru')}`,
      en: (p) =>
        `Request ${num(p)}: ${statusName(p, 'en')}.${p.status === 'resolved' || p.status === 'closed' ? '' : dueTail(p, 'en')}`,
    },
  },
  resolved: {
    subject: {
      kk: (p) => `№${num(p)} өтінім шешілді`,
      ru: (p) => `Обращение №${num(p)} решено`,
      en: (p) => `Request ${num(p)} resolved`,
    },
    body: {
      kk: (p) =>
        `№${num(p)} өтінім шешілді. Мәселе шынымен шешілгенін Komek қосымшасында растаңыз немесе қайта ашыңыз.`,
      ru: (p) =>
        `Обращение №${num(p)} решено. Подтвердите в приложении Komek, что проблема устранена, или откройте его снова.`,
      en: (p) =>
        `Request ${num(p)} is resolved. Please confirm in the Komek app that the problem is fixed, or reopen it.`,
    },
  },
  auto_closed: {
    subject: {
      kk: (p) => `№${num(p)} өтінім жабылды`,
      ru: (p) => `Обращение №${num(p)} закрыто`,
      en: (p) => `Request ${num(p)} closed`,
    },
    body: {
      kk: (p) => `№${num(p)} өтінім жауап болмағандықтан автоматты түрде жабылды.`,
      ru: (p) => `Обращение №${num(p)} закрыто автоматически: подтверждения не поступило.`,
      en: (p) => `Request ${num(p)} was closed automatically as no confirmation came.`,
    },
  },
  comment: {
    subject: {
      kk: (p) => `№${num(p)} өтінімге жауап`,
      ru: (p) => `Ответ по обращению №${num(p)}`,
      en: (p) => `Reply on request ${num(p)}`,
    },
    body: {
      kk: (p) => `№${num(p)} өтінімге жауап: ${String(p.body)}`,
      ru: (p) => `Ответ по обращению №${num(p)}: ${String(p.body)}`,
      en: (p) => `Reply on request ${num(p)}: ${String(p.body)}`,
    },
  },
  area_report: {
    subject: {
      kk: () => 'Сіз бақылайтын аумақта жаңа өтінім',
      ru: () => 'Новое обращение в районе, за которым вы следите',
      en: () => 'New report in an area you follow',
    },
    body: {
      kk: (p) => `Сіз бақылайтын аумақта жаңа өтінім: №${num(p)}.`,
      ru: (p) => `В районе, за которым вы следите, новое обращение №${num(p)}.`,
      en: (p) => `New report ${num(p)} in an area you follow.`,
    },
  },
  sla_breach: {
    subject: {
      kk: (p) => `№${num(p)} мерзімі өтті`,
      ru: (p) => `Просрочено обращение №${num(p)}`,
      en: (p) => `Request ${num(p)} is overdue`,
    },
    body: {
      kk: (p) => `№${num(p)} өтінімнің мерзімі өтті.${dueTail(p, 'kk')} Шара қабылдаңыз.`,
      ru: (p) => `Просрочено обращение №${num(p)}.${dueTail(p, 'ru')} Примите меры.`,
      en: (p) => `Request ${num(p)} is overdue.${dueTail(p, 'en')} Please act.`,
    },
  },
};

/** Which template an outbox message uses (a resolution asks to confirm; an auto-close says so). */
export function templateOf(kind: string, p: P): string {
  if (kind === 'status_changed' && p.autoClosed === true) return 'auto_closed';
  if (kind === 'status_changed' && p.status === 'resolved') return 'resolved';
  return kind;
}

export function renderMessage(
  kind: string,
  lang: string,
  payload: P,
): { subject: string | null; body: string } {
  const l: Lang = lang === 'kk' || lang === 'en' ? lang : 'ru';
  const t = TEMPLATES[templateOf(kind, payload)];
  if (!t) return { subject: null, body: `${kind}: ${JSON.stringify(payload)}` };
  return { subject: t.subject[l](payload), body: t.body[l](payload) };
}

/** Every template kind (tests check each renders in each language). */
export const TEMPLATE_KINDS = Object.keys(TEMPLATES);
