/**
 * RFC 4180 CSV: a streaming parser (feed chunks, get rows) and a writer.
 * Pure: no I/O. Quoted fields may hold commas, quotes ("") and newlines.
 */
export class CsvParser {
  private field = '';
  private row: string[] = [];
  private inQuotes = false;
  private quotePending = false;
  private rows: string[][] = [];

  /** Feeds a chunk of text; returns the rows completed by it. */
  push(chunk: string): string[][] {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i] as string;
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === '"') {
            this.field += '"';
            continue;
          }
          this.inQuotes = false;
          // fall through to unquoted handling of c
        } else if (c === '"') {
          this.quotePending = true;
          continue;
        } else {
          this.field += c;
          continue;
        }
      }
      if (c === '"' && this.field === '') {
        this.inQuotes = true;
      } else if (c === ',') {
        this.row.push(this.field);
        this.field = '';
      } else if (c === '\n') {
        this.endRow();
      } else if (c !== '\r') {
        this.field += c;
      }
    }
    const out = this.rows;
    this.rows = [];
    return out;
  }

  /** Ends the input; returns the last row if the text did not end with a newline. */
  end(): string[][] {
    if (this.quotePending) {
      this.inQuotes = false;
      this.quotePending = false;
    }
    if (this.field !== '' || this.row.length > 0) this.endRow();
    const out = this.rows;
    this.rows = [];
    return out;
  }

  private endRow(): void {
    this.row.push(this.field);
    this.field = '';
    this.rows.push(this.row);
    this.row = [];
  }
}

/** Parses a whole CSV text into rows of fields. */
export function parseCsv(text: string): string[][] {
  const p = new CsvParser();
  return [...p.push(text), ...p.end()];
}

/** Parses a CSV text with a header line into records keyed by column name. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const rows = parseCsv(text);
  const header = rows.shift() ?? [];
  return rows.map((r) => toRecord(header, r));
}

/** Maps a row to a record by the header's names (missing fields are ''). */
export function toRecord(header: readonly string[], row: readonly string[]): Record<string, string> {
  const rec: Record<string, string> = {};
  header.forEach((h, i) => {
    rec[h] = row[i] ?? '';
  });
  return rec;
}

/** Quotes one CSV field when it needs it. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = value instanceof Date ? value.toISOString() : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Formats one CSV line (with the trailing newline). */
export function csvLine(values: readonly unknown[]): string {
  return values.map(csvField).join(',') + '\n';
}
