/** More demo articles for Astana (see demo-articles.ts), including a staff-only procedure. */
import type { DemoArticle } from './demo-articles.ts';

export const MORE_DEMO_ARTICLES: DemoArticle[] = [
  {
    categories: ['utilities.lift'],
    kk: {
      title: 'Лифт істемей тұр: кімге хабарласу керек',
      keywords: ['лифт', 'лифт істемейді', 'лифтте қалып қойды'],
      body: 'Лифтте адам қалып қойса, кабинадағы диспетчерлік байланыс батырмасын басыңыз немесе **112**-ге қоңырау шалыңыз.\n\nЛифт жай ғана тоқтап тұрса, үйдің ОСИ/КСК-на немесе **109**-ға хабарлаңыз: өтінім үйге қызмет көрсететін лифт компаниясына жіберіледі. Жөндеу мерзімі — бір тәуліктен аспауы тиіс.',
    },
    ru: {
      title: 'Не работает лифт: куда обращаться',
      keywords: ['лифт', 'не работает лифт', 'застрял в лифте'],
      body: 'Если в лифте застрял человек, нажмите кнопку связи с диспетчером в кабине или позвоните **112**.\n\nЕсли лифт просто стоит, сообщите в ОСИ/КСК дома или в **109**: заявку передадут лифтовой компании, обслуживающей дом. Срок ремонта — не более суток.',
    },
    en: {
      title: 'The lift is not working: whom to call',
      keywords: ['lift', 'elevator', 'stuck in the lift'],
      body: 'If someone is stuck in the lift, press the dispatcher button in the car or call **112**.\n\nIf the lift is simply out of order, tell your building’s OSI/KSK or **109**: the request goes to the lift company that serves the building. Repairs should take no more than a day.',
    },
  },
  {
    categories: ['waste.bulky'],
    kk: {
      title: 'Ескі жиһаз бен ірі көлемді қоқысты қалай шығаруға болады',
      keywords: ['ірі көлемді қоқыс', 'жиһаз', 'қоқыс шығару', 'құрылыс қоқысы'],
      body: 'Ескі жиһаз бен тұрмыстық техниканы контейнер алаңындағы ірі көлемді қоқысқа арналған арнайы орынға қалдырыңыз. Құрылыс қоқысын контейнерге тастауға болмайды: оны шығаруға тасымалдаушыға ақылы өтінім беріледі.\n\nАлаң толып кетсе немесе ірі қоқыс бір аптадан артық жатса, **109**-ға хабарлаңыз.',
    },
    ru: {
      title: 'Как вывезти старую мебель и крупногабаритный мусор',
      keywords: ['крупногабаритный мусор', 'старая мебель', 'вывоз мусора', 'строительный мусор'],
      body: 'Старую мебель и бытовую технику оставляйте на специально отведённом месте для крупногабаритного мусора на контейнерной площадке. Строительный мусор в контейнеры выбрасывать нельзя: его вывоз заказывают у перевозчика за плату.\n\nЕсли площадка переполнена или крупный мусор лежит дольше недели, сообщите в **109**.',
    },
    en: {
      title: 'How to get rid of old furniture and bulky waste',
      keywords: ['bulky waste', 'old furniture', 'waste collection', 'construction debris'],
      body: 'Leave old furniture and appliances in the bulky-waste area of your container site. Construction debris must not go into containers: order its removal from a carrier (paid).\n\nIf the site is overflowing or bulky waste has been lying there for more than a week, report it to **109**.',
    },
  },
  {
    categories: ['order.noise'],
    kk: {
      title: 'Түнде шу: не істеуге болады',
      keywords: ['шу', 'түнгі шу', 'көршілер', 'тыныштық'],
      body: 'Түнгі уақытта тыныштықты бұзу — әкімшілік құқық бұзушылық. Шу қазір болып жатса, **102** нөміріне полицияға қоңырау шалыңыз.\n\nҚұрылыс жұмыстарынан түнде шу болса, **109**-ға құрылыс мекенжайын көрсетіп хабарлаңыз: өтінім қала құрылысын бақылау бөліміне жіберіледі.',
    },
    ru: {
      title: 'Шум ночью: что можно сделать',
      keywords: ['шум', 'шум ночью', 'соседи шумят', 'тишина'],
      body: 'Нарушение тишины в ночное время — административное правонарушение. Если шумят прямо сейчас, звоните в полицию по номеру **102**.\n\nЕсли ночью шумит стройка, сообщите в **109** с адресом объекта: заявку передадут в отдел государственного архитектурно-строительного контроля.',
    },
    en: {
      title: 'Noise at night: what you can do',
      keywords: ['noise', 'night noise', 'noisy neighbours', 'quiet hours'],
      body: 'Breaking the peace at night is an administrative offence. If it is happening now, call the police at **102**.\n\nIf a construction site is noisy at night, report it to **109** with the site address: the request goes to the construction control department.',
    },
  },
  {
    categories: ['roads.pothole'],
    kk: {
      title: 'Жолдағы шұңқыр туралы қалай хабарлауға болады',
      keywords: ['шұңқыр', 'жол', 'асфальт', 'жол жөндеу'],
      body: 'Қосымшада немесе сайтта өтінім беріп, картада нақты орнын белгілеңіз және фото қосыңыз. Өтінім сол көшеге жауапты жол қызметіне жіберіледі.\n\nҚауіпті шұңқырлар бір тәулік ішінде қоршалады, ал жөндеу асфальт жұмыстарының маусымында (сәуір–қазан) жүргізіледі.',
    },
    ru: {
      title: 'Как сообщить о яме на дороге',
      keywords: ['яма', 'дорога', 'асфальт', 'ремонт дороги', 'выбоина'],
      body: 'Подайте заявку в приложении или на сайте, отметьте точное место на карте и приложите фото. Заявка уйдёт в дорожную службу, отвечающую за эту улицу.\n\nОпасные ямы ограждают в течение суток, а ремонт ведут в сезон асфальтовых работ (апрель–октябрь).',
    },
    en: {
      title: 'How to report a pothole',
      keywords: ['pothole', 'road', 'asphalt', 'road repair'],
      body: 'File a request in the app or on the website, mark the exact spot on the map and add a photo. It goes to the road service responsible for that street.\n\nDangerous potholes are fenced off within a day; repairs are made in the asphalt season (April–October).',
    },
  },
  {
    categories: ['education.kindergarten'],
    kk: {
      title: 'Балабақшаға кезекке қалай тұруға болады',
      keywords: ['балабақша', 'кезек', 'жолдама', 'мектепке дейінгі'],
      body: 'Баланы балабақшаға кезекке eGov.kz порталында («Мектепке дейінгі ұйымдарға кезекке қою» қызметі) туу туралы куәлік және ата-ананың ЖСН-і бойынша қоюға болады.\n\nКезектегі орныңызды сол порталдан көруге болады. Жолдама келгенде оны бес жұмыс күні ішінде растау керек.',
    },
    ru: {
      title: 'Как встать в очередь в детский сад',
      keywords: ['детский сад', 'очередь в садик', 'направление', 'дошкольное'],
      body: 'Поставить ребёнка в очередь в детский сад можно на портале eGov.kz (услуга «Постановка на очередь в дошкольные организации») по свидетельству о рождении и ИИН родителя.\n\nМесто в очереди видно там же. Когда придёт направление, его нужно подтвердить в течение пяти рабочих дней.',
    },
    en: {
      title: 'How to join the kindergarten queue',
      keywords: ['kindergarten', 'queue', 'preschool', 'referral'],
      body: 'Register your child in the kindergarten queue on eGov.kz (service “Registration in the preschool queue”) with the birth certificate and a parent’s IIN.\n\nYour place in the queue is shown there too. When a referral arrives, confirm it within five working days.',
    },
  },
  {
    categories: ['order.animals'],
    kk: {
      title: 'Иесіз иттер: кімге хабарлау керек',
      keywords: ['иесіз иттер', 'ит', 'қаңғыбас жануарлар', 'ит қапты'],
      body: 'Иесіз иттер туралы **109**-ға мекенжай мен жануарлар санын көрсетіп хабарлаңыз: өтінім жануарларды аулау және оқшаулау қызметіне жіберіледі.\n\nИт қапса, дереу жарақат пунктіне немесе емханаға барыңыз — құтыруға қарсы көмек тек алғашқы күндері тиімді.',
    },
    ru: {
      title: 'Бездомные собаки: куда сообщить',
      keywords: ['бездомные собаки', 'собаки', 'бродячие животные', 'укусила собака'],
      body: 'О бездомных собаках сообщите в **109**, указав адрес и сколько животных: заявку передадут службе отлова и содержания животных.\n\nЕсли собака укусила, сразу обратитесь в травмпункт или поликлинику — помощь против бешенства эффективна только в первые дни.',
    },
    en: {
      title: 'Stray dogs: where to report',
      keywords: ['stray dogs', 'dogs', 'stray animals', 'dog bite'],
      body: 'Report stray dogs to **109** with the address and how many animals there are: the request goes to the animal control service.\n\nIf a dog has bitten someone, go to an emergency room or clinic at once — rabies treatment works only in the first days.',
    },
  },
  {
    categories: [],
    kk: {
      title: 'Өтінімнің мәртебелері нені білдіреді',
      keywords: ['өтінім мәртебесі', 'өтінім нөмірі', 'өтінімді бақылау'],
      body: '- **Жаңа** — өтінім тіркелді.\n- **Тағайындалды** — жауапты қызметке жіберілді.\n- **Жұмыста** — орындаушы жұмысқа кірісті.\n- **Шешілді** — жұмыс орындалды; 15 күн ішінде растауға немесе қайта ашуға болады.\n\nӨтінімді нөмірі бойынша қосымшадан немесе **109** арқылы бақылаңыз.',
    },
    ru: {
      title: 'Что означают статусы заявки',
      keywords: ['статус заявки', 'номер заявки', 'отследить заявку'],
      body: '- **Новая** — заявка зарегистрирована.\n- **Назначена** — передана ответственной службе.\n- **В работе** — исполнитель приступил.\n- **Решена** — работы выполнены; в течение 15 дней можно подтвердить или открыть заявку заново.\n\nОтслеживайте заявку по номеру в приложении или по **109**.',
    },
    en: {
      title: 'What the request statuses mean',
      keywords: ['request status', 'request number', 'track my request'],
      body: '- **New** — the request is registered.\n- **Assigned** — sent to the responsible service.\n- **In progress** — the crew has started.\n- **Resolved** — the work is done; within 15 days you can confirm it or reopen the request.\n\nTrack your request by its number in the app or at **109**.',
    },
  },
  {
    categories: ['green.mosquitoes'],
    season: { from: '05-01', to: '10-01' },
    kk: {
      title: 'Масаларға қарсы өңдеу кестесі',
      keywords: ['маса', 'масаларға қарсы өңдеу', 'дезинсекция'],
      body: 'Мамырдан қыркүйекке дейін қаланың су айдындары мен саябақтары масаларға қарсы кесте бойынша өңделеді. Өңдеу желсіз ауа райында, таңертең немесе кешке жүргізіледі.\n\nАулада немесе жертөледе маса көп болса, **109**-ға мекенжайды көрсетіп хабарлаңыз.',
    },
    ru: {
      title: 'График обработки от комаров',
      keywords: ['комары', 'обработка от комаров', 'дезинсекция'],
      body: 'С мая по сентябрь водоёмы и парки города обрабатывают от комаров по графику. Обработку проводят в безветренную погоду, утром или вечером.\n\nЕсли комаров много во дворе или в подвале, сообщите в **109** с адресом.',
    },
    en: {
      title: 'Mosquito treatment schedule',
      keywords: ['mosquitoes', 'mosquito control', 'pest control'],
      body: 'From May to September the city’s ponds and parks are treated against mosquitoes on a schedule, in calm weather, in the morning or evening.\n\nIf there are many mosquitoes in your yard or basement, report it to **109** with the address.',
    },
  },
  {
    categories: ['electricity.outage'],
    audience: 'staff',
    kk: {
      title: 'Регламент: жаппай электр сөндіру кезінде өтінімдерді қабылдау',
      keywords: ['жаппай сөндіру', 'апат', 'инцидент', 'регламент'],
      body: '1. Бір ауданнан 15 минут ішінде бес өтінімнен көп түссе, жүйе оқиғаны (инцидентті) ашады — жаңа өтінімдерді соған байланыстырыңыз.\n2. Тұрғынға апат туралы белгілі ақпаратты және жоспарланған қалпына келтіру уақытын айтыңыз.\n3. Апаттық қызметке бір ғана өтінім жіберіледі; қайталанатын қоңырауларды «Қайталау» деп белгілеңіз.',
    },
    ru: {
      title: 'Регламент: приём заявок при массовом отключении электричества',
      keywords: ['массовое отключение', 'авария', 'инцидент', 'регламент'],
      body: '1. Если из одного района за 15 минут пришло больше пяти заявок, система открывает инцидент — привязывайте новые заявки к нему.\n2. Сообщите жителю, что известно об аварии, и плановое время восстановления.\n3. В аварийную службу уходит одна заявка; повторные звонки отмечайте как «Дубликат».',
    },
    en: {
      title: 'Procedure: taking calls during a mass power outage',
      keywords: ['mass outage', 'emergency', 'incident', 'procedure'],
      body: '1. When more than five requests come from one district within 15 minutes, the system opens an incident — link new requests to it.\n2. Tell the caller what is known about the outage and the expected restoration time.\n3. Only one request goes to the emergency crew; mark repeat calls as “Duplicate”.',
    },
  },
];
