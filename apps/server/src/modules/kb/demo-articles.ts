/**
 * Demo knowledge base for Astana: the questions residents ask the 109 contact center most,
 * in Kazakh, Russian and English. Texts are illustrative; a city replaces them with its own.
 */

export interface DemoVariant {
  title: string;
  keywords: string[];
  body: string;
}

export interface DemoArticle {
  categories: string[];
  audience?: 'staff';
  /** Seasonal: valid from/to these month-days of the seeding year ('MM-DD'). */
  season?: { from: string; to: string };
  kk: DemoVariant;
  ru: DemoVariant;
  en: DemoVariant;
}

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    categories: ['utilities.heating'],
    kk: {
      title: 'Жылу беру маусымы қашан басталады',
      keywords: ['жылу', 'жылыту', 'жылу беру', 'радиатор', 'батарея'],
      body: 'Астанада жылу беру маусымы тәуліктік орташа температура бес күн қатарынан **+10 °C-тан** төмен болғанда әкімдіктің шешімімен басталады (әдетте қыркүйектің екінші жартысы).\n\nЖылу кезең-кезеңімен беріледі: алдымен ауруханалар, балабақшалар мен мектептер, содан кейін тұрғын үйлер. Үйге жылу үш-бес күн ішінде келмесе, үйіңіздің ОСИ/КСК-на немесе **109** бірыңғай байланыс орталығына хабарласыңыз.',
    },
    ru: {
      title: 'Когда дадут отопление: начало отопительного сезона',
      keywords: ['отопление', 'отопительный сезон', 'тепло', 'батареи', 'радиаторы'],
      body: 'Отопительный сезон в Астане начинается по решению акимата, когда среднесуточная температура пять дней подряд держится **ниже +10 °C** (обычно во второй половине сентября).\n\nТепло подают поэтапно: сначала больницы, детские сады и школы, затем жилые дома. Если через три–пять дней после начала сезона батареи холодные, обратитесь в ОСИ/КСК вашего дома или в единый контакт-центр **109**.',
    },
    en: {
      title: 'When is the heating switched on',
      keywords: ['heating', 'heating season', 'radiators', 'cold flat'],
      body: 'The heating season in Astana starts by decision of the akimat once the average daily temperature stays **below +10 °C** for five days in a row (usually in the second half of September).\n\nHeat is supplied in stages: hospitals, kindergartens and schools first, then homes. If your radiators are still cold three to five days later, contact your building’s management (OSI/KSK) or the **109** contact center.',
    },
  },
  {
    categories: ['epd.document', 'epd.billing'],
    kk: {
      title: 'Бірыңғай төлем құжатын (БТҚ) қайда және қалай төлеуге болады',
      keywords: ['бірыңғай төлем құжаты', 'коммуналдық төлем', 'түбіртек', 'төлем'],
      body: 'Бірыңғай төлем құжаты жылу, су, қоқыс шығару және үйге қызмет көрсету төлемдерін бір түбіртекке біріктіреді.\n\nТөлеу жолдары:\n- банктердің мобильді қосымшалары (Kaspi, Halyk және т.б.) — «Коммуналдық төлемдер» бөлімі;\n- Қазпошта бөлімшелері;\n- eGov.kz порталы.\n\nТүбіртек келмесе немесе сомасы қате болса, есеп айырысу орталығына немесе **109**-ға хабарласыңыз.',
    },
    ru: {
      title: 'Где и как оплатить единый платёжный документ (ЕПД)',
      keywords: ['ЕПД', 'квитанция', 'коммунальные платежи', 'оплата коммуналки'],
      body: 'Единый платёжный документ объединяет в одной квитанции отопление, воду, вывоз мусора и обслуживание дома.\n\nОплатить можно:\n- в мобильных приложениях банков (Kaspi, Halyk и др.) — раздел «Коммунальные платежи»;\n- в отделениях Казпочты;\n- на портале eGov.kz.\n\nЕсли квитанция не пришла или сумма неверная, обратитесь в расчётный центр или в **109**.',
    },
    en: {
      title: 'Where and how to pay the unified payment document (EPD)',
      keywords: ['EPD', 'utility bill', 'payment', 'receipt'],
      body: 'The unified payment document puts heating, water, waste collection and building maintenance on one bill.\n\nYou can pay:\n- in banking apps (Kaspi, Halyk and others), section “Utilities”;\n- at Kazpost branches;\n- on the eGov.kz portal.\n\nIf the bill did not arrive or the amount looks wrong, contact the settlement center or call **109**.',
    },
  },
  {
    categories: ['health.clinic'],
    kk: {
      title: 'Мекенжайым бойынша қай емханаға бекітілемін',
      keywords: ['емхана', 'бекіту', 'учаскелік дәрігер', 'тіркелу'],
      body: 'Емхананы өзіңіз таңдай аласыз: тіркелу мекенжайына байланысты емес. Бекіту eGov.kz порталында («Медициналық ұйымға бекіту» қызметі) немесе емхананың тіркеу бөлімінде жеке куәлікпен жүргізіледі.\n\nҚазіргі бекітілген емханаңызды eGov.kz-тегі «Менің денсаулығым» бөлімінен немесе **109** арқылы білуге болады.',
    },
    ru: {
      title: 'К какой поликлинике я прикреплён и как сменить её',
      keywords: ['поликлиника', 'прикрепление', 'участковый врач', 'адрес'],
      body: 'Поликлинику можно выбрать самостоятельно: прикрепление не зависит от адреса прописки. Прикрепиться можно на портале eGov.kz (услуга «Прикрепление к медицинской организации») или в регистратуре поликлиники с удостоверением личности.\n\nУзнать, к какой поликлинике вы прикреплены сейчас, можно в разделе «Моё здоровье» на eGov.kz или по номеру **109**.',
    },
    en: {
      title: 'Which clinic serves my address and how to change it',
      keywords: ['clinic', 'polyclinic', 'attachment', 'family doctor'],
      body: 'You choose your clinic yourself: attachment does not depend on your registered address. Attach on eGov.kz (service “Attachment to a medical organisation”) or at the clinic’s reception with your ID.\n\nTo find out which clinic you are attached to now, see “My health” on eGov.kz or call **109**.',
    },
  },
  {
    categories: ['electricity.outage'],
    kk: {
      title: 'Жарық сөнсе не істеу керек',
      keywords: ['жарық жоқ', 'электр', 'жарық сөнді', 'электр энергиясы'],
      body: '1. Көршілерде жарық бар-жоғын тексеріңіз.\n2. Тек сіздің пәтеріңізде болмаса — электр қалқанындағы автоматтарды тексеріңіз немесе ОСИ/КСК электригін шақырыңыз.\n3. Бүкіл үйде немесе көшеде жарық болмаса — **109**-ға қоңырау шалыңыз: өтінім электр желісі компаниясының апаттық қызметіне жіберіледі.\n\nЖоспарлы сөндірулер кестесі электр желісі компаниясының сайтында жарияланады.',
    },
    ru: {
      title: 'Что делать, если нет света (электричества)',
      keywords: ['нет света', 'электричество', 'отключили свет', 'авария электросети'],
      body: '1. Проверьте, есть ли свет у соседей.\n2. Если нет только у вас — проверьте автоматы в электрощитке или вызовите электрика ОСИ/КСК.\n3. Если нет во всём доме или на улице — позвоните в **109**: заявку передадут в аварийную службу электросетевой компании.\n\nГрафик плановых отключений публикуется на сайте электросетевой компании.',
    },
    en: {
      title: 'What to do when there is no power',
      keywords: ['power outage', 'no electricity', 'blackout', 'no power'],
      body: '1. Check whether your neighbours have power.\n2. If only your flat is dark, check the breakers in the panel or call the building electrician (OSI/KSK).\n3. If the whole building or street is dark, call **109**: the request goes to the grid company’s emergency crew.\n\nPlanned outages are published on the grid company’s website.',
    },
  },
  {
    categories: ['improvement.scooters'],
    kk: {
      title: 'Электросамокаттарды қалдыру ережесі',
      keywords: ['самокат', 'электросамокат', 'тұрақ', 'жеке мобильдік құрал'],
      body: 'Жалға алынған самокатты тек қосымшада белгіленген аймақтарда қалдыруға болады. Тротуардың ортасында, аялдамаларда, кіреберістер мен пандустардың алдында қалдыруға болмайды.\n\nЖаяу жүргіншілерге кедергі келтіретін самокат туралы операторға қосымша арқылы немесе **109**-ға хабарлаңыз: жалға беруші оны белгіленген мерзімде алып кетуі тиіс.',
    },
    ru: {
      title: 'Правила парковки электросамокатов',
      keywords: ['самокат', 'электросамокат', 'парковка самокатов', 'СИМ'],
      body: 'Арендный самокат можно оставлять только в зонах парковки, отмеченных в приложении. Нельзя оставлять его посреди тротуара, на остановках, перед подъездами и пандусами.\n\nО самокате, который мешает пешеходам, сообщите оператору через его приложение или в **109**: арендатор обязан убрать его в установленный срок.',
    },
    en: {
      title: 'E-scooter parking rules',
      keywords: ['scooter', 'e-scooter', 'scooter parking', 'micromobility'],
      body: 'Rental scooters may be left only in the parking zones marked in the app — never in the middle of a sidewalk, at bus stops, or in front of entrances and ramps.\n\nReport a scooter that blocks pedestrians to the operator in its app or to **109**: the operator must remove it within the set time.',
    },
  },
  {
    categories: ['roads.snow'],
    kk: {
      title: 'Қар тазалау кестесі',
      keywords: ['қар', 'қар тазалау', 'мұз', 'көктайғақ'],
      body: 'Қар жауған кезде алдымен магистральдық көшелер мен қоғамдық көлік жүретін жолдар тазаланады, содан кейін аулаішілік өтпе жолдар. Қар шығару негізінен түнде, 22:00-ден 06:00-ге дейін жүргізіледі.\n\nАула мен кіреберіс алдындағы аумақты үйдің ОСИ/КСК-сы тазалайды. Көше тазаланбаса, **109**-ға мекенжайын көрсетіп хабарлаңыз.',
    },
    ru: {
      title: 'График уборки снега',
      keywords: ['снег', 'уборка снега', 'гололёд', 'вывоз снега'],
      body: 'После снегопада сначала убирают магистрали и улицы с общественным транспортом, затем внутриквартальные проезды. Вывоз снега идёт в основном ночью, с 22:00 до 06:00.\n\nДворы и территорию у подъездов убирает ОСИ/КСК дома. Если улицу не убрали, сообщите в **109** с адресом.',
    },
    en: {
      title: 'Snow removal schedule',
      keywords: ['snow', 'snow removal', 'ice', 'snow clearing'],
      body: 'After snowfall, main roads and public transport routes are cleared first, then residential driveways. Snow is hauled away mostly at night, 22:00–06:00.\n\nYards and the area by the entrances are cleared by the building’s OSI/KSK. If a street has not been cleared, report it to **109** with the address.',
    },
  },
  {
    categories: ['utilities.hot-water'],
    season: { from: '05-01', to: '09-01' },
    kk: {
      title: 'Ыстық суды жоспарлы өшіру (жазғы жөндеу)',
      keywords: ['ыстық су', 'су жоқ', 'гидравликалық сынақ', 'жөндеу'],
      body: 'Жаз айларында жылу желілері сынақтан өткізіліп, жөнделеді. Әр үйде ыстық су әдетте **10 күнге дейін** өшіріледі. Кесте жылу желілері компаниясының сайтында жарияланады.\n\nКестеде көрсетілген мерзім өтсе де ыстық су берілмесе, **109**-ға хабарласыңыз.',
    },
    ru: {
      title: 'Плановое отключение горячей воды летом',
      keywords: ['горячая вода', 'нет горячей воды', 'опрессовка', 'гидравлические испытания'],
      body: 'Летом тепловые сети проходят гидравлические испытания и ремонт. Горячую воду в каждом доме обычно отключают **до 10 дней**. График публикует компания тепловых сетей.\n\nЕсли срок по графику прошёл, а горячей воды нет, обратитесь в **109**.',
    },
    en: {
      title: 'Planned hot water shutdowns in summer',
      keywords: ['hot water', 'no hot water', 'pressure testing'],
      body: 'In summer the heating network is pressure-tested and repaired. Hot water in each building is usually off for **up to 10 days**; the schedule is published by the heating network company.\n\nIf the scheduled period is over and there is still no hot water, contact **109**.',
    },
  },
];
