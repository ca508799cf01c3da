/**
 * Attachment storage: files live under DATA_DIR/attachments/<city>/<sha256>, named by their
 * checksum (never by the client's file name), so the same photo is stored once. An S3-compatible
 * store can implement the same interface.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, writeFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { join } from 'node:path';

export interface Storage {
  put(cityId: string, bytes: Buffer): Promise<{ key: string; sha256: string }>;
  get(key: string): Promise<Buffer>;
  /** The file as a stream (served without holding it in memory). */
  stream(key: string): Readable;
}

const KEY = /^[a-z0-9_-]+\/[0-9a-f]{64}$/;

export function diskStorage(dataDir: string): Storage {
  const root = join(dataDir, 'attachments');
  return {
    async put(cityId, bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const dir = join(root, cityId.replace(/[^a-z0-9_-]/g, ''));
      await mkdir(dir, { recursive: true });
      const key = `${cityId.replace(/[^a-z0-9_-]/g, '')}/${sha256}`;
      const path = join(root, key);
      const exists = await stat(path).then(
        () => true,
        () => false,
      );
      if (!exists)
        await writeFile(path, bytes, { flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
          if (e.code !== 'EEXIST') throw e;
        });
      return { key, sha256 };
    },
    async get(key) {
      if (!KEY.test(key)) throw new Error('bad storage key');
      return readFile(join(root, key));
    },
    stream(key) {
      if (!KEY.test(key)) throw new Error('bad storage key');
      return createReadStream(join(root, key));
    },
  };
}

/** The content type a file really has, from its first bytes; undefined when not accepted. */
export function sniffType(
  b: Buffer,
): 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf' | undefined {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (
    b.length >= 12 &&
    b.subarray(0, 4).toString('latin1') === 'RIFF' &&
    b.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return undefined;
}
