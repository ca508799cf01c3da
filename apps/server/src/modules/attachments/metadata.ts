/**
 * Strips metadata that can carry personal data (EXIF with GPS position and camera serials,
 * XMP, IPTC, comments) from uploaded images, without touching the pixels: JPEG APPn/COM
 * segments other than JFIF and Adobe colour info, PNG text/EXIF chunks, WebP EXIF/XMP chunks.
 */

function stripJpeg(b: Buffer): Buffer {
  const out: Buffer[] = [b.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return b; // not a marker where one must be: leave the file as it is
    const marker = b[i + 1] as number;
    if (marker === 0xda) {
      out.push(b.subarray(i)); // start of scan: the rest is image data
      return Buffer.concat(out);
    }
    const len = b.readUInt16BE(i + 2);
    const seg = b.subarray(i, i + 2 + len);
    const isApp = marker >= 0xe1 && marker <= 0xef; // APP1..APP15 (APP0 = JFIF is kept)
    const keepAdobe = marker === 0xee; // APP14 "Adobe" holds colour transform info
    if (!(isApp && !keepAdobe) && marker !== 0xfe) out.push(seg);
    i += 2 + len;
  }
  return b;
}

const PNG_DROP = new Set(['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME']);

function stripPng(b: Buffer): Buffer {
  const out: Buffer[] = [b.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= b.length) {
    const len = b.readUInt32BE(i);
    const type = b.subarray(i + 4, i + 8).toString('latin1');
    const chunk = b.subarray(i, i + 12 + len);
    if (!PNG_DROP.has(type)) out.push(chunk);
    i += 12 + len;
    if (type === 'IEND') break;
  }
  return Buffer.concat(out);
}

function stripWebp(b: Buffer): Buffer {
  const chunks: Buffer[] = [];
  let i = 12;
  while (i + 8 <= b.length) {
    const type = b.subarray(i, i + 4).toString('latin1');
    const len = b.readUInt32LE(i + 4);
    const total = 8 + len + (len % 2);
    let chunk = b.subarray(i, i + total);
    if (type === 'VP8X') {
      // Clear the EXIF (0x08) and XMP (0x04) flags of the extended header.
      chunk = Buffer.from(chunk);
      chunk[8] = (chunk[8] as number) & ~0x0c;
    }
    if (type !== 'EXIF' && type !== 'XMP ') chunks.push(chunk);
    i += total;
  }
  const body = Buffer.concat(chunks);
  const header = Buffer.from(b.subarray(0, 12));
  header.writeUInt32LE(body.length + 4, 4);
  return Buffer.concat([header, body]);
}

export function stripMetadata(type: string, b: Buffer): Buffer {
  try {
    if (type === 'image/jpeg') return stripJpeg(b);
    if (type === 'image/png') return stripPng(b);
    if (type === 'image/webp') return stripWebp(b);
  } catch {
    // A malformed file is stored as sent rather than refused; it is served as a download-only blob.
  }
  return b;
}
