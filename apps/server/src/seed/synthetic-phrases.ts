/**
 * The pieces that vary the synthetic texts (openers, time phrases, asks, repeat prefixes,
 * places), the agencies' answers and reasons, and residents' names.
 */
/** Openers, time phrases and asks that wrap the problem. */
export const WRAP: Readonly<
  Record<'ru' | 'kk' | 'en', { open: string[]; since: string[]; ask: string[]; repeat: string[] }>
> = {
  ru: {
    open: ['', '', 'Здравствуйте! ', 'Добрый день. ', 'Обращаюсь как житель дома. ', 'Прошу помочь. '],
    since: ['', '', ' уже третий день', ' с утра', ' вторую неделю', ' с прошлого месяца'],
    ask: [
      '',
      '',
      ' Просим принять меры.',
      ' Прошу разобраться.',
      ' Когда устранят?',
      ' Просим срочно решить вопрос.',
    ],
    repeat: [
      'Повторное обращение: ',
      'Опять та же проблема: ',
      'Обращаюсь повторно, ранее закрыли, но не исправили: ',
    ],
  },
  kk: {
    open: ['', '', 'Сәлеметсіз бе! ', 'Қайырлы күн. ', 'Көмектесіңізші. '],
    since: ['', '', ' үш күннен бері', ' таңертеңнен бері', ' екі аптадан бері'],
    ask: ['', '', ' Шара қолдануды сұраймыз.', ' Көмектесуіңізді сұраймын.', ' Қашан түзетіледі?'],
    repeat: ['Қайта өтініш: ', 'Тағы да сол мәселе: ', 'Бұрын жабылды, бірақ түзетілмеді: '],
  },
  en: {
    open: ['', 'Hello. ', 'Good afternoon. '],
    since: ['', ' since this morning', ' for three days now'],
    ask: ['', ' Please fix it.', ' Please help.'],
    repeat: ['Again: ', 'Reported before and closed, still not fixed: '],
  },
};

/** Where the problem is, when the phrase does not say. */
export const PLACE: Readonly<Record<'ru' | 'kk' | 'en', string[]>> = {
  ru: ['по адресу {addr}', 'возле дома по адресу {addr}', 'во дворе дома по адресу {addr}', 'адрес: {addr}'],
  kk: ['мекенжайы: {addr}', '{addr} үйдің жанында', '{addr}'],
  en: ['at {addr}', 'near {addr}'],
};

/** What the agency answers when the work is done (public comment). */
export const ANSWERS: Readonly<Record<'ru' | 'kk' | 'en', string[]>> = {
  ru: [
    'Работы выполнены, проблема устранена.',
    'Бригада выезжала на место, неисправность устранена.',
    'Вопрос решён. Спасибо за обращение.',
    'Дан ответ заявителю, проведена проверка, нарушение устранено.',
  ],
  kk: [
    'Жұмыстар орындалды, мәселе шешілді.',
    'Бригада шығып, ақаулық жойылды.',
    'Мәселе шешілді. Өтінішіңізге рахмет.',
  ],
  en: ['The work is done and the problem is fixed.', 'A crew visited and fixed the fault.'],
};

export const REASONS = {
  deferred: {
    ru: 'Работы включены в план на {year} год: в текущем году нет финансирования.',
    kk: 'Ағымдағы жылы қаржыландыру жоқ: жұмыстар {year} жылдың жоспарына енгізілді.',
    en: 'No budget this year; the works are planned for {year}.',
  },
  rejected: {
    ru: 'Вопрос не относится к компетенции исполнителя; заявителю дано разъяснение.',
    kk: 'Мәселе орындаушының құзыретіне жатпайды; өтініш берушіге түсіндірме берілді.',
    en: 'Not within this agency’s remit; the resident was told where to turn.',
  },
  waiting: {
    ru: 'Уточните, пожалуйста, номер подъезда и удобное время для доступа.',
    kk: 'Подъезд нөмірін және кіруге ыңғайлы уақытты нақтылаңызшы.',
    en: 'Please tell us the entrance number and a convenient time for access.',
  },
  reopened: { ru: 'Проблема не устранена.', kk: 'Мәселе шешілмеді.', en: 'The problem is not fixed.' },
} as const;

const list = (s: string): string[] => s.split(', ');
const MALE =
  'Нурлан, Ержан, Данияр, Асхат, Марат, Бауыржан, Ерлан, Талгат, Серик, Азамат, Сергей, Александр, Дмитрий, Андрей, Тимур, Руслан';
const FEMALE =
  'Айгуль, Алия, Гульнара, Жанар, Камила, Динара, Асель, Айгерим, Сауле, Мадина, Елена, Ольга, Наталья, Татьяна, Анна, Светлана';
// "Ахметов/а": the male form and the female one with an "а".
const SURNAMES =
  'Ахметов/а, Серикбаев/а, Жумабеков/а, Оспанов/а, Касымов/а, Нурланов/а, Абдрахманов/а, Сулейменов/а, Тулегенов/а, Искаков/а, Бекмуханбетов/а, Мусин/а, Иванов/а, Петров/а, Смирнов/а, Ким, Пак, Шевченко, Кузнецов/а, Омаров/а';

/** Resident names: Kazakh and Russian, by gender; surnames as [male, female]. */
export const NAMES = {
  male: list(MALE),
  female: list(FEMALE),
  surnames: list(SURNAMES).map((x): [string, string] =>
    x.endsWith('/а') ? [x.slice(0, -2), `${x.slice(0, -2)}а`] : [x, x],
  ),
};
