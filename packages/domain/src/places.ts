/**
 * The kinds of place (see PLACES in lifecycle.ts) in the three languages, and the question that
 * asks for one: shown by the resident app and the console, and listed by Open311's service
 * definitions as the optional `place` attribute.
 */
import type { Place } from './lifecycle.ts';

type Text = { kk: string; ru: string; en: string };

export const PLACE_NAMES: Record<Place, Text> = {
  building: { ru: 'Дом, подъезд', kk: 'Үй, кіреберіс', en: 'Building' },
  apartment: { ru: 'Квартира', kk: 'Пәтер', en: 'Apartment' },
  yard: { ru: 'Двор', kk: 'Аула', en: 'Yard' },
  street: { ru: 'Улица, дорога', kk: 'Көше, жол', en: 'Street or road' },
  park: { ru: 'Парк, сквер', kk: 'Саябақ, гүлзар', en: 'Park or square' },
  structure: { ru: 'Мост, остановка, вывеска', kk: 'Көпір, аялдама, жарнама', en: 'Bridge, stop, sign' },
  construction: { ru: 'Стройка', kk: 'Құрылыс алаңы', en: 'Construction site' },
  other: { ru: 'Другое', kk: 'Басқа', en: 'Elsewhere' },
};

export const PLACE_QUESTION: Text = { ru: 'Где это?', kk: 'Бұл қай жерде?', en: 'Where is it?' };
