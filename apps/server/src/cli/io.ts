import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { CsvParser, toRecord } from '@komek/domain/csv';

/** Streams the records of a .csv or .csv.gz file, keyed by the header's column names. */
export async function* readCsvRecords(path: string): AsyncGenerator<Record<string, string>> {
  const raw = createReadStream(path);
  const stream = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  stream.setEncoding('utf8');
  const parser = new CsvParser();
  let header: string[] | undefined;
  for await (const chunk of stream as AsyncIterable<string>) {
    for (const row of parser.push(chunk)) {
      if (!header) header = row.map((h) => h.replace(/^\uFEFF/, ''));
      else yield toRecord(header, row);
    }
  }
  for (const row of parser.end()) {
    if (!header) header = row;
    else yield toRecord(header, row);
  }
}

/** Reads all records of a CSV file into memory. */
export async function readCsvFile(path: string): Promise<Record<string, string>[]> {
  const out: Record<string, string>[] = [];
  for await (const r of readCsvRecords(path)) out.push(r);
  return out;
}

/** A progress bar on stderr (only when stderr is a terminal, else a line every 10 %). */
export function progressBar(label: string, total: number): { tick(n?: number): void; done(): void } {
  let current = 0;
  let lastPct = -1;
  const start = Date.now();
  const tty = process.stderr.isTTY;
  const render = (final = false): void => {
    const pct = total > 0 ? Math.min(100, Math.floor((current / total) * 100)) : 100;
    if (!final && pct === lastPct) return;
    if (!tty && !final && pct % 10 !== 0) return;
    lastPct = pct;
    const secs = (Date.now() - start) / 1000;
    const rate = secs > 0 ? Math.round(current / secs) : 0;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const line = `${label} ${bar} ${pct}% ${current}/${total} ${rate}/s`;
    if (tty) process.stderr.write(`\r${line}${final ? '\n' : ''}`);
    else process.stderr.write(line + '\n');
  };
  return {
    tick(n = 1) {
      current += n;
      render();
    },
    done() {
      current = Math.max(current, total);
      render(true);
    },
  };
}

/** Parses `--name value` and `--flag` arguments. */
export function parseArgs(argv: readonly string[]): { positional: string[]; flags: Record<string, string> } {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
      else {
        const next = argv[i + 1];
        if (next !== undefined && !next.startsWith('--')) {
          flags[a.slice(2)] = next;
          i++;
        } else flags[a.slice(2)] = 'true';
      }
    } else positional.push(a);
  }
  return { positional, flags };
}

/** Returns a required flag or exits with a usage error. */
export function requireFlag(flags: Record<string, string>, name: string, usage: string): string {
  const v = flags[name];
  if (v === undefined || v === 'true') {
    process.stderr.write(`missing --${name}\nusage: ${usage}\n`);
    process.exit(2);
  }
  return v;
}

/**
 * The train and test records of an evaluation: two files, or one file split by a column's value
 * (`--split-before V`; `--until U` drops the records at or after U first, so that a validation
 * month inside the training period can be held out without touching the test month).
 */
export async function readSplit(
  flags: Record<string, string>,
  usage: string,
): Promise<{ train: Record<string, string>[]; test: Record<string, string>[] }> {
  if (flags.input) {
    const col = requireFlag(flags, 'split-column', usage);
    const before = requireFlag(flags, 'split-before', usage);
    const until = flags.until;
    const all = (await readCsvFile(flags.input)).filter((r) => !until || (r[col] ?? '') < until);
    return {
      train: all.filter((r) => (r[col] ?? '') < before),
      test: all.filter((r) => (r[col] ?? '') >= before),
    };
  }
  return {
    train: await readCsvFile(requireFlag(flags, 'train', usage)),
    test: await readCsvFile(requireFlag(flags, 'test', usage)),
  };
}
