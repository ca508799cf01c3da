import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { stripMetadata } from './metadata.ts';

let s: TestServer;
let number: string;
let resident: string;
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('fake png body'),
]);

beforeAll(async () => {
  s = await startTestServer();
  resident = await s.residentToken('+77016660001');
  number = (
    await s.call('POST', '/api/v1/requests', {
      token: resident,
      body: { text: 'Яма во дворе', category: 'roads', channel: 'app' },
    })
  ).json().number;
});
afterAll(async () => {
  await s?.close();
});

const upload = (token: string | undefined, body: Buffer, type: string, query = '') =>
  s.app.inject({
    method: 'POST',
    url: `/api/v1/requests/${number}/attachments${query}`,
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: body,
  });

describe('metadata', () => {
  it('strips EXIF (GPS) from a JPEG and text chunks from a PNG, keeping the image data', () => {
    const payload = Buffer.from('Exif\0\0GPS51.15N');
    const exif = Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, payload.length + 2]), payload]);
    const jfif = Buffer.concat([Buffer.from([0xff, 0xe0, 0x00, 0x07]), Buffer.from('JFIF\0')]);
    const scan = Buffer.from([0xff, 0xda, 0x00, 0x02, 1, 2, 3, 0xff, 0xd9]);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8]), jfif, exif, scan]);
    const clean = stripMetadata('image/jpeg', jpeg);
    expect(clean.includes(Buffer.from('GPS'))).toBe(false);
    expect(clean.includes(Buffer.from('JFIF'))).toBe(true);
    expect(clean.subarray(clean.length - scan.length).equals(scan)).toBe(true);
    const chunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
    };
    const png = Buffer.concat([
      PNG.subarray(0, 8),
      chunk('IHDR', Buffer.alloc(13)),
      chunk('tEXt', Buffer.from('Author\0Aigul')),
      chunk('IDAT', Buffer.from([1, 2])),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    const pclean = stripMetadata('image/png', png);
    expect(pclean.includes(Buffer.from('Aigul'))).toBe(false);
    expect(pclean.includes(Buffer.from('IDAT'))).toBe(true);
  });
});

describe('attachments', () => {
  it('stores a photo by its checksum, writes an event, and serves it back to those who may read', async () => {
    const r = await upload(resident, PNG, 'image/png', '?name=../../etc/passwd.png');
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ contentType: 'image/png', size: PNG.length, kind: 'resident' });
    expect(r.json().fileName).not.toContain('/');
    const list = (await s.call('GET', `/api/v1/requests/${number}/attachments`, { token: resident })).json()
      .items;
    expect(list).toHaveLength(1);
    const file = await s.call('GET', `/api/v1/requests/${number}/attachments/${list[0].id}`, {
      token: await s.token('operator'),
    });
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);
    const events = (await s.call('GET', `/api/v1/requests/${number}/events`, { token: resident }))
      .json()
      .items.map((e: { type: string }) => e.type);
    expect(events).toContain('attachment');
    const other = await s.residentToken('+77016660002');
    expect((await s.call('GET', `/api/v1/requests/${number}/attachments`, { token: other })).statusCode).toBe(
      403,
    );
  });

  it('checks the type by magic bytes, and refuses strangers and anonymous uploads', async () => {
    const html = await upload(resident, Buffer.from('<html><script>alert(1)</script></html>'), 'image/png');
    expect(html.statusCode).toBe(415);
    expect(html.json().error.code).toBe('unsupported_media_type');
    expect((await upload(resident, PNG, 'text/html')).statusCode).toBe(415);
    expect((await upload(undefined, PNG, 'image/png')).statusCode).toBe(401);
    expect((await upload(await s.residentToken('+77016660003'), PNG, 'image/png')).statusCode).toBe(403);
    expect((await upload(resident, PNG, 'image/png', '?kind=internal')).statusCode).toBe(403);
  });

  it('streams files with their checksum as ETag, and keeps strangers’ uploads off the disk', async () => {
    const list = (await s.call('GET', `/api/v1/requests/${number}/attachments`, { token: resident })).json()
      .items;
    const file = await s.call('GET', `/api/v1/requests/${number}/attachments/${list[0].id}`, {
      token: resident,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers.etag).toBe(`"${list[0].sha256}"`);
    expect(Number(file.headers['content-length'])).toBe(PNG.length);
    expect(
      (await s.call('GET', `/api/v1/requests/${number}/attachments/999999`, { token: resident })).statusCode,
    ).toBe(404);
    const dir = join(s.deps.config.dataDir, 'attachments', 'testcity');
    const before = existsSync(dir) ? readdirSync(dir).length : 0;
    const unique = Buffer.concat([PNG, Buffer.from(`stranger ${Date.now()}`)]);
    expect((await upload(await s.residentToken('+77016660004'), unique, 'image/png')).statusCode).toBe(403);
    expect(readdirSync(dir).length).toBe(before);
  });

  it('limits the size and the number of files per request', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(s.deps.config.maxUploadBytes)]);
    expect((await upload(resident, big, 'image/png')).statusCode).toBe(413);
    let last = 0;
    for (let i = 0; i < 12; i++) last = (await upload(resident, PNG, 'image/png')).statusCode;
    expect(last).toBe(409);
    const n = await s.db.query<{ n: number }>('SELECT count(*) AS n FROM attachments');
    expect(n[0]?.n).toBe(10);
  });
});
