/**
 * Every environment variable Komek reads, validated at boot. A bad value stops the server with
 * a list of everything that is wrong, never a stack trace.
 */
import { resolve } from 'node:path';

/**
 * PGlite's shared buffers by default, in MB. PGlite touches all of them when it starts, in the
 * process's own memory: the demo city's server idled at 313 MB with 32 against 430 MB with 128
 * (PostgreSQL's default). 16 since session 14: at 1 M requests the suite's reads and intake ran
 * as fast as with 32 (within the machine's noise), and the server stayed within 274–299 MB
 * against 289–319 (docs/SCALING.md). Pages not in the buffers come from the OS's file cache.
 */
export const PGLITE_SHARED_BUFFERS_MB = 16;

export interface Config {
  /** HTTP port (PORT, default 8109). */
  port: number;
  /** Interface to listen on (HOST, default 0.0.0.0). */
  host: string;
  /** Where the embedded database and attachments live (DATA_DIR, default ./data). */
  dataDir: string;
  /** PostgreSQL URL; when unset, the embedded PGlite database in DATA_DIR/pglite is used. */
  databaseUrl: string | undefined;
  /** A streaming replica for analytics and public reads (DATABASE_REPLICA_URL, optional). */
  databaseReplicaUrl: string | undefined;
  /** Connections in the PostgreSQL pool (DATABASE_POOL_SIZE, default 10). */
  databasePoolSize: number;
  /**
   * PostgreSQL's max_parallel_workers_per_gather for the API's connections
   * (DATABASE_PARALLEL_WORKERS, default 0): an API answers many small queries at once, and on a
   * small machine a parallel plan's worker start-up costs more than it saves.
   */
  databaseParallelWorkers: number;
  /** PGlite's shared buffers in MB (PGLITE_SHARED_BUFFERS_MB, default 16): memory for speed. */
  pgliteSharedBuffersMb: number;
  /** Leave V8's compiler and heap settings alone with PGlite (see main.ts; default false). */
  v8Defaults: boolean;
  /** Seed the demo city on first start (SEED_DEMO; default true on the embedded database). */
  seedDemo: boolean;
  /** Synthetic requests in the demo year (SEED_DEMO_REQUESTS, default 23000 = 1 % of Astana's volume). */
  seedDemoRequests: number;
  /** fatal | error | warn | info | debug | trace | silent (LOG_LEVEL, default info). */
  logLevel: string;
  /** The city's IANA time zone (CITY_TIME_ZONE, default Asia/Almaty = UTC+5). */
  cityTimeZone: string;
  /** The city that unauthenticated and default requests belong to (CITY_ID, default astana). */
  cityId: string;
  /** development | production | test (NODE_ENV). Production refuses demo passwords and hides the dev inbox. */
  env: 'development' | 'production' | 'test';
  /** Run background jobs (SLA watcher, outbox) in this process (JOBS, default true). */
  jobs: boolean;
  /** Mark session cookies Secure (COOKIE_SECURE; default true in production). */
  cookieSecure: boolean;
  /** Maximum attachment size in bytes (MAX_UPLOAD_BYTES, default 10 MB). */
  maxUploadBytes: number;
  /** Statement timeout for API queries in ms (STATEMENT_TIMEOUT_MS, default 5000; PostgreSQL only). */
  statementTimeoutMs: number;
  /** HTTP worker processes (KOMEK_WORKERS, default 1; more than 1 needs PostgreSQL). */
  workers: number;
  /** Days after closure when a request's personal data is anonymised (RETENTION_DAYS, default 1095). */
  retentionDays: number;
  /** Delivery channels (SMS gateway, SMTP, web push); unset parts fall back to the dev inbox. */
  notify: NotifyConfig;
  /** Token in the PBX's CTI webhook URL (CTI_TOKEN); outside production a demo token when unset. */
  ctiToken: string | undefined;
  /** Token in the inbound channels' webhook URLs (INBOUND_TOKEN); outside production a demo token. */
  inboundToken: string | undefined;
  /** A map tile URL template with {z}/{x}/{y} for the console map (MAP_TILE_URL; unset = districts only). */
  mapTileUrl: string | undefined;
}

export interface NotifyConfig {
  smsUrl: string | undefined;
  smsMethod: string;
  smsAuth: string | undefined;
  smsBody: string;
  smtpUrl: string | undefined;
  smtpFrom: string;
  vapidPublicKey: string | undefined;
  vapidPrivateKey: string | undefined;
  vapidSubject: string;
  /** Telegram bot token for replies to the Telegram channel (TELEGRAM_BOT_TOKEN; unset: dev inbox). */
  telegramBotToken: string | undefined;
}

/** Documentation of each variable, printed by `komek config` and kept in the README. */
export const CONFIG_DOCS: Record<string, string> = {
  PORT: 'HTTP port (default 8109)',
  HOST: 'interface to listen on (default 0.0.0.0)',
  DATA_DIR: 'embedded database and attachments (default ./data)',
  DATABASE_URL: 'postgres://… to use PostgreSQL instead of the embedded PGlite',
  DATABASE_REPLICA_URL: 'postgres://… of a streaming replica for analytics and public reads (optional)',
  DATABASE_POOL_SIZE: 'PostgreSQL pool size (default 10)',
  DATABASE_PARALLEL_WORKERS:
    "PostgreSQL's max_parallel_workers_per_gather for the server's connections (default 0: no parallel plans; raise it on a machine with cores to spare)",
  PGLITE_SHARED_BUFFERS_MB:
    "shared buffers of the embedded database in MB (default 16; they live in the process: 128, PostgreSQL's default, costs ≈ 110 MB more)",
  SEED_DEMO:
    'seed the demo city (Astana) on first start: true/false (default true on PGlite, false on PostgreSQL)',
  SEED_DEMO_REQUESTS: 'synthetic requests in the demo year (default 23000, 1 % of real volume)',
  LOG_LEVEL: 'fatal|error|warn|info|debug|trace|silent (default info)',
  CITY_TIME_ZONE: 'IANA time zone of the city (default Asia/Almaty, UTC+5)',
  CITY_ID: 'default city id (default astana)',
  NODE_ENV: 'development|production|test (default development)',
  JOBS: 'run background jobs in this process: true/false (default true)',
  COOKIE_SECURE: 'Secure session cookies: true/false (default true in production)',
  MAX_UPLOAD_BYTES: 'largest attachment in bytes (default 10485760)',
  STATEMENT_TIMEOUT_MS: 'statement timeout for API queries on PostgreSQL (default 5000)',
  KOMEK_WORKERS: 'HTTP worker processes sharing the port (default 1; more than 1 needs DATABASE_URL)',
  RETENTION_DAYS: 'days after closure when a request is anonymised (default 1095, three years)',
  SMS_GATEWAY_URL: 'HTTP SMS gateway URL; unset = SMS go to the development inbox',
  SMS_GATEWAY_METHOD: 'HTTP method for the SMS gateway (default POST)',
  SMS_GATEWAY_AUTH: 'Authorization header value for the SMS gateway (optional)',
  SMS_GATEWAY_BODY: 'JSON body template with {to} and {text} (default {"to":"{to}","text":"{text}"})',
  SMTP_URL: 'smtp(s)://user:pass@host:port for e-mail; unset = e-mail goes to the development inbox',
  SMTP_FROM: 'From address of e-mail (default Komek <noreply@komek.local>)',
  VAPID_PUBLIC_KEY: 'web push VAPID public key (unset = generated once and stored in the database)',
  VAPID_PRIVATE_KEY: 'web push VAPID private key (with VAPID_PUBLIC_KEY)',
  VAPID_SUBJECT: 'web push contact, mailto: or https: (default mailto:admin@komek.local)',
  INBOUND_TOKEN:
    'secret in the inbound webhook URLs /api/v1/inbound/{email|telegram}/{token} (16+ characters; unset: komek-demo-inbound outside production, off in production)',
  TELEGRAM_BOT_TOKEN:
    'Telegram bot token for replies on the Telegram channel (unset: replies go to the development inbox)',
  CTI_TOKEN:
    'secret in the PBX webhook URL /api/v1/cti/{token} (16+ characters; unset: komek-demo-cti outside production, CTI off in production)',
  MAP_TILE_URL:
    'tile URL template for the console map, e.g. https://tiles.example/{z}/{x}/{y}.png (unset = district outlines only)',
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads and validates the configuration; throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const int = (name: string, def: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return def;
    }
    return n;
  };
  const bool = (name: string, def: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false, got "${raw}"`);
    return def;
  };
  const url = (name: string): string | undefined => {
    const raw = env[name];
    if (!raw) return undefined;
    if (!/^postgres(ql)?:\/\//.test(raw))
      problems.push(`${name} must start with postgres:// or postgresql://`);
    return raw;
  };

  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);
  }
  const databaseUrl = url('DATABASE_URL');
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  const tz = env.CITY_TIME_ZONE ?? 'Asia/Almaty';
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    problems.push(`CITY_TIME_ZONE must be an IANA time zone such as Asia/Almaty, got "${tz}"`);
  }
  const cityId = env.CITY_ID ?? 'astana';
  if (!/^[a-z][a-z0-9_-]{1,39}$/.test(cityId))
    problems.push(`CITY_ID must be a lower-case slug, got "${cityId}"`);
  const production = nodeEnv === 'production';

  const config: Config = {
    port: int('PORT', 8109, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    // npm runs workspace scripts in the workspace folder; INIT_CWD is where the user typed the command.
    dataDir: resolve(env.INIT_CWD ?? process.cwd(), env.DATA_DIR ?? 'data'),
    databaseUrl,
    databaseReplicaUrl: url('DATABASE_REPLICA_URL'),
    databasePoolSize: int('DATABASE_POOL_SIZE', 10, 1, 500),
    databaseParallelWorkers: int('DATABASE_PARALLEL_WORKERS', 0, 0, 1024),
    pgliteSharedBuffersMb: int('PGLITE_SHARED_BUFFERS_MB', PGLITE_SHARED_BUFFERS_MB, 1, 65_536),
    v8Defaults: bool('KOMEK_V8_DEFAULTS', false),
    seedDemo: bool('SEED_DEMO', !databaseUrl),
    seedDemoRequests: int('SEED_DEMO_REQUESTS', 23_000, 0, 50_000_000),
    logLevel,
    cityTimeZone: tz,
    cityId,
    env: nodeEnv as Config['env'],
    jobs: bool('JOBS', true),
    cookieSecure: bool('COOKIE_SECURE', production),
    maxUploadBytes: int('MAX_UPLOAD_BYTES', 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    statementTimeoutMs: int('STATEMENT_TIMEOUT_MS', 5000, 100, 3_600_000),
    workers: int('KOMEK_WORKERS', 1, 1, 64),
    retentionDays: int('RETENTION_DAYS', 1095, 30, 36_500),
    notify: {
      smsUrl: env.SMS_GATEWAY_URL || undefined,
      smsMethod: (env.SMS_GATEWAY_METHOD || 'POST').toUpperCase(),
      smsAuth: env.SMS_GATEWAY_AUTH || undefined,
      smsBody: env.SMS_GATEWAY_BODY || '{"to":"{to}","text":"{text}"}',
      smtpUrl: env.SMTP_URL || undefined,
      smtpFrom: env.SMTP_FROM || 'Komek <noreply@komek.local>',
      vapidPublicKey: env.VAPID_PUBLIC_KEY || undefined,
      vapidPrivateKey: env.VAPID_PRIVATE_KEY || undefined,
      vapidSubject: env.VAPID_SUBJECT || 'mailto:admin@komek.local',
      telegramBotToken: env.TELEGRAM_BOT_TOKEN || undefined,
    },
    ctiToken: env.CTI_TOKEN || (production ? undefined : 'komek-demo-cti'),
    inboundToken: env.INBOUND_TOKEN || (production ? undefined : 'komek-demo-inbound'),
    mapTileUrl: env.MAP_TILE_URL || undefined,
  };
  if (env.CTI_TOKEN && env.CTI_TOKEN.length < 16) problems.push('CTI_TOKEN must be at least 16 characters');
  if (env.INBOUND_TOKEN && env.INBOUND_TOKEN.length < 16)
    problems.push('INBOUND_TOKEN must be at least 16 characters');
  if (config.mapTileUrl && !/^https?:\/\/.*\{z\}.*\{x\}.*\{y\}/.test(config.mapTileUrl))
    problems.push('MAP_TILE_URL must be an http(s) URL template with {z}, {x} and {y}');
  if (config.notify.smsUrl && !/^https?:\/\//.test(config.notify.smsUrl))
    problems.push('SMS_GATEWAY_URL must start with http:// or https://');
  if (config.notify.smtpUrl && !/^smtps?:\/\//.test(config.notify.smtpUrl))
    problems.push('SMTP_URL must start with smtp:// or smtps://');
  if (Boolean(config.notify.vapidPublicKey) !== Boolean(config.notify.vapidPrivateKey))
    problems.push('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are set together');
  try {
    JSON.parse(config.notify.smsBody.replace(/\{to\}|\{text\}/g, 'x'));
  } catch {
    problems.push('SMS_GATEWAY_BODY must be a JSON template');
  }
  if (config.workers > 1 && !databaseUrl)
    problems.push('KOMEK_WORKERS > 1 needs DATABASE_URL: the embedded database serves one process');
  if (problems.length) throw new ConfigError(problems);
  return config;
}
