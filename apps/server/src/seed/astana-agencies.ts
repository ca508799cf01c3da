/** The demo city's agencies: departments, district akimats, utilities, lift companies, building managers. */
export type AgencyKind = 'department' | 'district_akimat' | 'utility' | 'lift_company' | 'building_manager' | 'contact_center' | 'other';

export interface AgencySeed {
  code: string;
  kind: AgencyKind;
  name: [kk: string, ru: string, en: string];
  phone: string;
  district?: string;
  calendar?: 'office';
}

const d = (code: string, kk: string, ru: string, en: string, phone: string): AgencySeed => ({ code, kind: 'department', name: [kk, ru, en], phone, calendar: 'office' });
const u = (code: string, kk: string, ru: string, en: string, phone: string): AgencySeed => ({ code, kind: 'utility', name: [kk, ru, en], phone });

export const AGENCIES: AgencySeed[] = [
  { code: 'ikomek', kind: 'contact_center', name: ['iKOMEK 109 бірыңғай байланыс орталығы', 'Единый контакт-центр iKOMEK 109', 'iKOMEK 109 unified contact center'], phone: '109' },
  d('dept-health', 'Денсаулық сақтау басқармасы', 'Управление здравоохранения', 'Department of Healthcare', '+77172556600'),
  d('dept-transport', 'Қоғамдық көлік басқармасы', 'Управление пассажирского транспорта', 'Department of Public Transport', '+77172556610'),
  d('dept-roads', 'Жолдар басқармасы', 'Управление автомобильных дорог', 'Department of Roads', '+77172556620'),
  d('dept-education', 'Білім басқармасы', 'Управление образования', 'Department of Education', '+77172556630'),
  d('dept-energy', 'Энергетика және ТКШ басқармасы', 'Управление энергетики и ЖКХ', 'Department of Energy and Housing', '+77172556640'),
  d('dept-environment', 'Табиғи ресурстар және қоршаған орта басқармасы', 'Управление природных ресурсов и экологии', 'Department of Environment', '+77172556650'),
  d('dept-improvement', 'Қала көркейту басқармасы', 'Управление благоустройства', 'Department of City Improvement', '+77172556660'),
  d('dept-housing', 'Тұрғын үй инспекциясы', 'Жилищная инспекция', 'Housing Inspectorate', '+77172556670'),
  d('dept-order', 'Қоғамдық тәртіп басқармасы', 'Управление общественного порядка', 'Department of Public Order', '+77172556680'),
  d('dept-emergency', 'Төтенше жағдайлар департаменті', 'Департамент по чрезвычайным ситуациям', 'Department of Emergency Situations', '+77172556690'),
  d('dept-architecture', 'Сәулет және қала құрылысы басқармасы', 'Управление архитектуры и градостроительства', 'Department of Architecture and Urban Planning', '+77172556700'),
  d('dept-veterinary', 'Ветеринария басқармасы', 'Управление ветеринарии', 'Department of Veterinary Services', '+77172556710'),
  d('dept-social', 'Әлеуметтік қорғау басқармасы', 'Управление занятости и социальной защиты', 'Department of Social Protection', '+77172556720'),
  { code: 'akimat-almaty', kind: 'district_akimat', name: ['Алматы ауданының әкімдігі', 'Акимат района Алматы', 'Almaty district akimat'], phone: '+77172701000', district: 'almaty', calendar: 'office' },
  { code: 'akimat-baikonyr', kind: 'district_akimat', name: ['Байқоңыр ауданының әкімдігі', 'Акимат района Байконыр', 'Baikonyr district akimat'], phone: '+77172702000', district: 'baikonur', calendar: 'office' },
  { code: 'akimat-yesil', kind: 'district_akimat', name: ['Есіл ауданының әкімдігі', 'Акимат района Есиль', 'Yesil district akimat'], phone: '+77172703000', district: 'esil', calendar: 'office' },
  { code: 'akimat-saryarka', kind: 'district_akimat', name: ['Сарыарқа ауданының әкімдігі', 'Акимат района Сарыарка', 'Saryarka district akimat'], phone: '+77172704000', district: 'saryarka', calendar: 'office' },
  { code: 'akimat-nura', kind: 'district_akimat', name: ['Нұра ауданының әкімдігі', 'Акимат района Нура', 'Nura district akimat'], phone: '+77172705000', district: 'nura', calendar: 'office' },
  { code: 'akimat-saraishyk', kind: 'district_akimat', name: ['Сарайшық ауданының әкімдігі', 'Акимат района Сарайшык', 'Saraishyk district akimat'], phone: '+77172706000', district: 'saraishyk', calendar: 'office' },
  u('astana-energy', 'Астана-Энергия АҚ', 'АО «Астана-Энергия»', 'Astana-Energy JSC', '+77172751000'),
  u('astana-rek', 'Астана-РЭК АҚ (электр желілері)', 'АО «Астана-РЭК» (электросети)', 'Astana-REK (power grid)', '+77172752000'),
  u('heating-network', 'Астана жылу желілері', 'Астанинские тепловые сети', 'Astana Heating Network', '+77172753000'),
  u('astana-su', 'Астана Су Арнасы', 'Астана Су Арнасы (водоканал)', 'Astana Su Arnasy (water and sewage)', '+77172754000'),
  u('qazaqgaz', 'QazaqGaz Аймақ', 'QazaqGaz Аймак (газ)', 'QazaqGaz Aimak (gas)', '+77172755000'),
  u('astana-lrt', 'Астана LRT', 'Астана LRT', 'Astana LRT', '+77172756000'),
  u('city-bus', 'Қалалық автобус паркі', 'Городской автобусный парк', 'City Bus Company', '+77172757000'),
  u('epd-operator', 'Бірыңғай төлем құжаты операторы', 'Оператор единого платёжного документа', 'Unified payment document operator', '+77172758000'),
  u('tazalyq', 'Астана Тазалық', 'Астана Тазалык (вывоз мусора)', 'Astana Tazalyq (waste collection)', '+77172759000'),
  u('zelenstroy', 'Астана Зеленстрой', 'Астана Зеленстрой (озеленение)', 'Astana Zelenstroy (green areas)', '+77172760000'),
  u('city-lighting', 'Қала жарығы', 'Горсвет', 'City Lighting', '+77172761000'),
  u('ambulance-103', 'Жедел жәрдем станциясы', 'Станция скорой помощи', 'Ambulance station', '103'),
  { code: 'lift-astana-lift', kind: 'lift_company', name: ['Астана Лифт', 'Астана Лифт', 'Astana Lift'], phone: '+77172770001' },
  { code: 'lift-otis', kind: 'lift_company', name: ['Otis Қазақстан', 'Отис Казахстан', 'Otis Kazakhstan'], phone: '+77172770002' },
  { code: 'lift-kone', kind: 'lift_company', name: ['KONE Сервис', 'КОНЕ Сервис', 'KONE Service'], phone: '+77172770003' },
  { code: 'lift-service-plus', kind: 'lift_company', name: ['Лифт Сервис Плюс', 'Лифт Сервис Плюс', 'Lift Service Plus'], phone: '+77172770004' },
  { code: 'osi-yesil-park', kind: 'building_manager', name: ['«Есіл Парк» ПИК', 'ОСИ «Есиль Парк»', 'Yesil Park owners association'], phone: '+77172780001', district: 'esil' },
  { code: 'osi-saryarka-1', kind: 'building_manager', name: ['«Сарыарқа-1» ПИК', 'ОСИ «Сарыарка-1»', 'Saryarka-1 owners association'], phone: '+77172780002', district: 'saryarka' },
  { code: 'uk-comfort', kind: 'building_manager', name: ['«Комфорт Сервис» БК', 'УК «Комфорт Сервис»', 'Comfort Service management company'], phone: '+77172780003' },
  { code: 'uk-nura-dom', kind: 'building_manager', name: ['«Нұра Үй» БК', 'УК «Нура Дом»', 'Nura Dom management company'], phone: '+77172780004', district: 'nura' },
  { code: 'osi-almaty-city', kind: 'building_manager', name: ['«Алматы Сити» ПИК', 'ОСИ «Алматы Сити»', 'Almaty City owners association'], phone: '+77172780005', district: 'almaty' },
];
