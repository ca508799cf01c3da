/** The report being written, shared by the wizard's steps. */
import type { GpsPoint } from '../exif.ts';
import type { Place } from '../../shared/places.ts';

export interface Photo {
  id: string;
  blob: Blob;
  url: string;
  gps?: GpsPoint | undefined;
}

export interface Point {
  lat: number;
  lon: number;
  source: 'map' | 'device' | 'photo';
}

export interface ReportForm {
  text: string;
  category: string | null;
  /** Where the problem is, if the resident said. */
  place: Place | null;
  photos: Photo[];
  point: Point | null;
  address: string;
  answers: Record<string, string>;
}

export type Update = (patch: Partial<ReportForm>) => void;

export const MAX_PHOTOS = 5;
