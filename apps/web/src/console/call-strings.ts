/** Caller card and telephony strings in Kazakh, Russian and English. */
import i18n from '../shared/i18n.ts';

const ru = {
  k_incoming: 'Входящий звонок',
  k_caller: 'Звонящий',
  k_unknown: 'Новый звонящий: обращений ещё не было',
  k_open: 'Открытые обращения',
  k_recent: 'Прежние обращения',
  k_none: 'нет',
  k_new_for: 'Новое обращение от этого звонящего',
  k_close: 'Закрыть',
  k_hidden: 'Номер скрыт',
  k_call: 'Звонок',
};
type Dict = typeof ru;
const kk: Dict = {
  k_incoming: 'Кіріс қоңырау',
  k_caller: 'Қоңырау шалушы',
  k_unknown: 'Жаңа қоңырау шалушы: бұрын өтініш болмаған',
  k_open: 'Ашық өтініштер',
  k_recent: 'Бұрынғы өтініштер',
  k_none: 'жоқ',
  k_new_for: 'Осы қоңырау шалушыдан жаңа өтініш',
  k_close: 'Жабу',
  k_hidden: 'Нөмір жасырын',
  k_call: 'Қоңырау',
};
const en: Dict = {
  k_incoming: 'Incoming call',
  k_caller: 'Caller',
  k_unknown: 'New caller: no requests yet',
  k_open: 'Open requests',
  k_recent: 'Earlier requests',
  k_none: 'none',
  k_new_for: 'New request for this caller',
  k_close: 'Close',
  k_hidden: 'Number withheld',
  k_call: 'Call',
};
for (const [lang, d] of Object.entries({ ru, kk, en }))
  i18n.addResourceBundle(lang, 'translation', d, true, false);
