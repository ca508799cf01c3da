/**
 * Reads the GPS position from a JPEG's EXIF block, if there is one. Only what we need: APP1
 * "Exif", the TIFF header (either byte order), IFD0 → the GPS IFD → latitude/longitude with
 * their N/S/E/W references as three rationals each. Anything malformed gives undefined.
 */
export interface GpsPoint {
  lat: number;
  lon: number;
}

function readRationals(v: DataView, offset: number, count: number, le: boolean): number[] | undefined {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const o = offset + i * 8;
    if (o + 8 > v.byteLength) return undefined;
    const den = v.getUint32(o + 4, le);
    out.push(den === 0 ? 0 : v.getUint32(o, le) / den);
  }
  return out;
}

function parseTiff(v: DataView, tiff: number): GpsPoint | undefined {
  const order = v.getUint16(tiff);
  if (order !== 0x4949 && order !== 0x4d4d) return undefined;
  const le = order === 0x4949;
  if (v.getUint16(tiff + 2, le) !== 42) return undefined;
  const entries = (ifd: number): { tag: number; type: number; count: number; value: number }[] => {
    if (ifd + 2 > v.byteLength) return [];
    const n = v.getUint16(ifd, le);
    const out = [];
    for (let i = 0; i < n; i++) {
      const e = ifd + 2 + i * 12;
      if (e + 12 > v.byteLength) break;
      out.push({
        tag: v.getUint16(e, le),
        type: v.getUint16(e + 2, le),
        count: v.getUint32(e + 4, le),
        value: e + 8,
      });
    }
    return out;
  };
  const ifd0 = tiff + v.getUint32(tiff + 4, le);
  const gpsPtr = entries(ifd0).find((e) => e.tag === 0x8825);
  if (!gpsPtr) return undefined;
  const gps = entries(tiff + v.getUint32(gpsPtr.value, le));
  const ref = (tag: number): string | undefined => {
    const e = gps.find((x) => x.tag === tag);
    return e ? String.fromCharCode(v.getUint8(e.value)) : undefined;
  };
  const coord = (tag: number): number | undefined => {
    const e = gps.find((x) => x.tag === tag);
    if (!e || e.type !== 5 || e.count !== 3) return undefined;
    const r = readRationals(v, tiff + v.getUint32(e.value, le), 3, le);
    return r ? (r[0] ?? 0) + (r[1] ?? 0) / 60 + (r[2] ?? 0) / 3600 : undefined;
  };
  const lat = coord(0x0002);
  const lon = coord(0x0004);
  if (lat === undefined || lon === undefined || (lat === 0 && lon === 0)) return undefined;
  const p = { lat: ref(0x0001) === 'S' ? -lat : lat, lon: ref(0x0003) === 'W' ? -lon : lon };
  return Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180 ? p : undefined;
}

/** The GPS point in a JPEG (given its first bytes, 128 KB is plenty), or undefined. */
export function readExifGps(buf: ArrayBuffer): GpsPoint | undefined {
  try {
    const v = new DataView(buf);
    if (v.byteLength < 4 || v.getUint16(0) !== 0xffd8) return undefined;
    let i = 2;
    while (i + 4 <= v.byteLength) {
      const marker = v.getUint16(i);
      if ((marker & 0xff00) !== 0xff00 || marker === 0xffda) return undefined;
      const len = v.getUint16(i + 2);
      // APP1 with "Exif\0\0" then the TIFF header.
      if (
        marker === 0xffe1 &&
        i + 10 <= v.byteLength &&
        v.getUint32(i + 4) === 0x45786966 &&
        v.getUint16(i + 8) === 0
      )
        return parseTiff(v, i + 10);
      i += 2 + len;
    }
  } catch {
    // A truncated or odd file: no position, not an error.
  }
  return undefined;
}
