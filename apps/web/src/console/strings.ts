/** Console strings in Kazakh, Russian and English (added to i18next when the console chunk loads). */
import i18n from '../shared/i18n.ts';

const ru = {
  c_title: 'Комек 109 — операторская', c_login: 'Логин', c_password: 'Пароль', c_signin: 'Войти', c_signout: 'Выйти',
  c_queue: 'Очередь', c_newcall: 'Новый звонок', c_search: 'Поиск по тексту или номеру', c_status: 'Статус', c_all: 'все',
  c_number: 'Номер', c_category: 'Категория', c_district: 'Район', c_crit: 'Критичность', c_due: 'Срок', c_text: 'Текст',
  c_overdue: 'просрочено', c_left: 'осталось', c_open: 'Открытые', c_back: '← к очереди', c_timeline: 'История',
  c_move: 'Перевести в статус', c_reason: 'Причина', c_year: 'Плановый год', c_parent: 'Номер основного обращения', c_apply: 'Применить',
  c_assign: 'Назначить исполнителя (ведомство)', c_comment: 'Комментарий', c_public: 'Ответ жителю', c_internal: 'Внутренняя заметка', c_send: 'Отправить',
  c_phone: 'Телефон звонящего', c_name: 'Имя', c_complaint: 'Суть обращения', c_suggest: 'Подсказки', c_save: 'Зарегистрировать',
  c_registered: 'Зарегистрировано', c_tell: 'Сообщите номер и срок', c_dupes: 'Похожие открытые рядом', c_lat: 'Широта', c_lon: 'Долгота', c_noresult: 'Ничего не найдено', c_agency: 'Исполнитель',
};
type Dict = typeof ru;
const kk: Dict = {
  c_title: 'Көмек 109 — оператор', c_login: 'Логин', c_password: 'Құпиясөз', c_signin: 'Кіру', c_signout: 'Шығу',
  c_queue: 'Кезек', c_newcall: 'Жаңа қоңырау', c_search: 'Мәтін немесе нөмір бойынша іздеу', c_status: 'Мәртебе', c_all: 'барлығы',
  c_number: 'Нөмір', c_category: 'Санат', c_district: 'Аудан', c_crit: 'Маңыздылық', c_due: 'Мерзімі', c_text: 'Мәтін',
  c_overdue: 'мерзімі өтті', c_left: 'қалды', c_open: 'Ашық', c_back: '← кезекке', c_timeline: 'Тарих',
  c_move: 'Мәртебеге ауыстыру', c_reason: 'Себебі', c_year: 'Жоспарлы жыл', c_parent: 'Негізгі өтінім нөмірі', c_apply: 'Қолдану',
  c_assign: 'Орындаушыға беру (мекеме)', c_comment: 'Пікір', c_public: 'Тұрғынға жауап', c_internal: 'Ішкі жазба', c_send: 'Жіберу',
  c_phone: 'Қоңырау шалушының телефоны', c_name: 'Аты', c_complaint: 'Өтініштің мәні', c_suggest: 'Ұсыныстар', c_save: 'Тіркеу',
  c_registered: 'Тіркелді', c_tell: 'Нөмір мен мерзімді айтыңыз', c_dupes: 'Жақын маңдағы ұқсас ашық өтінімдер', c_lat: 'Ендік', c_lon: 'Бойлық', c_noresult: 'Ештеңе табылмады', c_agency: 'Орындаушы',
};
const en: Dict = {
  c_title: 'Komek 109 — operator console', c_login: 'Login', c_password: 'Password', c_signin: 'Sign in', c_signout: 'Sign out',
  c_queue: 'Queue', c_newcall: 'New call', c_search: 'Search text or number', c_status: 'Status', c_all: 'all',
  c_number: 'Number', c_category: 'Category', c_district: 'District', c_crit: 'Criticality', c_due: 'Due', c_text: 'Text',
  c_overdue: 'overdue', c_left: 'left', c_open: 'Open', c_back: '← to the queue', c_timeline: 'History',
  c_move: 'Move to status', c_reason: 'Reason', c_year: 'Planned year', c_parent: 'Number of the original request', c_apply: 'Apply',
  c_assign: 'Assign (agency)', c_comment: 'Comment', c_public: 'Reply to the resident', c_internal: 'Internal note', c_send: 'Send',
  c_phone: 'Caller’s phone', c_name: 'Name', c_complaint: 'The complaint', c_suggest: 'Suggestions', c_save: 'Register',
  c_registered: 'Registered', c_tell: 'Tell the caller the number and the due time', c_dupes: 'Similar open requests nearby', c_lat: 'Latitude', c_lon: 'Longitude', c_noresult: 'Nothing found', c_agency: 'Agency',
};
for (const [lang, d] of Object.entries({ ru, kk, en })) i18n.addResourceBundle(lang, 'translation', d, true, false);
