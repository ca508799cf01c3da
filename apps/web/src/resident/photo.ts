/**
 * Photos are made small in the browser before upload: drawn on a canvas at most 1600 px on the
 * long side and re-encoded as JPEG, which also drops every EXIF field (position, camera serial).
 * The position is read first, so the resident can use it to place the report.
 */
import { readExifGps, type GpsPoint } from './exif.ts';

export const MAX_SIDE = 1600;

export interface PreparedPhoto {
  blob: Blob;
  gps?: GpsPoint | undefined;
  width: number;
  height: number;
}

async function decode(
  file: Blob,
): Promise<{ source: CanvasImageSource; width: number; height: number; close(): void }> {
  if ('createImageBitmap' in window) {
    // Honours the EXIF orientation, so the re-encoded photo stands the right way up.
    const bmp = await createImageBitmap(file, { imageOrientation: 'from-image' });
    return { source: bmp, width: bmp.width, height: bmp.height, close: () => bmp.close() };
  }
  const url = URL.createObjectURL(file);
  const img = new Image();
  img.src = url;
  await img.decode();
  return {
    source: img,
    width: img.naturalWidth,
    height: img.naturalHeight,
    close: () => URL.revokeObjectURL(url),
  };
}

/** Resizes and re-encodes a photo; reads its GPS position first when it is a JPEG. */
export async function preparePhoto(file: Blob, maxSide = MAX_SIDE): Promise<PreparedPhoto> {
  const gps =
    file.type === 'image/jpeg' || file.type === ''
      ? readExifGps(await file.slice(0, 128 * 1024).arrayBuffer())
      : undefined;
  const img = await decode(file);
  try {
    const scale = Math.min(1, maxSide / Math.max(img.width, img.height));
    const width = Math.max(1, Math.round(img.width * scale));
    const height = Math.max(1, Math.round(img.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no canvas');
    ctx.drawImage(img.source, 0, 0, width, height);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode'))), 'image/jpeg', 0.82),
    );
    return { blob, gps, width, height };
  } finally {
    img.close();
  }
}
