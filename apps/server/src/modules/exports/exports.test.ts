import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc32 } from '../../lib/zip-stream.ts';
import { startTestServer, type TestServer } from '../../../test/server.ts';

let s: TestServer;
let operator: string;
let analyst: string;
let executor: string;

/** Reads a ZIP through its central directory, checking every member's CRC. */
function unzip(buf: Buffer): Map<string, string> {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBeGreaterThan(0);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const crc = buf.readUInt32LE(p + 16);
    const csize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = inflateRawSync(buf.subarray(start, start + csize));
    expect(data.length).toBe(size);
    expect(crc32(data)).toBe(crc);
    out.set(name, data.toString('utf8'));
    p += 46 + nameLen;
  }
  return out;
}

beforeAll(async () => {
  s = await startTestServer();
  [operator, analyst, executor] = await Promise.all([
    s.token('operator'),
    s.token('analyst'),
    s.token('executor'),
  ]);
  const resident = await s.residentToken('+77015550501');
  for (let i = 0; i < 5; i++) {
    const r = await s.call('POST', '/api/v1/requests', {
      token: i < 3 ? resident : operator,
      body: {
        text: i === 4 ? '=HYPERLINK("x") и "кавычки", запятые\nи строки' : `нет света в доме ${i}`,
        category: i % 2 ? 'roads' : 'electricity',
        channel: 'app',
        lat: 51.1 + i / 100,
        lon: 71.4,
        address: `ул. Тестовая, ${i}`,
      },
    });
    expect(r.statusCode, r.body).toBe(201);
  }
});
afterAll(async () => {
  await s?.close();
});

const csvRows = (body: string): string[][] => {
  // A small RFC 4180 reader for the assertions.
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const text = body.replace(/^\ufeff/, '');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
};

describe('exports', () => {
  it('streams the filtered list as CSV, with personal data only for roles that may see it', async () => {
    const r = await s.call('GET', '/api/v1/exports/requests?format=csv&category=electricity', {
      token: operator,
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    expect(r.headers['content-disposition']).toMatch(/attachment; filename="requests-\d{4}-\d\d-\d\d\.csv"/);
    const rows = csvRows(r.body);
    const header = rows[0] as string[];
    expect(header).toContain('resident_phone');
    expect(rows).toHaveLength(1 + 3);
    const col = (name: string) => header.indexOf(name);
    expect(new Set(rows.slice(1).map((x) => x[col('category')]))).toEqual(new Set(['electricity']));
    const tricky = rows.find((x) => x[col('text')]?.includes('HYPERLINK'));
    expect(tricky?.[col('text')]).toBe('\'=HYPERLINK("x") и "кавычки", запятые\nи строки');
    expect(rows.some((x) => x[col('resident_phone')] === '+77015550501')).toBe(true);

    const a = await s.call('GET', '/api/v1/exports/requests?format=csv', { token: analyst });
    expect(a.statusCode).toBe(200);
    expect(a.body).not.toContain('+77015550501');
    expect(a.body).not.toContain('Тестовая');
    expect(csvRows(a.body)[0]).not.toContain('resident_phone');
    expect(csvRows(a.body)).toHaveLength(1 + 5);
  });

  it('writes a valid XLSX (zip with the sheet, CRCs checked) and honours max', async () => {
    const r = await s.call('GET', '/api/v1/exports/requests?format=xlsx&max=4', { token: operator });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const files = unzip(r.rawPayload);
    expect([...files.keys()].sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const sheet = files.get('xl/worksheets/sheet1.xml') as string;
    expect(sheet.match(/<row>/g)).toHaveLength(1 + 4);
    expect(sheet).toContain('<t xml:space="preserve">number</t>');
    expect(sheet).toMatch(/<c><v>51\.1\d*<\/v><\/c>/);
    expect(sheet).toContain('&quot;кавычки&quot;');
  });

  it('keeps executors to their agency and refuses residents and bad input', async () => {
    const own = await s.call('GET', '/api/v1/exports/requests?format=csv', { token: executor });
    expect(own.statusCode).toBe(200);
    const rows = csvRows(own.body);
    const col = (rows[0] as string[]).indexOf('agency');
    expect(new Set(rows.slice(1).map((x) => x[col]))).toEqual(new Set(['energy']));
    expect(
      (await s.call('GET', '/api/v1/exports/requests?agency=roads', { token: executor })).statusCode,
    ).toBe(403);
    const resident = await s.residentToken('+77015550502');
    expect((await s.call('GET', '/api/v1/exports/requests', { token: resident })).statusCode).toBe(403);
    expect((await s.call('GET', '/api/v1/exports/requests')).statusCode).toBe(401);
    for (const q of ['format=pdf', 'max=0', 'createdFrom=yesterday', 'cursor=x']) {
      const r = await s.call('GET', `/api/v1/exports/requests?${q}`, { token: operator });
      expect(r.statusCode, q).toBe(400);
      expect(r.json().error.code).toEqual(expect.any(String));
    }
  });
});
