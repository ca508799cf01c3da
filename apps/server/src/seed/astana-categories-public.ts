/**
 * Categories of the city's public services: healthcare, public transport, education,
 * electricity and the unified utility payment document (Astana's five biggest topics in 2024).
 * Texts are 'kk | ru | en'; keywords 'ru, … | kk, … | en, …'.
 */
import { ask, choice, group, leaf, type CategorySeed } from './category-kit.ts';

export const PUBLIC_SERVICE_CATEGORIES: readonly CategorySeed[] = [
  group(
    'health',
    '🏥',
    'dept-health',
    'Денсаулық сақтау | Здравоохранение | Healthcare',
    'Емханалар, жедел жәрдем, дәрі-дәрмекпен қамту | Поликлиники, скорая помощь, лекарственное обеспечение | Clinics, ambulance and medicines',
  ),
  leaf('health.clinic', '🩺', {
    name: 'Емханаға жазылу | Запись в поликлинику | Clinic appointments',
    about:
      'Дәрігерге жазылу, талон, үйге шақыру, тіркелу | Запись к врачу, талоны, вызов врача на дом, прикрепление | Doctor appointments, home visits, clinic registration',
    crit: 'standard',
    agency: 'dept-health',
    radius: 100,
    high: 48,
    keywords:
      'поликлиника, запись к врачу, талон, терапевт, педиатр, вызов врача, прикрепление | емхана, дәрігерге жазылу, талон, терапевт, педиатр | clinic, appointment, doctor, gp, home visit',
  }),
  leaf('health.ambulance', '🚑', {
    name: 'Жедел жәрдем | Скорая помощь | Ambulance',
    about:
      'Жедел жәрдемнің кешігуі, бригаданың жұмысы | Задержка скорой помощи, работа бригады | Late ambulances and crews',
    crit: 'urgent',
    agency: 'ambulance-103',
    radius: 200,
    keywords:
      'скорая, скорая помощь, бригада, вызов скорой, долго едет | жедел жәрдем, бригада, шақыру | ambulance, paramedics, emergency crew',
  }),
  leaf('health.medicines', '💊', {
    name: 'Тегін дәрі-дәрмек | Лекарственное обеспечение | Free medicines',
    about:
      'Тегін және жеңілдікпен берілетін дәрілер, рецепттер | Бесплатные и льготные лекарства, рецепты | Free and subsidised medicines, prescriptions',
    crit: 'high',
    agency: 'dept-health',
    radius: 100,
    keywords:
      'лекарства, аптека, рецепт, льготные лекарства, инсулин, ГОБМП | дәрі, дәріхана, рецепт, тегін дәрі | medicines, pharmacy, prescription, insulin',
  }),
  leaf('health.conduct', '🧑‍⚕️', {
    name: 'Медициналық көмек сапасы | Качество медицинской помощи | Quality of medical care',
    about:
      'Медқызметкерлердің әдептілігі, кезектер, қызмет сапасы | Поведение медперсонала, очереди, качество обслуживания | Staff conduct, queues and quality of care',
    crit: 'standard',
    agency: 'dept-health',
    radius: 100,
    keywords:
      'врач, медсестра, грубость, очередь в поликлинике, регистратура, качество лечения | дәрігер, мейірбике, дөрекілік, кезек, тіркеу бөлімі | doctor, nurse, rude, queue, reception',
  }),

  group(
    'transport',
    '🚌',
    'dept-transport',
    'Қоғамдық көлік | Общественный транспорт | Public transport',
    'Автобус бағыттары, кестелер, аялдамалар, жол жүру карталары | Маршруты автобусов, расписание, остановки, проездные карты | Bus routes, timetables, stops and travel cards',
  ),
  leaf('transport.route', '🗺️', {
    name: 'Автобус бағыттары | Автобусные маршруты | Bus routes',
    about:
      'Жаңа бағыт, бағытты өзгерту немесе жабу | Новые маршруты, изменение и отмена маршрутов | New, changed or cancelled bus routes',
    crit: 'low',
    agency: 'dept-transport',
    radius: 1000,
    keywords:
      'маршрут, автобус, новый маршрут, продлить маршрут, отменили маршрут | бағыт, автобус, жаңа бағыт | bus route, route change, new route',
    questions: [ask('route', 'string', 'Бағыт нөмірі | Номер маршрута | Route number')],
  }),
  leaf('transport.delays', '⏱️', {
    name: 'Автобустың кешігуі | Интервалы и опоздания автобусов | Bus delays',
    about:
      'Ұзақ аралықтар, автобустар кестеге сай жүрмейді | Большие интервалы, автобусы не ходят по расписанию | Long waits, buses off timetable',
    crit: 'standard',
    agency: 'bus-operator',
    radius: 1000,
    keywords:
      'автобус, интервал, опаздывает, не ходит, расписание, ждали, переполнен | автобус, кешігу, кесте, күттік, аялдама | bus, late, delay, timetable, waited',
    questions: [ask('route', 'string', 'Бағыт нөмірі | Номер маршрута | Route number', true)],
  }),
  leaf('transport.stops', '🚏', {
    name: 'Аялдамалар | Остановки | Bus stops',
    about:
      'Аялдама павильондары, таблолар, тазалық | Павильоны, табло, уборка остановок | Shelters, displays and cleaning of stops',
    crit: 'low',
    agency: 'dept-transport',
    radius: 150,
    keywords:
      'остановка, павильон, табло, остановочный, скамейка на остановке | аялдама, павильон, табло | bus stop, shelter, display',
  }),
  leaf('transport.card', '💳', {
    name: 'Жол жүру карталары | Проездные карты и оплата | Travel cards and fares',
    about:
      'Жол жүру карталары, валидаторлар, ақы алу | Проездные карты, валидаторы, списания | Travel cards, validators and charges',
    crit: 'low',
    agency: 'fare-operator',
    radius: 1000,
    low: 240,
    keywords:
      'проездной, карта, валидатор, списали, оплата проезда, льготный проезд | жол жүру картасы, валидатор, жол ақысы | travel card, validator, fare, charged',
  }),
  leaf('transport.driver', '🧑‍✈️', {
    name: 'Жүргізушілердің әдебі | Поведение водителей | Driver conduct',
    about:
      'Дөрекілік, аялдамада тоқтамау, қауіпті жүргізу | Грубость, проезд остановок, опасное вождение | Rudeness, skipped stops, dangerous driving',
    crit: 'standard',
    agency: 'bus-operator',
    radius: 1000,
    keywords:
      'водитель, грубил, не остановился, проехал остановку, курит, опасно водит | жүргізуші, дөрекі, тоқтамады | driver, rude, skipped stop, dangerous driving',
    questions: [ask('route', 'string', 'Бағыт нөмірі | Номер маршрута | Route number')],
  }),

  group(
    'education',
    '🎓',
    'dept-education',
    'Білім беру | Образование | Education',
    'Балабақшалар мен мектептер | Детские сады и школы | Kindergartens and schools',
  ),
  leaf('education.kindergarten', '🧸', {
    name: 'Балабақша кезегі | Очередь в детский сад | Kindergarten queue',
    about:
      'Балабақшаға кезек, жолдама, орын | Очередь, направление и места в детских садах | Queue, referrals and places in kindergartens',
    crit: 'standard',
    agency: 'dept-education',
    radius: 500,
    keywords:
      'детский сад, садик, очередь, направление в сад, место в саду | балабақша, кезек, жолдама | kindergarten, queue, place, referral',
  }),
  leaf('education.enrolment', '📝', {
    name: 'Мектепке қабылдау | Приём в школу | School enrolment',
    about:
      'Бірінші сыныпқа қабылдау, ауысу, бекіту | Приём в первый класс, перевод, закрепление | First-grade enrolment and transfers',
    crit: 'standard',
    agency: 'dept-education',
    radius: 500,
    keywords:
      'школа, первый класс, прием в школу, перевод, прикрепление к школе | мектеп, бірінші сынып, қабылдау | school, enrolment, first grade, transfer',
  }),
  leaf('education.school', '🏫', {
    name: 'Мектептегі жағдай | Школы | Schools',
    about:
      'Сабақ кестесі, тамақтану, мектеп ғимараты, тасымалдау | Расписание, питание, здания школ, подвоз учеников | Timetables, meals, school buildings and school buses',
    crit: 'standard',
    agency: 'dept-education',
    keywords:
      'школа, учитель, питание в школе, три смены, подвоз, класс переполнен | мектеп, мұғалім, тамақтану, ауысым | school, teacher, meals, shifts, school bus',
  }),

  group(
    'electricity',
    '⚡',
    'dept-energy',
    'Электр қуаты | Электроснабжение | Electricity',
    'Жарықтың сөнуі, кернеу, көше сымдары, есептегіштер | Отключения, напряжение, уличные сети, счётчики | Outages, voltage, street wiring and meters',
  ),
  leaf('electricity.outage', '🔌', {
    name: 'Жарықтың сөнуі | Отключение электроэнергии | Power outage',
    about:
      'Үйде, подъезде немесе көшеде жарық жоқ; кернеу секіреді | Нет света в доме, подъезде или на улице; скачки напряжения | No power in a flat, building or street; voltage surges',
    crit: 'high',
    agency: 'astana-rek',
    radius: 800,
    high: 12,
    keywords:
      'нет света, отключили свет, электричество, напряжение, скачки, выбило | жарық жоқ, электр, кернеу, жарықты өшірді | no power, power cut, outage, electricity, voltage',
    questions: [
      choice('scope', 'Қай жерде жарық жоқ? | Где нет света? | Where is the power out?', [
        ['flat', 'Пәтерде | В квартире | In one flat'],
        ['building', 'Бүкіл үйде | Во всём доме | In the whole building'],
        ['street', 'Көшеде / ауданда | На улице / в районе | In the street or area'],
      ]),
    ],
  }),
  leaf('electricity.wiring', '🪝', {
    name: 'Көше электр желілері | Уличные электросети | Street wiring',
    about:
      'Үзілген сымдар, қисайған тіректер, ашық қалқандар | Оборванные провода, наклонённые опоры, открытые щиты | Broken wires, leaning poles, open switchboards',
    crit: 'high',
    agency: 'astana-rek',
    radius: 200,
    high: 24,
    keywords:
      'провод, оборван провод, опора, столб, щиток, искрит, трансформатор | сым, тірек, бағана, қалқан, ұшқын | wire, pole, switchboard, sparks, transformer',
  }),
  leaf('electricity.meter', '📟', {
    name: 'Электр есептегіштері | Счётчики электроэнергии | Electricity meters',
    about:
      'Есептегішті ауыстыру, пломбалау, қосылу | Замена, опломбирование счётчиков, подключение | Meter replacement, sealing and new connections',
    crit: 'low',
    agency: 'astana-energy',
    radius: 50,
    keywords:
      'счетчик, пломба, замена счетчика, показания, подключение | есептегіш, пломба, көрсеткіш | meter, seal, reading, connection',
  }),

  group(
    'epd',
    '🧾',
    'epd-operator',
    'Бірыңғай төлем құжаты | Единый платёжный документ | Unified payment document',
    'Коммуналдық қызметтерге арналған бірыңғай төлем құжаты (БТҚ / ЕПД) | Единый платёжный документ за коммунальные услуги (ЕПД) | The single monthly utility bill (EPD)',
  ),
  leaf('epd.document', '📄', {
    name: 'Құжатты жеткізу және деректер | Доставка и данные ЕПД | Delivery and details',
    about:
      'Құжат келмеді, дербес шот, иесінің деректері қате | ЕПД не пришёл, лицевой счёт, неверные данные владельца | Bill not delivered, account number, wrong owner details',
    crit: 'low',
    agency: 'epd-operator',
    radius: 50,
    low: 240,
    keywords:
      'ЕПД, квитанция, платежный документ, лицевой счет, не пришла квитанция, электронный ЕПД | БТҚ, бірыңғай төлем құжаты, түбіртек, дербес шот | payment document, bill, account number, EPD',
  }),
  leaf('epd.billing', '🧮', {
    name: 'Есептеудегі қателер | Ошибки начислений в ЕПД | Billing errors',
    about:
      'Қате есептеу, қайта есептеу, төлем түспеді | Неверные начисления, перерасчёт, не учтена оплата | Wrong charges, recalculation, payment not credited',
    crit: 'standard',
    agency: 'epd-operator',
    radius: 50,
    keywords:
      'начисление, перерасчет, ЕПД, переплата, долг, тариф, оплата не прошла | есептеу, қайта есептеу, БТҚ, қарыз, тариф | overcharge, recalculation, debt, tariff, payment',
  }),
];
