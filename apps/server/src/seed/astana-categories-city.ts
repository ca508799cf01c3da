/**
 * Categories of the city's housing and streets: utilities, roads and weather, improvement,
 * green areas and environment, waste, public order.
 */
import { ask, choice, group, kw, leaf, type CategorySeed } from './category-kit.ts';

const HEATING: [string, string] = ['10-01', '04-30'];
const WINTER: [string, string] = ['11-01', '03-31'];
const SUMMER: [string, string] = ['05-01', '09-30'];
const FLOODS: [string, string] = ['03-01', '05-31'];

export const CITY_CATEGORIES: readonly CategorySeed[] = [
  group('utilities', '🏠', ['Тұрғын үй-коммуналдық шаруашылық', 'Коммунальные услуги', 'Housing and utilities'], ['Жылу, су, кәріз, газ, лифттер, үйлерді күтіп ұстау', 'Отопление, вода, канализация, газ, лифты, содержание домов', 'Heating, water, sewage, gas, lifts and building upkeep'], 'dept-energy'),
  leaf('utilities.heating', '🔥', ['Жылу', 'Отопление', 'Heating'], ['Салқын радиаторлар, жылу берудің кешігуі, жылу желісіндегі апаттар', 'Холодные батареи, задержка подачи тепла, аварии теплосетей', 'Cold radiators, late heating, heating-network failures'], {
    crit: 'high', agency: 'teplotranzit', radius: 500, high: 24, season: HEATING,
    keywords: kw('отопление, батареи холодные, нет отопления, холодно в квартире, теплосеть, стояк', 'жылу, батарея, суық, жылу жоқ, жылу желісі', 'heating, radiator, cold flat, no heating'),
  }),
  leaf('utilities.hot-water', '♨️', ['Ыстық су', 'Горячая вода', 'Hot water'], ['Ыстық судың болмауы, температурасы төмен', 'Нет горячей воды, низкая температура', 'No hot water or water not hot enough'], {
    crit: 'high', agency: 'teplotranzit', radius: 400, high: 24,
    keywords: kw('горячая вода, нет горячей воды, чуть теплая, отключили горячую воду, ГВС', 'ыстық су, ыстық су жоқ', 'hot water, no hot water, lukewarm'),
  }),
  leaf('utilities.cold-water', '🚰', ['Суық су', 'Холодная вода', 'Cold water'], ['Судың болмауы, қысымы әлсіз, лас су, құбыр жарылуы', 'Нет воды, слабый напор, грязная вода, порыв водопровода', 'No water, low pressure, dirty water, burst mains'], {
    crit: 'high', agency: 'astana-su', radius: 400, high: 24,
    keywords: kw('холодная вода, нет воды, напор, ржавая вода, прорыв трубы, водопровод', 'суық су, су жоқ, қысым, лас су, құбыр', 'cold water, no water, pressure, burst pipe'),
  }),
  leaf('utilities.sewage', '🚽', ['Кәріз', 'Канализация', 'Sewage'], ['Кәріздің бітелуі, жертөлені су басуы, иіс', 'Засоры, подтопление подвалов стоками, запах', 'Blockages, flooded basements, smell'], {
    crit: 'high', agency: 'astana-su', radius: 200, high: 24,
    keywords: kw('канализация, засор, течет в подвал, запах канализации, колодец переполнен', 'кәріз, бітелу, жертөле, иіс', 'sewage, blockage, basement, smell'),
  }),
  leaf('utilities.gas', '🔵', ['Газ', 'Газоснабжение', 'Gas'], ['Газ иісі, газдың болмауы, газ жабдығы', 'Запах газа, отсутствие газа, газовое оборудование', 'Gas smell, no gas, gas equipment'], {
    crit: 'urgent', agency: 'qazaqgaz', radius: 200,
    keywords: kw('газ, запах газа, газовая плита, нет газа, утечка', 'газ, газ иісі, газ жоқ', 'gas, gas smell, leak, stove'),
  }),
  leaf('utilities.lift', '🛗', ['Лифттер', 'Лифты', 'Lifts'], ['Лифт жұмыс істемейді, адам тұрып қалды, лифт шулайды', 'Лифт не работает, застревание, шум в шахте', 'Lift out of order, people stuck, noisy lifts'], {
    crit: 'high', agency: 'lift-astana', radius: 20, high: 24,
    overrides: { esil: 'lift-otis', almaty: 'lift-kone', nura: 'lift-service' },
    keywords: kw('лифт, не работает лифт, застрял в лифте, кабина, двери лифта', 'лифт, жұмыс істемейді, лифтте қалып қойды', 'lift, elevator, stuck, out of order'),
    questions: [ask('entrance', 'number', ['Подъезд нөмірі', 'Номер подъезда', 'Entrance number'], true), ask('floor', 'number', ['Қабат', 'Этаж', 'Floor'])],
  }),
  leaf('utilities.building', '🏢', ['Үйді күтіп ұстау', 'Содержание дома', 'Building upkeep'], ['Шатыр ағуы, подъезд тазалығы, жертөле, ПИБ/БК жұмысы', 'Протечки кровли, уборка подъездов, подвалы, работа ОСИ и УК', 'Roof leaks, stairwell cleaning, basements, building managers'], {
    crit: 'standard', agency: 'uk-comfort', radius: 30,
    overrides: { esil: 'osi-yesil-park', saryarka: 'osi-saryarka-1', nura: 'uk-nura-dom', almaty: 'osi-almaty-city' },
    keywords: kw('крыша течет, подъезд, уборка подъезда, ОСИ, управляющая компания, подвал, домофон', 'шатыр, подъезд, ПИБ, басқарушы компания, жертөле', 'roof leak, stairwell, building manager, basement'),
  }),

  group('roads', '🛣️', ['Жолдар мен ауа райы', 'Дороги, тротуары и погода', 'Roads, sidewalks and weather'], ['Шұңқырлар, тротуарлар, жарық, люктер, бағдаршамдар, қар мен су басу', 'Ямы, тротуары, освещение, люки, светофоры, снег и подтопления', 'Potholes, sidewalks, lighting, manholes, traffic lights, snow and floods'], 'dept-transport'),
  leaf('roads.pothole', '🕳️', ['Жолдағы шұңқырлар', 'Ямы на дорогах', 'Potholes'], ['Асфальттағы шұңқырлар мен ойықтар', 'Ямы и выбоины на проезжей части', 'Holes and cracks in the carriageway'], {
    crit: 'standard', agency: 'roads-service', radius: 50,
    keywords: kw('яма, выбоина, асфальт, ремонт дороги, дорога разбита, колея', 'шұңқыр, асфальт, жол жөндеу', 'pothole, asphalt, road repair, crack'),
    questions: [choice('size', ['Шұңқырдың өлшемі', 'Размер ямы', 'Pothole size'], [
      ['small', ['Кішкентай (30 см-ге дейін)', 'Небольшая (до 30 см)', 'Small (under 30 cm)']],
      ['medium', ['Орташа (1 м-ге дейін)', 'Средняя (до 1 м)', 'Medium (up to 1 m)']],
      ['large', ['Үлкен (1 м-ден астам)', 'Большая (больше 1 м)', 'Large (over 1 m)']],
    ])],
  }),
  leaf('roads.sidewalk', '🚶', ['Тротуарлар', 'Тротуары', 'Sidewalks'], ['Бұзылған тақтайшалар, жиектастар, жаяу жүргіншілер жолы', 'Разбитая плитка, бордюры, пешеходные дорожки', 'Broken paving, curbs and footpaths'], {
    crit: 'low', agency: 'roads-service', radius: 80,
    keywords: kw('тротуар, плитка, бордюр, пешеходная дорожка, пандус', 'тротуар, тақтайша, жиектас, жаяу жүргінші жолы', 'sidewalk, paving, curb, footpath, ramp'),
  }),
  leaf('roads.lighting', '💡', ['Көше жарығы', 'Уличное освещение', 'Street lighting'], ['Шамдар жанбайды, жыпылықтайды, күндіз жанады', 'Не горят, мигают или горят днём фонари', 'Street lights out, flickering or on by day'], {
    crit: 'standard', agency: 'city-lighting', radius: 150,
    keywords: kw('фонарь, освещение, не горит, темно, мигает, столб освещения', 'шам, жарықтандыру, жанбайды, қараңғы', 'street light, lamp, dark, flickering'),
  }),
  leaf('roads.manhole', '⚠️', ['Ашық люктер', 'Открытые люки', 'Open manholes'], ['Қақпағы жоқ немесе сынған құдықтар', 'Колодцы без крышек или со сломанными крышками', 'Manholes without or with broken covers'], {
    crit: 'urgent', agency: 'astana-su', radius: 30,
    keywords: kw('люк, открытый люк, колодец, нет крышки, провалился', 'люк, ашық люк, құдық, қақпақ', 'manhole, open manhole, cover, well'),
  }),
  leaf('roads.traffic-lights', '🚦', ['Бағдаршамдар мен белгілер', 'Светофоры и знаки', 'Traffic lights and signs'], ['Бағдаршам істемейді, белгі құлады, жол таңбасы', 'Не работает светофор, упал знак, разметка', 'Broken traffic lights, fallen signs, road markings'], {
    crit: 'high', agency: 'traffic-center', radius: 100, high: 24,
    keywords: kw('светофор, не работает светофор, знак, разметка, пешеходный переход', 'бағдаршам, белгі, жол таңбасы, өткел', 'traffic light, sign, road marking, crossing'),
  }),
  leaf('roads.snow', '❄️', ['Қар және көктайғақ', 'Снег и гололёд', 'Snow and ice'], ['Қар тазалау, көктайғақ, мұз сүңгілері', 'Уборка снега, гололёд, сосульки', 'Snow clearing, ice and icicles'], {
    crit: 'high', agency: 'roads-service', radius: 300, high: 48, season: WINTER,
    keywords: kw('снег, не чистят снег, гололед, сугробы, наледь, сосульки, посыпать', 'қар, көктайғақ, мұз, қар тазалау', 'snow, ice, icy, snowdrift, icicles, gritting'),
  }),
  leaf('roads.flooding', '🌊', ['Су басу', 'Подтопления', 'Flooding'], ['Еріген сумен аулалар мен жертөлелерді су басуы', 'Подтопление дворов и подвалов талыми водами', 'Yards and basements flooded by melt water'], {
    crit: 'high', agency: 'dept-emergency', radius: 500, high: 24, season: FLOODS,
    keywords: kw('подтопление, талая вода, затопило, паводок, откачать воду', 'су басу, еріген су, су толды', 'flooding, melt water, flood, pump out'),
  }),
  leaf('roads.storm-drains', '🌧️', ['Нөсер кәрізі', 'Ливнёвка', 'Storm drains'], ['Бітелген нөсер кәрізі, жаңбырдан кейінгі шалшықтар', 'Забитая ливневая канализация, лужи после дождя', 'Blocked storm drains and standing water after rain'], {
    crit: 'standard', agency: 'roads-service', radius: 300,
    keywords: kw('ливневка, ливневая канализация, лужа, после дождя, вода стоит, решетка', 'нөсер кәрізі, шалшық, жаңбыр', 'storm drain, puddle, after rain, standing water'),
  }),

  group('improvement', '🌳', ['Абаттандыру', 'Благоустройство', 'City improvement'], ['Аулалар, балалар алаңдары, жұмыстан кейін қалпына келтіру, самокаттар', 'Дворы, детские площадки, восстановление после работ, самокаты', 'Yards, playgrounds, restoration after works, e-scooters'], 'dept-urban'),
  leaf('improvement.yard', '🏘️', ['Аулаларды абаттандыру', 'Благоустройство дворов', 'Yards'], ['Орындықтар, аула жарығы, тұрақ, аула жолдары', 'Скамейки, освещение дворов, парковки, внутридворовые проезды', 'Benches, yard lighting, parking and driveways'], {
    crit: 'low', agency: 'dept-urban', radius: 100, byDistrict: true,
    keywords: kw('двор, благоустройство двора, скамейки, парковка во дворе, внутридворовый проезд', 'аула, көркейту, орындық, аула жолы', 'yard, courtyard, benches, driveway'),
  }),
  leaf('improvement.playground', '🛝', ['Балалар алаңдары', 'Детские площадки', 'Playgrounds'], ['Сынған әткеншектер, қауіпті жабдықтар, жаңа алаңдар', 'Сломанные качели, опасное оборудование, новые площадки', 'Broken swings, unsafe equipment, new playgrounds'], {
    crit: 'standard', agency: 'dept-urban', radius: 50, byDistrict: true,
    keywords: kw('детская площадка, качели, горка, песочница, покрытие площадки', 'балалар алаңы, әткеншек, сырғанақ', 'playground, swing, slide, sandpit'),
  }),
  leaf('improvement.restoration', '🚧', ['Жұмыстан кейін қалпына келтіру', 'Восстановление после работ', 'Restoration after works'], ['Жер жұмыстарынан кейін асфальт, көгал, тротуар қалпына келтірілмеді', 'Не восстановлены асфальт, газон, тротуар после раскопок', 'Asphalt, lawns or paving not restored after digging'], {
    crit: 'standard', agency: 'dept-urban', radius: 100, byDistrict: true,
    keywords: kw('раскопали, не восстановили, после ремонта, раскопка, траншея, ордер', 'қазып тастады, қалпына келтірмеді, ор', 'dug up, not restored, trench, after works'),
  }),
  leaf('improvement.scooters', '🛴', ['Электросамокат тұрағы', 'Парковка электросамокатов', 'E-scooter parking'], ['Тротуарда тасталған самокаттар, қауіпті жүру', 'Брошенные на тротуарах самокаты, опасная езда', 'Scooters dumped on sidewalks, reckless riding'], {
    crit: 'low', agency: 'dept-transport', radius: 100,
    keywords: kw('самокат, электросамокат, брошен самокат, парковка самокатов, кикшеринг', 'самокат, электросамокат, тротуарда', 'scooter, e-scooter, dumped, parking'),
  }),

  group('green', '🌲', ['Көгалдандыру және экология', 'Озеленение и экология', 'Green areas and environment'], ['Ағаштар, суару, көгалдар, масалар, заңсыз қоқыс үйінділері', 'Деревья, полив, газоны, комары, несанкционированные свалки', 'Trees, watering, lawns, mosquitoes, illegal dumps'], 'dept-environment'),
  leaf('green.pruning', '✂️', ['Ағаштарды кесу', 'Обрезка и снос деревьев', 'Tree pruning'], ['Апатты ағаштар, бұтақтарды кесу, құлаған ағаштар', 'Аварийные деревья, обрезка веток, упавшие деревья', 'Dangerous trees, pruning, fallen trees'], {
    crit: 'standard', agency: 'zelenstroy', radius: 50,
    keywords: kw('дерево, обрезка, ветки, аварийное дерево, упало дерево, спил', 'ағаш, бұтақ, кесу, құлаған ағаш', 'tree, pruning, branches, fallen tree'),
  }),
  leaf('green.watering', '💧', ['Суару', 'Полив', 'Watering'], ['Көгалдар мен ағаштар суарылмайды', 'Не поливают газоны и деревья', 'Lawns and trees not watered'], {
    crit: 'low', agency: 'zelenstroy', radius: 200, season: SUMMER,
    keywords: kw('полив, не поливают, газон засох, деревья сохнут, поливочная машина', 'суару, көгал, құрғап қалды', 'watering, lawn, dry, trees drying'),
  }),
  leaf('green.lawns', '🌱', ['Көгалдар мен гүлзарлар', 'Газоны и клумбы', 'Lawns and flower beds'], ['Шөп шабу, көгалдарды қалпына келтіру, гүлзарлар', 'Покос травы, восстановление газонов, клумбы', 'Mowing, lawn repair, flower beds'], {
    crit: 'low', agency: 'zelenstroy', radius: 150, byDistrict: true,
    keywords: kw('газон, покос, трава, клумба, бурьян', 'көгал, шөп шабу, гүлзар', 'lawn, mowing, grass, flower bed, weeds'),
  }),
  leaf('green.mosquitoes', '🦟', ['Масалар, дезинсекция', 'Комары и дезинсекция', 'Mosquitoes and pest control'], ['Масаларға, кенелерге қарсы өңдеу', 'Обработка от комаров, клещей и мошки', 'Spraying against mosquitoes, ticks and midges'], {
    crit: 'standard', agency: 'disinsection', radius: 1000, season: SUMMER,
    keywords: kw('комары, мошка, клещи, обработка, дезинсекция, травля', 'маса, шыбын-шіркей, кене, өңдеу', 'mosquitoes, midges, ticks, spraying, pest control'),
  }),
  leaf('green.dump', '🚯', ['Заңсыз қоқыс үйінділері', 'Несанкционированные свалки', 'Illegal dumps'], ['Құрылыс және тұрмыстық қоқыс тасталған жерлер', 'Выброшенный строительный и бытовой мусор', 'Dumped construction and household waste'], {
    crit: 'standard', agency: 'dept-environment', radius: 300,
    keywords: kw('свалка, выбросили мусор, строительный мусор, стихийная свалка', 'қоқыс үйіндісі, құрылыс қоқысы', 'illegal dump, fly-tipping, construction waste'),
  }),

  group('waste', '🗑️', ['Қоқыс шығару', 'Вывоз мусора', 'Waste collection'], ['Қатты тұрмыстық қалдықтарды шығару, контейнерлер, ірі көлемді қоқыс', 'Вывоз ТБО, контейнеры, крупногабаритный мусор', 'Household waste, bins and bulky waste'], 'dept-environment'),
  leaf('waste.collection', '🚛', ['Қоқысты шығару кестесі', 'Вывоз мусора по графику', 'Waste collection'], ['Қоқыс уақытында шығарылмайды, контейнерлер толып кетті', 'Мусор не вывозят вовремя, контейнеры переполнены', 'Missed collections, overflowing bins'], {
    crit: 'standard', agency: 'tazalyq', radius: 100,
    keywords: kw('мусор, не вывозят мусор, контейнеры переполнены, вывоз ТБО, мусоровоз', 'қоқыс, шығарылмайды, контейнер толы', 'garbage, waste, missed collection, bins full'),
  }),
  leaf('waste.containers', '🗳️', ['Контейнерлер мен алаңдар', 'Контейнеры и площадки', 'Bins and bin areas'], ['Сынған контейнерлер, контейнер алаңдарының тазалығы', 'Сломанные контейнеры, состояние контейнерных площадок', 'Broken bins and dirty bin areas'], {
    crit: 'low', agency: 'tazalyq', radius: 50,
    keywords: kw('контейнер, контейнерная площадка, сломан контейнер, раздельный сбор', 'контейнер, алаң, бөлек жинау', 'bin, container, bin area, recycling'),
  }),
  leaf('waste.bulky', '🛋️', ['Ірі көлемді қоқыс', 'Крупногабаритный мусор', 'Bulky waste'], ['Ескі жиһаз, бұтақтар, құрылыс қалдықтары', 'Старая мебель, ветки, строительные отходы', 'Old furniture, branches, renovation waste'], {
    crit: 'low', agency: 'tazalyq', radius: 50,
    keywords: kw('крупногабаритный мусор, мебель, диван, ветки вывезти, КГМ', 'ірі көлемді қоқыс, жиһаз, бұтақтар', 'bulky waste, furniture, sofa, branches'),
  }),

  group('order', '🛡️', ['Қоғамдық тәртіп', 'Общественный порядок', 'Public order'], ['Шу, заңсыз тұрақ, көшедегі сауда, қаңғыбас жануарлар', 'Шум, неправильная парковка, стихийная торговля, бездомные животные', 'Noise, illegal parking, street trading, stray animals'], 'dept-order'),
  leaf('order.noise', '🔊', ['Шу және тыныштықты бұзу', 'Шум и нарушение тишины', 'Noise'], ['Түнгі шу, құрылыс жұмыстары, тәртіп бұзушылар', 'Шум ночью, стройка в ночное время, нарушители', 'Night noise, night-time construction, disorder'], {
    crit: 'standard', agency: 'dept-order', radius: 100,
    keywords: kw('шум, шумят ночью, музыка, стройка ночью, распивают, хулиганы', 'шу, түнде шулайды, музыка, тәртіп бұзушылар', 'noise, loud music, night construction, disorder'),
  }),
  leaf('order.parking', '🚗', ['Заңсыз тұрақ', 'Неправильная парковка', 'Illegal parking'], ['Газонда, тротуарда, өрт өткелінде тұрған көліктер', 'Машины на газонах, тротуарах, пожарных проездах', 'Cars on lawns, sidewalks and fire lanes'], {
    crit: 'low', agency: 'dept-order', radius: 50, low: 72,
    keywords: kw('парковка, припарковался, на газоне, на тротуаре, перегородил, эвакуатор', 'тұрақ, көлік, көгалда, тротуарда', 'parking, parked car, blocking, tow truck'),
  }),
  leaf('order.trade', '🛒', ['Көшедегі сауда', 'Стихийная торговля', 'Street trading'], ['Рұқсатсыз сауда, жол бойындағы дүңгіршектер', 'Торговля в неположенных местах, самовольные киоски', 'Unauthorised trading and kiosks'], {
    crit: 'low', agency: 'dept-order', radius: 100, byDistrict: true,
    keywords: kw('торговля, стихийная торговля, киоск, торгуют с машины', 'сауда, дүңгіршек, рұқсатсыз сауда', 'street trading, kiosk, vendors'),
  }),
  leaf('order.animals', '🐕', ['Қаңғыбас жануарлар', 'Бездомные животные', 'Stray animals'], ['Қаңғыбас иттер, өлген жануарлар, жануарларды аулау', 'Бездомные собаки, павшие животные, отлов', 'Stray dogs, dead animals, catching strays'], {
    crit: 'standard', agency: 'dept-veterinary', radius: 500,
    keywords: kw('собаки, бездомные собаки, стая, отлов, укусила, кошки', 'иттер, қаңғыбас иттер, аулау, тістеп алды', 'stray dogs, pack, bite, animal control'),
  }),
];
