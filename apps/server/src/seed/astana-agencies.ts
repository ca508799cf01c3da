/**
 * The demo city's agencies: city departments, district akimats, utilities, lift companies,
 * building managers and the contact center. Pure data; contacts are invented (+7 7172 numbers,
 * e-mail on example domains).
 */
export type AgencyKind =
  | 'department'
  | 'district_akimat'
  | 'utility'
  | 'lift_company'
  | 'building_manager'
  | 'contact_center'
  | 'other';

export interface AgencySeed {
  code: string;
  kind: AgencyKind;
  name: readonly [kk: string, ru: string, en: string];
  phone: string;
  email: string;
  address: string;
  /** Human text shown to staff and residents. */
  workingHours: string;
  /** 'office': the SLA counts working time only; null: wall time (round-the-clock services). */
  calendar: 'office' | null;
  district: string | null;
}

const OFFICE_HOURS = 'Пн–Пт 09:00–18:00, обед 13:00–14:00';
const ROUND_THE_CLOCK = 'Круглосуточно (диспетчерская)';

type Extra = Partial<Pick<AgencySeed, 'district' | 'calendar' | 'workingHours'>>;

function make(kind: AgencyKind, office: boolean) {
  return (code: string, name: AgencySeed['name'], phone: string, address: string, extra: Extra = {}): AgencySeed => ({
    code,
    kind,
    name,
    phone,
    email: `${code}@astana.example.kz`,
    address,
    workingHours: office ? OFFICE_HOURS : ROUND_THE_CLOCK,
    calendar: office ? 'office' : null,
    district: null,
    ...extra,
  });
}

const dept = make('department', true);
const akimat = make('district_akimat', true);
const utility = make('utility', false);
const office = make('utility', true);
const lift = make('lift_company', false);
const manager = make('building_manager', true);

export const AGENCIES: readonly AgencySeed[] = [
  {
    ...make('contact_center', false)(
      'ikomek',
      ['iKomek 109 бірыңғай байланыс орталығы', 'Единый контакт-центр iKomek 109', 'iKomek 109 unified contact center'],
      '109',
      'проспект Бейбитшилик, 11',
    ),
    workingHours: 'Круглосуточно, без выходных',
  },
  // City departments (the akimat's управления).
  dept('dept-health', ['Денсаулық сақтау басқармасы', 'Управление здравоохранения', 'Department of Healthcare'], '+7 7172 55 66 00', 'улица Бейбитшилик, 46'),
  dept('dept-transport', ['Жолаушылар көлігі және автомобиль жолдары басқармасы', 'Управление пассажирского транспорта и автомобильных дорог', 'Department of Passenger Transport and Roads'], '+7 7172 55 66 10', 'проспект Абая, 33'),
  dept('dept-education', ['Білім басқармасы', 'Управление образования', 'Department of Education'], '+7 7172 55 66 20', 'улица Иманова, 18'),
  dept('dept-energy', ['Энергетика және тұрғын үй-коммуналдық шаруашылық басқармасы', 'Управление энергетики и жилищно-коммунального хозяйства', 'Department of Energy and Housing'], '+7 7172 55 66 30', 'проспект Республики, 60'),
  dept('dept-environment', ['Табиғи ресурстар және табиғат пайдалануды реттеу басқармасы', 'Управление природных ресурсов и регулирования природопользования', 'Department of Natural Resources and Environment'], '+7 7172 55 66 40', 'улица Кенесары, 40'),
  dept('dept-order', ['Қоғамдық қауіпсіздік басқармасы (полициямен байланыс)', 'Управление общественной безопасности (взаимодействие с полицией)', 'Department of Public Order (police liaison)'], '+7 7172 55 66 50', 'улица Сейфуллина, 20'),
  dept('dept-emergency', ['Төтенше жағдайлар департаменті', 'Департамент по чрезвычайным ситуациям', 'Department of Emergency Situations'], '112', 'проспект Тауелсиздик, 2', { calendar: null, workingHours: ROUND_THE_CLOCK }),
  dept('dept-housing', ['Тұрғын үй инспекциясы басқармасы', 'Управление жилищной инспекции', 'Housing Inspectorate'], '+7 7172 55 66 70', 'улица Жубанова, 15'),
  dept('dept-urban', ['Қалалық орта басқармасы', 'Управление городской среды и благоустройства', 'Department of Urban Environment'], '+7 7172 55 66 80', 'проспект Мангилик Ел, 8'),
  dept('dept-veterinary', ['Ветеринария басқармасы', 'Управление ветеринарии', 'Department of Veterinary Services'], '+7 7172 55 66 90', 'улица Акмешит, 5'),
  dept('dept-social', ['Жұмыспен қамту және әлеуметтік бағдарламалар басқармасы', 'Управление занятости и социальных программ', 'Department of Employment and Social Programmes'], '+7 7172 55 67 00', 'улица Бокейхана, 11'),
  dept('dept-architecture', ['Сәулет, қала құрылысы және жер қатынастары басқармасы', 'Управление архитектуры, градостроительства и земельных отношений', 'Department of Architecture and Land'], '+7 7172 55 67 10', 'проспект Туран, 24'),
  // District akimats.
  akimat('akimat-almaty', ['Алматы ауданының әкімдігі', 'Акимат района Алматы', 'Almaty district akimat'], '+7 7172 70 10 00', 'проспект Тауелсиздик, 36', { district: 'almaty' }),
  akimat('akimat-baikonyr', ['Байқоңыр ауданының әкімдігі', 'Акимат района Байконыр', 'Baikonyr district akimat'], '+7 7172 70 20 00', 'улица Бокейхана, 25', { district: 'baikonur' }),
  akimat('akimat-yesil', ['Есіл ауданының әкімдігі', 'Акимат района Есиль', 'Yesil district akimat'], '+7 7172 70 30 00', 'улица Сыганак, 10', { district: 'esil' }),
  akimat('akimat-saryarka', ['Сарыарқа ауданының әкімдігі', 'Акимат района Сарыарка', 'Saryarka district akimat'], '+7 7172 70 40 00', 'улица Сейфуллина, 27', { district: 'saryarka' }),
  akimat('akimat-nura', ['Нұра ауданының әкімдігі', 'Акимат района Нура', 'Nura district akimat'], '+7 7172 70 50 00', 'проспект Улы Дала, 46', { district: 'nura' }),
  akimat('akimat-saraishyk', ['Сарайшық ауданының әкімдігі', 'Акимат района Сарайшык', 'Saraishyk district akimat'], '+7 7172 70 60 00', 'улица Орынбор, 50', { district: 'saraishyk' }),
  // Utilities and city companies.
  utility('astana-energy', ['«Астана-Энергия» АҚ', 'АО «Астана-Энергия»', 'Astana-Energy JSC'], '+7 7172 75 10 00', 'улица Пушкина, 166'),
  utility('astana-rek', ['«Астана-РЭК» АҚ (электр желілері)', 'АО «Астана-РЭК» (электросети)', 'Astana-REK JSC (power grid)'], '+7 7172 75 20 00', 'улица Бейбитшилик, 52'),
  utility('teplotranzit', ['«Астана-Теплотранзит» АҚ (жылу желілері)', 'АО «Астана-Теплотранзит» (тепловые сети)', 'Astana-Teplotranzit JSC (heating network)'], '+7 7172 75 30 00', 'улица Жубанова, 2'),
  utility('astana-su', ['«Астана Су Арнасы» МКК', 'ГКП «Астана Су Арнасы»', 'Astana Su Arnasy (water and sewage)'], '+7 7172 75 40 00', 'улица Жубанова, 17'),
  utility('qazaqgaz', ['«QazaqGaz Аймақ» АҚ Астана филиалы', 'Филиал АО «QazaqGaz Аймак» в Астане', 'QazaqGaz Aimak (gas), Astana branch'], '104', 'улица Кенесары, 62'),
  utility('bus-operator', ['Қалалық автобус паркі', 'Городской автобусный парк', 'City bus operator'], '+7 7172 75 60 00', 'улица Пушкина, 40'),
  office('fare-operator', ['Жол ақысын электрондық төлеу жүйесінің операторы', 'Оператор системы электронной оплаты проезда', 'Electronic fare payment operator'], '+7 7172 75 70 00', 'проспект Сарыарка, 6'),
  office('epd-operator', ['Бірыңғай төлем құжатының операторы («Астана ЕРО»)', 'Оператор единого платёжного документа («Астана ЕРЦ»)', 'Unified payment document operator (Astana ERC)'], '+7 7172 75 80 00', 'проспект Кабанбай батыра, 17'),
  utility('tazalyq', ['«Астана Тазалық» ЖШС', 'ТОО «Астана Тазалык»', 'Astana Tazalyq LLP (waste collection)'], '+7 7172 75 90 00', 'улица Е-10, 4'),
  office('zelenstroy', ['«Астана Зеленстрой» МКК', 'ГКП «Астана Зеленстрой»', 'Astana Zelenstroy (green areas)'], '+7 7172 76 00 00', 'улица Калдаякова, 3'),
  utility('city-lighting', ['«Қала Жарығы» МКК (көше жарығы)', 'ГКП «Кала Жарыгы» (уличное освещение)', 'Kala Zharygy (street lighting)'], '+7 7172 76 10 00', 'улица Московская, 29'),
  utility('roads-service', ['«Астана Жолдары» МКК (жол қызметі)', 'ГКП «Астана Жолдары» (дорожная служба)', 'Astana Zholdary (road maintenance)'], '+7 7172 76 20 00', 'проспект Абылай хана, 12'),
  utility('traffic-center', ['Жол қозғалысын басқару орталығы', 'Центр управления дорожным движением', 'Traffic management center'], '+7 7172 76 30 00', 'проспект Туран, 50'),
  utility('ambulance-103', ['Жедел медициналық жәрдем станциясы', 'Станция скорой медицинской помощи', 'Ambulance station'], '103', 'улица Куйши Дина, 30'),
  office('disinsection', ['«Астана Дезинфекция» МКК', 'ГКП «Астана Дезинфекция»', 'Astana Disinfection (pest control)'], '+7 7172 76 50 00', 'улица Акмешит, 21'),
  // Lift companies (round-the-clock dispatch).
  lift('lift-astana', ['«Астана Лифт» ЖШС', 'ТОО «Астана Лифт»', 'Astana Lift LLP'], '+7 7172 77 00 01', 'улица Иманова, 44'),
  lift('lift-otis', ['«Отис Қазақстан» ЖШС', 'ТОО «Отис Казахстан»', 'Otis Kazakhstan LLP'], '+7 7172 77 00 02', 'проспект Мангилик Ел, 51'),
  lift('lift-kone', ['«КОНЕ Сервис» ЖШС', 'ТОО «КОНЕ Сервис»', 'KONE Service LLP'], '+7 7172 77 00 03', 'проспект Туран, 37'),
  lift('lift-service', ['«Лифт Сервис Плюс» ЖШС', 'ТОО «Лифт Сервис Плюс»', 'Lift Service Plus LLP'], '+7 7172 77 00 04', 'улица Сейфуллина, 31'),
  // Building managers: owners' associations (ОСИ / ПИБ) and management companies.
  manager('osi-yesil-park', ['«Есіл Парк» ПИБ', 'ОСИ «Есиль Парк»', 'Yesil Park owners association'], '+7 7172 78 00 01', 'проспект Туран, 19', { district: 'esil' }),
  manager('osi-saryarka-1', ['«Сарыарқа-1» ПИБ', 'ОСИ «Сарыарка-1»', 'Saryarka-1 owners association'], '+7 7172 78 00 02', 'улица Бейбитшилик, 14', { district: 'saryarka' }),
  manager('uk-comfort', ['«Комфорт Сервис» басқарушы компаниясы', 'УК «Комфорт Сервис»', 'Comfort Service management company'], '+7 7172 78 00 03', 'проспект Абая, 90'),
  manager('uk-nura-dom', ['«Нұра Үй» басқарушы компаниясы', 'УК «Нура Дом»', 'Nura Dom management company'], '+7 7172 78 00 04', 'проспект Улы Дала, 7', { district: 'nura' }),
  manager('osi-almaty-city', ['«Алматы Сити» ПИБ', 'ОСИ «Алматы Сити»', 'Almaty City owners association'], '+7 7172 78 00 05', 'проспект Тауелсиздик, 21', { district: 'almaty' }),
];
