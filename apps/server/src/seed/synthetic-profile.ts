/**
 * How Astana's requests are distributed: yearly volume per category (the five biggest topics
 * are 2024's real figures; the rest share the remaining ~0.8 M of ~2.3 M), monthly profiles,
 * rising topics, budget deferrals, repeats, and the weather spikes of a year.
 */

/** Relative volume per month, January first (1 = flat). */
type Months = readonly number[];

const FLAT: Months = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
const WINTER: Months = [3, 2.6, 1.6, 0, 0, 0, 0, 0, 0, 0, 1.6, 3]; // season Nov–Mar
const HEATING: Months = [1.4, 1.2, 0.9, 0.5, 0, 0, 0, 0, 0, 3, 1.8, 1.3]; // Oct–Apr; October start-up failures
const SUMMER: Months = [0, 0, 0, 0, 1.4, 2.6, 3, 2.2, 0.8, 0, 0, 0]; // May–Sep
const FLOODS: Months = [0, 0, 2.5, 4, 1.2, 0, 0, 0, 0, 0, 0, 0]; // Mar–May
const WARM: Months = [0.3, 0.3, 0.6, 1.2, 1.6, 1.7, 1.7, 1.6, 1.3, 0.9, 0.5, 0.3];
const RAIN: Months = [0.1, 0.1, 0.4, 0.8, 1.4, 2.2, 2.6, 2.2, 1.2, 0.6, 0.2, 0.1];
const SCHOOL: Months = [1, 0.9, 0.9, 1, 1.3, 1.1, 0.7, 1.8, 1.7, 0.9, 0.8, 0.8];
const COLD: Months = [1.4, 1.3, 1.1, 0.9, 0.8, 0.7, 0.6, 0.7, 0.9, 1.1, 1.2, 1.4];
const POWER: Months = [1.3, 1.2, 1, 0.8, 0.9, 1.1, 1.3, 1.2, 0.8, 0.8, 1, 1.3]; // winter load, summer storms
const BILLS: Months = [1.4, 1.3, 1.1, 0.9, 0.8, 0.7, 0.7, 0.8, 0.9, 1.1, 1.2, 1.3];
const SCOOTERS: Months = [0.2, 0.2, 0.4, 1, 1.6, 1.8, 1.8, 1.7, 1.4, 0.9, 0.4, 0.2];

export interface TopicProfile {
  /** Requests a year in Astana. */
  yearly: number;
  months: Months;
  /** Month-over-month growth (rising topics > 1). */
  growth?: number;
  /** Some requests are deferred to next year for lack of budget. */
  deferrable?: boolean;
  /** The same problem comes back at the same place after closure. */
  repeats?: boolean;
  /** The text names the place ({addr}) or the category is about a place. */
  place?: boolean;
}

export const PROFILES: Readonly<Record<string, TopicProfile>> = {
  // Healthcare: 697,854 in 2024.
  'health.clinic': { yearly: 401_000, months: COLD },
  'health.ambulance': { yearly: 92_000, months: COLD },
  'health.medicines': { yearly: 151_000, months: FLAT },
  'health.conduct': { yearly: 53_854, months: FLAT },
  // Public transport: 304,151.
  'transport.route': { yearly: 61_000, months: SCHOOL },
  'transport.delays': { yearly: 132_151, months: COLD },
  'transport.stops': { yearly: 34_000, months: COLD, place: true },
  'transport.card': { yearly: 47_000, months: SCHOOL },
  'transport.driver': { yearly: 30_000, months: FLAT },
  // Education: 262,218.
  'education.kindergarten': { yearly: 131_218, months: SCHOOL },
  'education.enrolment': {
    yearly: 71_000,
    months: [0.6, 0.6, 1.4, 2.4, 1.8, 1.2, 1, 1.6, 1.2, 0.4, 0.4, 0.4],
  },
  'education.school': { yearly: 60_000, months: SCHOOL },
  // Electricity: 157,478.
  'electricity.outage': { yearly: 112_478, months: POWER, repeats: true, place: true },
  'electricity.wiring': { yearly: 28_000, months: POWER, place: true },
  'electricity.meter': { yearly: 17_000, months: FLAT },
  // Unified payment document: 94,523.
  'epd.document': { yearly: 41_523, months: BILLS },
  'epd.billing': { yearly: 53_000, months: BILLS },
  // The rest of the year's ~2.3 M.
  'utilities.heating': { yearly: 125_000, months: HEATING, repeats: true, place: true },
  'utilities.hot-water': {
    yearly: 66_000,
    months: [1, 1, 1, 1, 1.2, 2.2, 1.8, 1, 0.8, 0.8, 0.9, 1],
    repeats: true,
    place: true,
  },
  'utilities.cold-water': {
    yearly: 47_000,
    months: WARM.map((m) => 0.6 + m / 3),
    repeats: true,
    place: true,
  },
  'utilities.sewage': { yearly: 39_000, months: FLAT, repeats: true, place: true },
  'utilities.gas': { yearly: 12_000, months: COLD, place: true },
  'utilities.lift': { yearly: 46_000, months: FLAT, repeats: true, place: true },
  'utilities.building': {
    yearly: 41_000,
    months: [1.2, 1.1, 1.3, 1.4, 1, 0.8, 0.8, 0.8, 0.9, 1, 1.1, 1.2],
    repeats: true,
    place: true,
  },
  'roads.pothole': {
    yearly: 46_000,
    months: [0.3, 0.3, 1.2, 2.6, 2.2, 1.4, 1.1, 1, 0.9, 0.6, 0.3, 0.2],
    deferrable: true,
    repeats: true,
    place: true,
  },
  'roads.sidewalk': { yearly: 24_000, months: WARM, deferrable: true, repeats: true, place: true },
  'roads.lighting': {
    yearly: 36_000,
    months: [1.6, 1.3, 1, 0.7, 0.5, 0.4, 0.4, 0.6, 0.9, 1.3, 1.6, 1.7],
    deferrable: true,
    repeats: true,
    place: true,
  },
  'roads.manhole': { yearly: 9_000, months: FLAT, growth: 1.11, place: true },
  'roads.traffic-lights': { yearly: 12_000, months: FLAT, place: true },
  'roads.snow': { yearly: 112_000, months: WINTER, repeats: true, place: true },
  'roads.flooding': { yearly: 18_000, months: FLOODS, place: true },
  'roads.storm-drains': { yearly: 14_000, months: RAIN, repeats: true, place: true },
  'improvement.yard': { yearly: 39_000, months: WARM, deferrable: true, repeats: true, place: true },
  'improvement.playground': { yearly: 15_000, months: WARM, deferrable: true, repeats: true, place: true },
  'improvement.restoration': { yearly: 16_000, months: WARM, place: true },
  'improvement.scooters': { yearly: 10_000, months: SCOOTERS, growth: 1.13, place: true },
  'green.pruning': { yearly: 15_000, months: WARM, deferrable: true, place: true },
  'green.watering': { yearly: 7_000, months: SUMMER, place: true },
  'green.lawns': { yearly: 8_000, months: SUMMER.map((m) => m + 0.2), deferrable: true, place: true },
  'green.mosquitoes': { yearly: 13_000, months: SUMMER, place: true },
  'green.dump': { yearly: 8_000, months: WARM, place: true },
  'waste.collection': { yearly: 26_000, months: WARM.map((m) => 0.6 + m / 2), repeats: true, place: true },
  'waste.containers': { yearly: 8_000, months: FLAT, place: true },
  'waste.bulky': { yearly: 6_000, months: WARM, place: true },
  'order.noise': { yearly: 16_000, months: WARM, place: true },
  'order.parking': { yearly: 15_000, months: FLAT, place: true },
  'order.trade': { yearly: 4_000, months: WARM, place: true },
  'order.animals': { yearly: 12_000, months: WARM, place: true },
};

/** A kind of weather (or failure) day: a burst of one category in one district. */
export interface SpikeKind {
  category: string;
  /** Months (0–11) in which it can happen. */
  months: readonly number[];
  /** Pinned to this many days before `now` (a live incident for the demo). */
  daysAgo?: number;
}

export const SPIKES: readonly SpikeKind[] = [
  { category: 'electricity.outage', months: [0, 1, 11] }, // winter overload blackout
  { category: 'electricity.outage', months: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], daysAgo: 1 },
  { category: 'roads.storm-drains', months: [5, 6, 7] }, // summer downpours
  { category: 'roads.storm-drains', months: [5, 6, 7] },
  { category: 'roads.snow', months: [0, 1, 11] }, // snowstorm
  { category: 'utilities.heating', months: [9, 10, 0] }, // heating failure
  { category: 'utilities.cold-water', months: [3, 4, 5, 6, 7, 8, 9] }, // burst water main
];

/** Channels and their shares (phone ~79 %). */
export const CHANNEL_SHARES: readonly (readonly [channel: string, share: number])[] = [
  ['phone', 79],
  ['app', 9],
  ['web', 6],
  ['messenger', 4],
  ['email', 1],
  ['open311', 1],
];

/** Languages of residents: Russian, Kazakh, a few English. */
export const LANG_SHARES: readonly (readonly ['ru' | 'kk' | 'en', number])[] = [
  ['ru', 60],
  ['kk', 36],
  ['en', 4],
];
