/**
 * Streaming table writers: CSV (RFC 4180, UTF-8 with a BOM so spreadsheet programs read Cyrillic)
 * and XLSX (one sheet, inline strings, numbers as numbers), fed row batches, emitting bytes.
 */
import { ZipWriter } from './zip-stream.ts';

export type Cell = string | number | null;

export interface TableWriter {
  rows(rows: readonly Cell[][]): void;
  end(): Promise<void>;
}

const csvCell = (v: Cell): string => {
  if (v === null) return '';
  const s = String(v);
  // A leading = + - @ would start a formula in a spreadsheet: such text is quoted as text
  // (a phone number or a plain number is left alone).
  const formula = typeof v === 'string' && /^[=+\-@\t\r]/.test(s) && !/^[+-]?[\d ().-]+$/.test(s);
  const safe = formula ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export function csvWriter(header: readonly string[], out: (b: Buffer) => void): TableWriter {
  out(Buffer.from('\ufeff' + header.map(csvCell).join(',') + '\r\n', 'utf8'));
  return {
    rows(rows) {
      out(Buffer.from(rows.map((r) => r.map(csvCell).join(',') + '\r\n').join(''), 'utf8'));
    },
    end: async () => undefined,
  };
}

// XML 1.0 forbids most control characters; they are dropped.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const xml = (s: string): string =>
  s
    .replace(INVALID_XML, '')
    .replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string);

const xlsxCell = (v: Cell): string =>
  v === null
    ? '<c/>'
    : typeof v === 'number' && Number.isFinite(v)
      ? `<c><v>${v}</v></c>`
      : `<c t="inlineStr"><is><t xml:space="preserve">${xml(String(v))}</t></is></c>`;

const NS = 'http://schemas.openxmlformats.org';

export function xlsxWriter(
  header: readonly string[],
  out: (b: Buffer) => void,
  sheetName = 'Sheet1',
): TableWriter {
  const zip = new ZipWriter(out);
  zip.addFile(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="${NS}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  );
  zip.addFile(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.addFile(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships"><sheets><sheet name="${xml(sheetName.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.addFile(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  );
  const sheet = zip.stream('xl/worksheets/sheet1.xml');
  const row = (cells: readonly Cell[]): string => `<row>${cells.map(xlsxCell).join('')}</row>`;
  sheet.write(
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}/spreadsheetml/2006/main"><sheetData>${row(header)}`,
      'utf8',
    ),
  );
  return {
    rows(rows) {
      sheet.write(Buffer.from(rows.map(row).join(''), 'utf8'));
    },
    async end() {
      sheet.write(Buffer.from('</sheetData></worksheet>', 'utf8'));
      await sheet.end();
      zip.finish();
    },
  };
}
