/**
 * Categories of the neighbourhood: improvement (yards, playgrounds, restoration, e-scooters),
 * green areas and environment, waste, public order. Texts are 'kk | ru | en'; keywords
 * 'ru, … | kk, … | en, …'.
 */
import { SUMMER, group, leaf, type CategorySeed } from './category-kit.ts';

export const NEIGHBOURHOOD_CATEGORIES: readonly CategorySeed[] = [
  group(
    'improvement',
    '🌳',
    'dept-urban',
    'Абаттандыру | Благоустройство | City improvement',
    'Аулалар, балалар алаңдары, жұмыстан кейін қалпына келтіру, самокаттар | Дворы, детские площадки, восстановление после работ, самокаты | Yards, playgrounds, restoration after works, e-scooters',
  ),
  leaf('improvement.yard', '🏘️', {
    name: 'Аулаларды абаттандыру | Благоустройство дворов | Yards',
    about:
      'Орындықтар, аула жарығы, тұрақ, аула жолдары | Скамейки, освещение дворов, парковки, внутридворовые проезды | Benches, yard lighting, parking and driveways',
    crit: 'low',
    agency: 'dept-urban',
    radius: 100,
    byDistrict: true,
    keywords:
      'двор, благоустройство двора, скамейки, парковка во дворе, внутридворовый проезд | аула, көркейту, орындық, аула жолы | yard, courtyard, benches, driveway',
  }),
  leaf('improvement.playground', '🛝', {
    name: 'Балалар алаңдары | Детские площадки | Playgrounds',
    about:
      'Сынған әткеншектер, қауіпті жабдықтар, жаңа алаңдар | Сломанные качели, опасное оборудование, новые площадки | Broken swings, unsafe equipment, new playgrounds',
    crit: 'standard',
    agency: 'dept-urban',
    radius: 50,
    byDistrict: true,
    keywords:
      'детская площадка, качели, горка, песочница, покрытие площадки | балалар алаңы, әткеншек, сырғанақ | playground, swing, slide, sandpit',
  }),
  leaf('improvement.restoration', '🚧', {
    name: 'Жұмыстан кейін қалпына келтіру | Восстановление после работ | Restoration after works',
    about:
      'Жер жұмыстарынан кейін асфальт, көгал, тротуар қалпына келтірілмеді | Не восстановлены асфальт, газон, тротуар после раскопок | Asphalt, lawns or paving not restored after digging',
    crit: 'standard',
    agency: 'dept-urban',
    radius: 100,
    byDistrict: true,
    keywords:
      'раскопали, не восстановили, после ремонта, раскопка, траншея, ордер | қазып тастады, қалпына келтірмеді, ор | dug up, not restored, trench, after works',
  }),
  leaf('improvement.scooters', '🛴', {
    name: 'Электросамокат тұрағы | Парковка электросамокатов | E-scooter parking',
    about:
      'Тротуарда тасталған самокаттар, қауіпті жүру | Брошенные на тротуарах самокаты, опасная езда | Scooters dumped on sidewalks, reckless riding',
    crit: 'low',
    agency: 'dept-transport',
    radius: 100,
    keywords:
      'самокат, электросамокат, брошен самокат, парковка самокатов, кикшеринг | самокат, электросамокат, тротуарда | scooter, e-scooter, dumped, parking',
  }),

  group(
    'green',
    '🌲',
    'dept-environment',
    'Көгалдандыру және экология | Озеленение и экология | Green areas and environment',
    'Ағаштар, суару, көгалдар, масалар, заңсыз қоқыс үйінділері | Деревья, полив, газоны, комары, несанкционированные свалки | Trees, watering, lawns, mosquitoes, illegal dumps',
  ),
  leaf('green.pruning', '✂️', {
    name: 'Ағаштарды кесу | Обрезка и снос деревьев | Tree pruning',
    about:
      'Апатты ағаштар, бұтақтарды кесу, құлаған ағаштар | Аварийные деревья, обрезка веток, упавшие деревья | Dangerous trees, pruning, fallen trees',
    crit: 'standard',
    agency: 'zelenstroy',
    radius: 50,
    keywords:
      'дерево, обрезка, ветки, аварийное дерево, упало дерево, спил | ағаш, бұтақ, кесу, құлаған ағаш | tree, pruning, branches, fallen tree',
  }),
  leaf('green.watering', '💧', {
    name: 'Суару | Полив | Watering',
    about: 'Көгалдар мен ағаштар суарылмайды | Не поливают газоны и деревья | Lawns and trees not watered',
    crit: 'low',
    agency: 'zelenstroy',
    radius: 200,
    season: SUMMER,
    keywords:
      'полив, не поливают, газон засох, деревья сохнут, поливочная машина | суару, көгал, құрғап қалды | watering, lawn, dry, trees drying',
  }),
  leaf('green.lawns', '🌱', {
    name: 'Көгалдар мен гүлзарлар | Газоны и клумбы | Lawns and flower beds',
    about:
      'Шөп шабу, көгалдарды қалпына келтіру, гүлзарлар | Покос травы, восстановление газонов, клумбы | Mowing, lawn repair, flower beds',
    crit: 'low',
    agency: 'zelenstroy',
    radius: 150,
    byDistrict: true,
    keywords:
      'газон, покос, трава, клумба, бурьян | көгал, шөп шабу, гүлзар | lawn, mowing, grass, flower bed, weeds',
  }),
  leaf('green.mosquitoes', '🦟', {
    name: 'Масалар, дезинсекция | Комары и дезинсекция | Mosquitoes and pest control',
    about:
      'Масаларға, кенелерге қарсы өңдеу | Обработка от комаров, клещей и мошки | Spraying against mosquitoes, ticks and midges',
    crit: 'standard',
    agency: 'disinsection',
    radius: 1000,
    season: SUMMER,
    keywords:
      'комары, мошка, клещи, обработка, дезинсекция, травля | маса, шыбын-шіркей, кене, өңдеу | mosquitoes, midges, ticks, spraying, pest control',
  }),
  leaf('green.dump', '🚯', {
    name: 'Заңсыз қоқыс үйінділері | Несанкционированные свалки | Illegal dumps',
    about:
      'Құрылыс және тұрмыстық қоқыс тасталған жерлер | Выброшенный строительный и бытовой мусор | Dumped construction and household waste',
    crit: 'standard',
    agency: 'dept-environment',
    keywords:
      'свалка, выбросили мусор, строительный мусор, стихийная свалка | қоқыс үйіндісі, құрылыс қоқысы | illegal dump, fly-tipping, construction waste',
  }),

  group(
    'waste',
    '🗑️',
    'dept-environment',
    'Қоқыс шығару | Вывоз мусора | Waste collection',
    'Қатты тұрмыстық қалдықтарды шығару, контейнерлер, ірі көлемді қоқыс | Вывоз ТБО, контейнеры, крупногабаритный мусор | Household waste, bins and bulky waste',
  ),
  leaf('waste.collection', '🚛', {
    name: 'Қоқысты шығару кестесі | Вывоз мусора по графику | Waste collection',
    about:
      'Қоқыс уақытында шығарылмайды, контейнерлер толып кетті | Мусор не вывозят вовремя, контейнеры переполнены | Missed collections, overflowing bins',
    crit: 'standard',
    agency: 'tazalyq',
    radius: 100,
    keywords:
      'мусор, не вывозят мусор, контейнеры переполнены, вывоз ТБО, мусоровоз | қоқыс, шығарылмайды, контейнер толы | garbage, waste, missed collection, bins full',
  }),
  leaf('waste.containers', '🗳️', {
    name: 'Контейнерлер мен алаңдар | Контейнеры и площадки | Bins and bin areas',
    about:
      'Сынған контейнерлер, контейнер алаңдарының тазалығы | Сломанные контейнеры, состояние контейнерных площадок | Broken bins and dirty bin areas',
    crit: 'low',
    agency: 'tazalyq',
    radius: 50,
    keywords:
      'контейнер, контейнерная площадка, сломан контейнер, раздельный сбор | контейнер, алаң, бөлек жинау | bin, container, bin area, recycling',
  }),
  leaf('waste.bulky', '🛋️', {
    name: 'Ірі көлемді қоқыс | Крупногабаритный мусор | Bulky waste',
    about:
      'Ескі жиһаз, бұтақтар, құрылыс қалдықтары | Старая мебель, ветки, строительные отходы | Old furniture, branches, renovation waste',
    crit: 'low',
    agency: 'tazalyq',
    radius: 50,
    keywords:
      'крупногабаритный мусор, мебель, диван, ветки вывезти, КГМ | ірі көлемді қоқыс, жиһаз, бұтақтар | bulky waste, furniture, sofa, branches',
  }),

  group(
    'order',
    '🛡️',
    'dept-order',
    'Қоғамдық тәртіп | Общественный порядок | Public order',
    'Шу, заңсыз тұрақ, көшедегі сауда, қаңғыбас жануарлар | Шум, неправильная парковка, стихийная торговля, бездомные животные | Noise, illegal parking, street trading, stray animals',
  ),
  leaf('order.noise', '🔊', {
    name: 'Шу және тыныштықты бұзу | Шум и нарушение тишины | Noise',
    about:
      'Түнгі шу, құрылыс жұмыстары, тәртіп бұзушылар | Шум ночью, стройка в ночное время, нарушители | Night noise, night-time construction, disorder',
    crit: 'standard',
    agency: 'dept-order',
    radius: 100,
    keywords:
      'шум, шумят ночью, музыка, стройка ночью, распивают, хулиганы | шу, түнде шулайды, музыка, тәртіп бұзушылар | noise, loud music, night construction, disorder',
  }),
  leaf('order.parking', '🚗', {
    name: 'Заңсыз тұрақ | Неправильная парковка | Illegal parking',
    about:
      'Газонда, тротуарда, өрт өткелінде тұрған көліктер | Машины на газонах, тротуарах, пожарных проездах | Cars on lawns, sidewalks and fire lanes',
    crit: 'low',
    agency: 'dept-order',
    radius: 50,
    low: 72,
    keywords:
      'парковка, припарковался, на газоне, на тротуаре, перегородил, эвакуатор | тұрақ, көлік, көгалда, тротуарда | parking, parked car, blocking, tow truck',
  }),
  leaf('order.trade', '🛒', {
    name: 'Көшедегі сауда | Стихийная торговля | Street trading',
    about:
      'Рұқсатсыз сауда, жол бойындағы дүңгіршектер | Торговля в неположенных местах, самовольные киоски | Unauthorised trading and kiosks',
    crit: 'low',
    agency: 'dept-order',
    radius: 100,
    byDistrict: true,
    keywords:
      'торговля, стихийная торговля, киоск, торгуют с машины | сауда, дүңгіршек, рұқсатсыз сауда | street trading, kiosk, vendors',
  }),
  leaf('order.animals', '🐕', {
    name: 'Қаңғыбас жануарлар | Бездомные животные | Stray animals',
    about:
      'Қаңғыбас иттер, өлген жануарлар, жануарларды аулау | Бездомные собаки, павшие животные, отлов | Stray dogs, dead animals, catching strays',
    crit: 'standard',
    agency: 'dept-veterinary',
    radius: 500,
    keywords:
      'собаки, бездомные собаки, стая, отлов, укусила, кошки | иттер, қаңғыбас иттер, аулау, тістеп алды | stray dogs, pack, bite, animal control',
  }),
];
