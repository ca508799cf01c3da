/**
 * Categories of housing and roads: utilities (heating, water, sewage, gas, lifts, building
 * upkeep) and roads with the weather (potholes, lighting, manholes, snow, floods). Texts are
 * 'kk | ru | en'; keywords 'ru, … | kk, … | en, …'.
 */
import { FLOODS, HEATING, WINTER, ask, choice, group, leaf, type CategorySeed } from './category-kit.ts';

export const HOUSING_AND_ROAD_CATEGORIES: readonly CategorySeed[] = [
  group(
    'utilities',
    '🏠',
    'dept-energy',
    'Тұрғын үй-коммуналдық шаруашылық | Коммунальные услуги | Housing and utilities',
    'Жылу, су, кәріз, газ, лифттер, үйлерді күтіп ұстау | Отопление, вода, канализация, газ, лифты, содержание домов | Heating, water, sewage, gas, lifts and building upkeep',
  ),
  leaf('utilities.heating', '🔥', {
    name: 'Жылу | Отопление | Heating',
    about:
      'Салқын радиаторлар, жылу берудің кешігуі, жылу желісіндегі апаттар | Холодные батареи, задержка подачи тепла, аварии теплосетей | Cold radiators, late heating, heating-network failures',
    crit: 'high',
    agency: 'teplotranzit',
    radius: 500,
    high: 24,
    season: HEATING,
    keywords:
      'отопление, батареи холодные, нет отопления, холодно в квартире, теплосеть, стояк | жылу, батарея, суық, жылу жоқ, жылу желісі | heating, radiator, cold flat, no heating',
  }),
  leaf('utilities.hot-water', '♨️', {
    name: 'Ыстық су | Горячая вода | Hot water',
    about:
      'Ыстық судың болмауы, температурасы төмен | Нет горячей воды, низкая температура | No hot water or water not hot enough',
    crit: 'high',
    agency: 'teplotranzit',
    radius: 400,
    high: 24,
    keywords:
      'горячая вода, нет горячей воды, чуть теплая, отключили горячую воду, ГВС | ыстық су, ыстық су жоқ | hot water, no hot water, lukewarm',
  }),
  leaf('utilities.cold-water', '🚰', {
    name: 'Суық су | Холодная вода | Cold water',
    about:
      'Судың болмауы, қысымы әлсіз, лас су, құбыр жарылуы | Нет воды, слабый напор, грязная вода, порыв водопровода | No water, low pressure, dirty water, burst mains',
    crit: 'high',
    agency: 'astana-su',
    radius: 400,
    high: 24,
    keywords:
      'холодная вода, нет воды, напор, ржавая вода, прорыв трубы, водопровод | суық су, су жоқ, қысым, лас су, құбыр | cold water, no water, pressure, burst pipe',
  }),
  leaf('utilities.sewage', '🚽', {
    name: 'Кәріз | Канализация | Sewage',
    about:
      'Кәріздің бітелуі, жертөлені су басуы, иіс | Засоры, подтопление подвалов стоками, запах | Blockages, flooded basements, smell',
    crit: 'high',
    agency: 'astana-su',
    radius: 200,
    high: 24,
    keywords:
      'канализация, засор, течет в подвал, запах канализации, колодец переполнен | кәріз, бітелу, жертөле, иіс | sewage, blockage, basement, smell',
  }),
  leaf('utilities.gas', '🔵', {
    name: 'Газ | Газоснабжение | Gas',
    about:
      'Газ иісі, газдың болмауы, газ жабдығы | Запах газа, отсутствие газа, газовое оборудование | Gas smell, no gas, gas equipment',
    crit: 'urgent',
    agency: 'qazaqgaz',
    radius: 200,
    keywords:
      'газ, запах газа, газовая плита, нет газа, утечка | газ, газ иісі, газ жоқ | gas, gas smell, leak, stove',
  }),
  leaf('utilities.lift', '🛗', {
    name: 'Лифттер | Лифты | Lifts',
    about:
      'Лифт жұмыс істемейді, адам тұрып қалды, лифт шулайды | Лифт не работает, застревание, шум в шахте | Lift out of order, people stuck, noisy lifts',
    crit: 'high',
    agency: 'lift-astana',
    radius: 20,
    high: 24,
    overrides: { esil: 'lift-otis', almaty: 'lift-kone', nura: 'lift-service' },
    keywords:
      'лифт, не работает лифт, застрял в лифте, кабина, двери лифта | лифт, жұмыс істемейді, лифтте қалып қойды | lift, elevator, stuck, out of order',
    questions: [
      ask('entrance', 'number', 'Подъезд нөмірі | Номер подъезда | Entrance number', true),
      ask('floor', 'number', 'Қабат | Этаж | Floor'),
    ],
  }),
  leaf('utilities.building', '🏢', {
    name: 'Үйді күтіп ұстау | Содержание дома | Building upkeep',
    about:
      'Шатыр ағуы, подъезд тазалығы, жертөле, ПИБ/БК жұмысы | Протечки кровли, уборка подъездов, подвалы, работа ОСИ и УК | Roof leaks, stairwell cleaning, basements, building managers',
    crit: 'standard',
    agency: 'uk-comfort',
    radius: 30,
    overrides: {
      esil: 'osi-yesil-park',
      saryarka: 'osi-saryarka-1',
      nura: 'uk-nura-dom',
      almaty: 'osi-almaty-city',
    },
    keywords:
      'крыша течет, подъезд, уборка подъезда, ОСИ, управляющая компания, подвал, домофон | шатыр, подъезд, ПИБ, басқарушы компания, жертөле | roof leak, stairwell, building manager, basement',
  }),

  group(
    'roads',
    '🛣️',
    'dept-transport',
    'Жолдар мен ауа райы | Дороги, тротуары и погода | Roads, sidewalks and weather',
    'Шұңқырлар, тротуарлар, жарық, люктер, бағдаршамдар, қар мен су басу | Ямы, тротуары, освещение, люки, светофоры, снег и подтопления | Potholes, sidewalks, lighting, manholes, traffic lights, snow and floods',
  ),
  leaf('roads.pothole', '🕳️', {
    name: 'Жолдағы шұңқырлар | Ямы на дорогах | Potholes',
    about:
      'Асфальттағы шұңқырлар мен ойықтар | Ямы и выбоины на проезжей части | Holes and cracks in the carriageway',
    crit: 'standard',
    agency: 'roads-service',
    radius: 50,
    keywords:
      'яма, выбоина, асфальт, ремонт дороги, дорога разбита, колея | шұңқыр, асфальт, жол жөндеу | pothole, asphalt, road repair, crack',
    questions: [
      choice('size', 'Шұңқырдың өлшемі | Размер ямы | Pothole size', [
        ['small', 'Кішкентай (30 см-ге дейін) | Небольшая (до 30 см) | Small (under 30 cm)'],
        ['medium', 'Орташа (1 м-ге дейін) | Средняя (до 1 м) | Medium (up to 1 m)'],
        ['large', 'Үлкен (1 м-ден астам) | Большая (больше 1 м) | Large (over 1 m)'],
      ]),
    ],
  }),
  leaf('roads.sidewalk', '🚶', {
    name: 'Тротуарлар | Тротуары | Sidewalks',
    about:
      'Бұзылған тақтайшалар, жиектастар, жаяу жүргіншілер жолы | Разбитая плитка, бордюры, пешеходные дорожки | Broken paving, curbs and footpaths',
    crit: 'low',
    agency: 'roads-service',
    radius: 80,
    keywords:
      'тротуар, плитка, бордюр, пешеходная дорожка, пандус | тротуар, тақтайша, жиектас, жаяу жүргінші жолы | sidewalk, paving, curb, footpath, ramp',
  }),
  leaf('roads.lighting', '💡', {
    name: 'Көше жарығы | Уличное освещение | Street lighting',
    about:
      'Шамдар жанбайды, жыпылықтайды, күндіз жанады | Не горят, мигают или горят днём фонари | Street lights out, flickering or on by day',
    crit: 'standard',
    agency: 'city-lighting',
    radius: 150,
    keywords:
      'фонарь, освещение, не горит, темно, мигает, столб освещения | шам, жарықтандыру, жанбайды, қараңғы | street light, lamp, dark, flickering',
  }),
  leaf('roads.manhole', '⚠️', {
    name: 'Ашық люктер | Открытые люки | Open manholes',
    about:
      'Қақпағы жоқ немесе сынған құдықтар | Колодцы без крышек или со сломанными крышками | Manholes without or with broken covers',
    crit: 'urgent',
    agency: 'astana-su',
    radius: 30,
    keywords:
      'люк, открытый люк, колодец, нет крышки, провалился | люк, ашық люк, құдық, қақпақ | manhole, open manhole, cover, well',
  }),
  leaf('roads.traffic-lights', '🚦', {
    name: 'Бағдаршамдар мен белгілер | Светофоры и знаки | Traffic lights and signs',
    about:
      'Бағдаршам істемейді, белгі құлады, жол таңбасы | Не работает светофор, упал знак, разметка | Broken traffic lights, fallen signs, road markings',
    crit: 'high',
    agency: 'traffic-center',
    radius: 100,
    high: 24,
    keywords:
      'светофор, не работает светофор, знак, разметка, пешеходный переход | бағдаршам, белгі, жол таңбасы, өткел | traffic light, sign, road marking, crossing',
  }),
  leaf('roads.snow', '❄️', {
    name: 'Қар және көктайғақ | Снег и гололёд | Snow and ice',
    about:
      'Қар тазалау, көктайғақ, мұз сүңгілері | Уборка снега, гололёд, сосульки | Snow clearing, ice and icicles',
    crit: 'high',
    agency: 'roads-service',
    high: 48,
    season: WINTER,
    keywords:
      'снег, не чистят снег, гололед, сугробы, наледь, сосульки, посыпать | қар, көктайғақ, мұз, қар тазалау | snow, ice, icy, snowdrift, icicles, gritting',
  }),
  leaf('roads.flooding', '🌊', {
    name: 'Су басу | Подтопления | Flooding',
    about:
      'Еріген сумен аулалар мен жертөлелерді су басуы | Подтопление дворов и подвалов талыми водами | Yards and basements flooded by melt water',
    crit: 'high',
    agency: 'dept-emergency',
    radius: 500,
    high: 24,
    season: FLOODS,
    keywords:
      'подтопление, талая вода, затопило, паводок, откачать воду | су басу, еріген су, су толды | flooding, melt water, flood, pump out',
  }),
  leaf('roads.storm-drains', '🌧️', {
    name: 'Нөсер кәрізі | Ливнёвка | Storm drains',
    about:
      'Бітелген нөсер кәрізі, жаңбырдан кейінгі шалшықтар | Забитая ливневая канализация, лужи после дождя | Blocked storm drains and standing water after rain',
    crit: 'standard',
    agency: 'roads-service',
    keywords:
      'ливневка, ливневая канализация, лужа, после дождя, вода стоит, решетка | нөсер кәрізі, шалшық, жаңбыр | storm drain, puddle, after rain, standing water',
  }),
];
