/**
 * A streaming ZIP writer (enough for XLSX): small members stored whole, large members deflated
 * as they are written with a data descriptor after them, so nothing is held in memory. CRC-32 is
 * computed here (zlib.crc32 needs Node 22). No ZIP64: members and archive stay under 4 GiB.
 */
import { createDeflateRaw, deflateRawSync, type DeflateRaw } from 'node:zlib';

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array, crc = 0): number {
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = (TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Entry {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  flags: number;
}

const DOS_TIME = 0; // 1980-01-01 00:00: reproducible archives
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export class ZipWriter {
  private offset = 0;
  private readonly entries: Entry[] = [];
  constructor(private readonly out: (chunk: Buffer) => void) {}

  private emit(b: Buffer): void {
    this.offset += b.length;
    this.out(b);
  }

  private localHeader(name: Buffer, flags: number, crc: number, compressed: number, size: number): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(flags, 6);
    h.writeUInt16LE(8, 8); // deflate
    h.writeUInt16LE(DOS_TIME, 10);
    h.writeUInt16LE(DOS_DATE, 12);
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(compressed, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    h.writeUInt16LE(0, 28);
    return Buffer.concat([h, name]);
  }

  /** A small member written at once. */
  addFile(path: string, content: string | Buffer): void {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const name = Buffer.from(path, 'utf8');
    const packed = deflateRawSync(data);
    const e: Entry = {
      name,
      crc: crc32(data),
      compressed: packed.length,
      size: data.length,
      offset: this.offset,
      flags: 0x0800,
    };
    this.emit(this.localHeader(name, e.flags, e.crc, e.compressed, e.size));
    this.emit(packed);
    this.entries.push(e);
  }

  /** A large member written piece by piece; call `end()` before the next member. */
  stream(path: string): { write(chunk: Buffer): void; end(): Promise<void> } {
    const name = Buffer.from(path, 'utf8');
    const e: Entry = { name, crc: 0, compressed: 0, size: 0, offset: this.offset, flags: 0x0808 };
    this.emit(this.localHeader(name, e.flags, 0, 0, 0));
    const deflate: DeflateRaw = createDeflateRaw({ level: 6 });
    deflate.on('data', (c: Buffer) => {
      e.compressed += c.length;
      this.emit(c);
    });
    return {
      write: (chunk) => {
        e.crc = crc32(chunk, e.crc);
        e.size += chunk.length;
        deflate.write(chunk);
      },
      end: () =>
        new Promise<void>((resolve, reject) => {
          deflate.once('error', reject);
          // 'end' (not the end() callback): every compressed byte has been read out by then.
          deflate.once('end', () => {
            const d = Buffer.alloc(16);
            d.writeUInt32LE(0x08074b50, 0);
            d.writeUInt32LE(e.crc, 4);
            d.writeUInt32LE(e.compressed, 8);
            d.writeUInt32LE(e.size, 12);
            this.emit(d);
            this.entries.push(e);
            resolve();
          });
          deflate.end();
        }),
    };
  }

  /** The central directory and its end record. */
  finish(): void {
    const start = this.offset;
    for (const e of this.entries) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(e.flags, 8);
      c.writeUInt16LE(8, 10);
      c.writeUInt16LE(DOS_TIME, 12);
      c.writeUInt16LE(DOS_DATE, 14);
      c.writeUInt32LE(e.crc, 16);
      c.writeUInt32LE(e.compressed, 20);
      c.writeUInt32LE(e.size, 24);
      c.writeUInt16LE(e.name.length, 28);
      c.writeUInt32LE(e.offset, 42);
      this.emit(Buffer.concat([c, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.emit(end);
  }
}
