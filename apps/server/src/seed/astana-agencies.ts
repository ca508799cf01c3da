/**
 * The demo city's agencies: city departments, district akimats, utilities, lift companies,
 * building managers and the contact center. Pure data; contacts are invented (+7 7172 numbers,
 * e-mail on example domains). Rows read 'code | kk | ru | en | phone | address [| district]'.
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

/** City departments (the akimat's управления). */
const DEPARTMENTS = [
  'dept-health | Денсаулық сақтау басқармасы | Управление здравоохранения | Department of Healthcare | +7 7172 55 66 00 | улица Бейбитшилик, 46',
  'dept-transport | Жолаушылар көлігі және автомобиль жолдары басқармасы | Управление пассажирского транспорта и автомобильных дорог | Department of Passenger Transport and Roads | +7 7172 55 66 10 | проспект Абая, 33',
  'dept-education | Білім басқармасы | Управление образования | Department of Education | +7 7172 55 66 20 | улица Иманова, 18',
  'dept-energy | Энергетика және тұрғын үй-коммуналдық шаруашылық басқармасы | Управление энергетики и жилищно-коммунального хозяйства | Department of Energy and Housing | +7 7172 55 66 30 | проспект Республики, 60',
  'dept-environment | Табиғи ресурстар және табиғат пайдалануды реттеу басқармасы | Управление природных ресурсов и регулирования природопользования | Department of Natural Resources and Environment | +7 7172 55 66 40 | улица Кенесары, 40',
  'dept-order | Қоғамдық қауіпсіздік басқармасы (полициямен байланыс) | Управление общественной безопасности (взаимодействие с полицией) | Department of Public Order (police liaison) | +7 7172 55 66 50 | улица Сейфуллина, 20',
  'dept-emergency | Төтенше жағдайлар департаменті | Департамент по чрезвычайным ситуациям | Department of Emergency Situations | 112 | проспект Тауелсиздик, 2',
  'dept-housing | Тұрғын үй инспекциясы басқармасы | Управление жилищной инспекции | Housing Inspectorate | +7 7172 55 66 70 | улица Жубанова, 15',
  'dept-urban | Қалалық орта басқармасы | Управление городской среды и благоустройства | Department of Urban Environment | +7 7172 55 66 80 | проспект Мангилик Ел, 8',
  'dept-veterinary | Ветеринария басқармасы | Управление ветеринарии | Department of Veterinary Services | +7 7172 55 66 90 | улица Акмешит, 5',
  'dept-social | Жұмыспен қамту және әлеуметтік бағдарламалар басқармасы | Управление занятости и социальных программ | Department of Employment and Social Programmes | +7 7172 55 67 00 | улица Бокейхана, 11',
  'dept-architecture | Сәулет, қала құрылысы және жер қатынастары басқармасы | Управление архитектуры, градостроительства и земельных отношений | Department of Architecture and Land | +7 7172 55 67 10 | проспект Туран, 24',
];
/** Departments on duty day and night. */
const ON_DUTY = new Set(['dept-emergency']);

const DISTRICT_AKIMATS = [
  'akimat-almaty | Алматы ауданының әкімдігі | Акимат района Алматы | Almaty district akimat | +7 7172 70 10 00 | проспект Тауелсиздик, 36 | almaty',
  'akimat-baikonyr | Байқоңыр ауданының әкімдігі | Акимат района Байконыр | Baikonyr district akimat | +7 7172 70 20 00 | улица Бокейхана, 25 | baikonur',
  'akimat-yesil | Есіл ауданының әкімдігі | Акимат района Есиль | Yesil district akimat | +7 7172 70 30 00 | улица Сыганак, 10 | esil',
  'akimat-saryarka | Сарыарқа ауданының әкімдігі | Акимат района Сарыарка | Saryarka district akimat | +7 7172 70 40 00 | улица Сейфуллина, 27 | saryarka',
  'akimat-nura | Нұра ауданының әкімдігі | Акимат района Нура | Nura district akimat | +7 7172 70 50 00 | проспект Улы Дала, 46 | nura',
  'akimat-saraishyk | Сарайшық ауданының әкімдігі | Акимат района Сарайшык | Saraishyk district akimat | +7 7172 70 60 00 | улица Орынбор, 50 | saraishyk',
];

/** Utilities and city companies with a round-the-clock dispatch service. */
const DISPATCH_UTILITIES = [
  'astana-energy | «Астана-Энергия» АҚ | АО «Астана-Энергия» | Astana-Energy JSC | +7 7172 75 10 00 | улица Пушкина, 166',
  'astana-rek | «Астана-РЭК» АҚ (электр желілері) | АО «Астана-РЭК» (электросети) | Astana-REK JSC (power grid) | +7 7172 75 20 00 | улица Бейбитшилик, 52',
  'teplotranzit | «Астана-Теплотранзит» АҚ (жылу желілері) | АО «Астана-Теплотранзит» (тепловые сети) | Astana-Teplotranzit JSC (heating network) | +7 7172 75 30 00 | улица Жубанова, 2',
  'astana-su | «Астана Су Арнасы» МКК | ГКП «Астана Су Арнасы» | Astana Su Arnasy (water and sewage) | +7 7172 75 40 00 | улица Жубанова, 17',
  'qazaqgaz | «QazaqGaz Аймақ» АҚ Астана филиалы | Филиал АО «QazaqGaz Аймак» в Астане | QazaqGaz Aimak (gas), Astana branch | 104 | улица Кенесары, 62',
  'bus-operator | Қалалық автобус паркі | Городской автобусный парк | City bus operator | +7 7172 75 60 00 | улица Пушкина, 40',
  'tazalyq | «Астана Тазалық» ЖШС | ТОО «Астана Тазалык» | Astana Tazalyq LLP (waste collection) | +7 7172 75 90 00 | улица Е-10, 4',
  'city-lighting | «Қала Жарығы» МКК (көше жарығы) | ГКП «Кала Жарыгы» (уличное освещение) | Kala Zharygy (street lighting) | +7 7172 76 10 00 | улица Московская, 29',
  'roads-service | «Астана Жолдары» МКК (жол қызметі) | ГКП «Астана Жолдары» (дорожная служба) | Astana Zholdary (road maintenance) | +7 7172 76 20 00 | проспект Абылай хана, 12',
  'traffic-center | Жол қозғалысын басқару орталығы | Центр управления дорожным движением | Traffic management center | +7 7172 76 30 00 | проспект Туран, 50',
  'ambulance-103 | Жедел медициналық жәрдем станциясы | Станция скорой медицинской помощи | Ambulance station | 103 | улица Куйши Дина, 30',
];

/** Utilities and city companies that work office hours. */
const OFFICE_UTILITIES = [
  'fare-operator | Жол ақысын электрондық төлеу жүйесінің операторы | Оператор системы электронной оплаты проезда | Electronic fare payment operator | +7 7172 75 70 00 | проспект Сарыарка, 6',
  'epd-operator | Бірыңғай төлем құжатының операторы («Астана ЕРО») | Оператор единого платёжного документа («Астана ЕРЦ») | Unified payment document operator (Astana ERC) | +7 7172 75 80 00 | проспект Кабанбай батыра, 17',
  'zelenstroy | «Астана Зеленстрой» МКК | ГКП «Астана Зеленстрой» | Astana Zelenstroy (green areas) | +7 7172 76 00 00 | улица Калдаякова, 3',
  'disinsection | «Астана Дезинфекция» МКК | ГКП «Астана Дезинфекция» | Astana Disinfection (pest control) | +7 7172 76 50 00 | улица Акмешит, 21',
];

const LIFT_COMPANIES = [
  'lift-astana | «Астана Лифт» ЖШС | ТОО «Астана Лифт» | Astana Lift LLP | +7 7172 77 00 01 | улица Иманова, 44',
  'lift-otis | «Отис Қазақстан» ЖШС | ТОО «Отис Казахстан» | Otis Kazakhstan LLP | +7 7172 77 00 02 | проспект Мангилик Ел, 51',
  'lift-kone | «КОНЕ Сервис» ЖШС | ТОО «КОНЕ Сервис» | KONE Service LLP | +7 7172 77 00 03 | проспект Туран, 37',
  'lift-service | «Лифт Сервис Плюс» ЖШС | ТОО «Лифт Сервис Плюс» | Lift Service Plus LLP | +7 7172 77 00 04 | улица Сейфуллина, 31',
];

/** Owners' associations (ОСИ / ПИБ) and management companies. */
const BUILDING_MANAGERS = [
  'osi-yesil-park | «Есіл Парк» ПИБ | ОСИ «Есиль Парк» | Yesil Park owners association | +7 7172 78 00 01 | проспект Туран, 19 | esil',
  'osi-saryarka-1 | «Сарыарқа-1» ПИБ | ОСИ «Сарыарка-1» | Saryarka-1 owners association | +7 7172 78 00 02 | улица Бейбитшилик, 14 | saryarka',
  'uk-comfort | «Комфорт Сервис» басқарушы компаниясы | УК «Комфорт Сервис» | Comfort Service management company | +7 7172 78 00 03 | проспект Абая, 90',
  'uk-nura-dom | «Нұра Үй» басқарушы компаниясы | УК «Нура Дом» | Nura Dom management company | +7 7172 78 00 04 | проспект Улы Дала, 7 | nura',
  'osi-almaty-city | «Алматы Сити» ПИБ | ОСИ «Алматы Сити» | Almaty City owners association | +7 7172 78 00 05 | проспект Тауелсиздик, 21 | almaty',
];

function rows(kind: AgencyKind, office: boolean, list: readonly string[]): AgencySeed[] {
  return list.map((row) => {
    const [code, kk, ru, en, phone, address, district] = row.split(' | ');
    if (!code || !kk || !ru || !en || !phone || !address) throw new Error(`bad agency row: ${row}`);
    const onDuty = !office || ON_DUTY.has(code);
    return {
      code,
      kind,
      name: [kk, ru, en],
      phone,
      email: `${code}@astana.example.kz`,
      address,
      workingHours: onDuty ? ROUND_THE_CLOCK : OFFICE_HOURS,
      // The demo counts SLAs in calendar time (urgent 24 h … standard 10 days), as iKOMEK does; an
      // agency given the 'office' calendar would count its SLA hours in working time instead.
      calendar: null,
      district: district ?? null,
    };
  });
}

export const AGENCIES: readonly AgencySeed[] = [
  {
    ...(rows('contact_center', false, [
      'ikomek | iKomek 109 бірыңғай байланыс орталығы | Единый контакт-центр iKomek 109 | iKomek 109 unified contact center | 109 | проспект Бейбитшилик, 11',
    ])[0] as AgencySeed),
    workingHours: 'Круглосуточно, без выходных',
  },
  ...rows('department', true, DEPARTMENTS),
  ...rows('district_akimat', true, DISTRICT_AKIMATS),
  ...rows('utility', false, DISPATCH_UTILITIES),
  ...rows('utility', true, OFFICE_UTILITIES),
  ...rows('lift_company', false, LIFT_COMPANIES),
  ...rows('building_manager', true, BUILDING_MANAGERS),
];
