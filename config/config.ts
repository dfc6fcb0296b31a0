/**
 * All configuration is read and validated here, once, at start-up. A missing or bad value
 * stops the start with a message that names the variable. Unset server addresses mean
 * "use the embedded default" (started by scripts/lib/stack.ts).
 */
/**
 * `embedded` (the default, `npm start`): every service not configured is the embedded stand-in —
 * Temporal, FerretDB and MailDev started by scripts/lib/stack.ts, the sandbox payment provider,
 * vehicle registry and resident registry mounted under /sandbox, demo accounts on first start.
 * `production` (AMTSWEG_MODE=production, or NODE_ENV=production when AMTSWEG_MODE is unset): no
 * sandbox is mounted, no demo account is created, and loadConfig refuses a configuration that
 * would fall back to any embedded service or sandbox adapter (see productionProblems).
 */
export type AppMode = 'embedded' | 'production';

export interface AppConfig {
  mode: AppMode;
  port: number;
  /** Where the web server listens: loopback by default; 0.0.0.0 for a replica behind a load balancer (HOST). */
  host: string;
  /** How long a stopping worker lets activities in flight finish before cancelling them (WORKER_SHUTDOWN_GRACE_SECONDS). */
  workerShutdownGraceMs: number;
  /**
   * Activities one worker runs at once (WORKER_MAX_CONCURRENT_ACTIVITIES, default 16, the SDK's
   * default is 100). It bounds the worker's share of the machine, not a web server's event loop
   * beside it; PDFs leave that free because they render in threads (`pdfRendering`).
   */
  workerMaxConcurrentActivities: number;
  /**
   * PDF render threads of this process (documents/threads/pool.ts): PDF_RENDER_THREADS (default
   * one less than the CPUs, 1 to 4) and PDF_RENDER_QUEUE, renders waiting for a thread before new
   * ones are refused (default 64). Unset values are left to the pool's defaults.
   */
  pdfRendering: { threads?: number; maxQueue?: number };
  /**
   * Admission control (server/http/in-flight-limit.ts): changes in flight at once in this web
   * process (ADMISSION_MAX_IN_FLIGHT, default 8, fitted to the 2-core embedded stack; 0 = no
   * limit) and how long a request waits for a slot before it is answered 503 overloaded
   * (ADMISSION_MAX_WAIT_MS, default 250, so that the 503 comes well within 2 s).
   */
  admission: { maxInFlight: number; maxWaitMs: number };
  publicBaseUrl: string;
  dataDir: string;
  temporal: { address?: string; namespace: string; taskQueue: string; tls: boolean; apiKey?: string };
  mongodbUri?: string;
  smtpUrl?: string;
  mailFrom: string;
  payloadKey?: string;
  vehicleRegistryUrl?: string;
  /** Sent as `Authorization: Bearer …` to the vehicle registry (VEHICLE_REGISTRY_API_KEY). */
  vehicleRegistryApiKey?: string;
  residentRegistryUrl?: string;
  /** Sent as `Authorization: Bearer …` to the resident registry (RESIDENT_REGISTRY_API_KEY). */
  residentRegistryApiKey?: string;
  /**
   * A payment provider speaking the checkout protocol of the sandbox provider (PAYMENT_PROVIDER_URL:
   * its API root, PAYMENT_PROVIDER_API_KEY, PAYMENT_WEBHOOK_SECRET). Unset: the sandbox provider
   * this process serves (embedded mode only).
   */
  paymentProvider?: { apiUrl: string; apiKey: string; webhookSecret: string };
  /** Express's `trust proxy` (TRUST_PROXY, default `loopback`): which proxies' X-Forwarded-* headers count. */
  trustProxy: string;
  payee: { beneficiaryName: string; iban: string; bic?: string };
  sandboxWebhookSecret?: string;
  ports: { temporal: number; temporalUi: number; mongodb: number; smtp: number; mailUi: number };
  /**
   * STAFF_ADMIN_SECOND_FACTOR=optional lets an admin work without a TOTP second factor; unset
   * (the default, and the only value production accepts) sends every admin without one to
   * enrolment at sign-in. For test systems whose fixture account holds every role.
   */
  adminSecondFactorOptional?: boolean;
  /**
   * The embedded stack's operations: how long closed workflows stay in the embedded Temporal
   * (TEMPORAL_RETENTION_DAYS, default 30), and the backups of its SQLite files that `npm start`
   * takes (AMTSWEG_BACKUP_INTERVAL_MINUTES, default 60, 0 = none; AMTSWEG_BACKUP_KEEP, default 48).
   */
  embedded?: { retentionDays: number; backupIntervalMinutes: number; backupKeep: number };
}

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`Configuration error: ${variable} ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(name, `must be a port number (0–65535), got "${raw}"`);
  }
  return value;
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be a URL (${protocols.join(', ')}), got "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return raw;
}

function bool(env: Env, name: string): boolean {
  const raw = (env[name] ?? '').toLowerCase();
  if (raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1') return true;
  throw new ConfigError(name, `must be true or false, got "${env[name]}"`);
}

function base64Key(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (Buffer.from(raw, 'base64').length !== 32) {
    throw new ConfigError(name, 'must be 32 random bytes, base64-encoded (openssl rand -base64 32)');
  }
  return raw;
}

function count(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new ConfigError(name, `must be a whole number of at least ${min}, got "${raw}"`);
  return value;
}

function optionalCount(env: Env, name: string, min: number): number | undefined {
  return env[name] === undefined || env[name] === '' ? undefined : count(env, name, 0, min);
}

function hostPort(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^[A-Za-z0-9.-]+:\d{1,5}$/.test(raw)) throw new ConfigError(name, `must be host:port, got "${raw}"`);
  return raw;
}

function mode(env: Env): AppMode {
  const raw = env.AMTSWEG_MODE;
  if (raw === 'embedded' || raw === 'production') return raw;
  if (raw !== undefined && raw !== '') throw new ConfigError('AMTSWEG_MODE', `must be embedded or production, got "${raw}"`);
  return env.NODE_ENV === 'production' ? 'production' : 'embedded';
}

/**
 * What a production start would silently take from the embedded world: an unset service
 * address (the embedded stack of `npm start`), an unset registry or payment provider (the
 * sandboxes), the loopback public address. Each entry names the variable to set.
 */
export function productionProblems(env: Env): string[] {
  const missing = (name: string, fallback: string) => (env[name] ? [] : [`${name} is not set (it would fall back to ${fallback})`]);
  const problems = [
    ...missing('TEMPORAL_ADDRESS', 'the embedded Temporal of `npm start`'),
    ...missing('AMTSWEG_PAYLOAD_KEY', 'a key generated into the data folder'),
    ...missing('MONGODB_URI', 'the embedded FerretDB'),
    ...missing('SMTP_URL', 'the embedded MailDev'),
    ...missing('VEHICLE_REGISTRY_URL', 'the sandbox vehicle registry'),
    ...missing('RESIDENT_REGISTRY_URL', 'the sandbox resident registry'),
    ...missing('PAYMENT_PROVIDER_URL', 'the sandbox payment provider'),
    ...missing('PAYMENT_PROVIDER_API_KEY', 'no key: the sandbox payment provider'),
    ...missing('PAYMENT_WEBHOOK_SECRET', "the sandbox payment provider's derived secret"),
  ];
  if (!env.PUBLIC_BASE_URL) problems.push('PUBLIC_BASE_URL is not set (it would fall back to http://127.0.0.1:<PORT>, which no citizen can reach)');
  else if (!env.PUBLIC_BASE_URL.startsWith('https://')) problems.push('PUBLIC_BASE_URL must be https:// (citizens send access codes and staff passwords through it)');
  return problems;
}

function adminSecondFactorOptional(env: Env): boolean {
  const raw = env.STAFF_ADMIN_SECOND_FACTOR;
  if (raw === undefined || raw === '' || raw === 'required') return false;
  if (raw !== 'optional') throw new ConfigError('STAFF_ADMIN_SECOND_FACTOR', `must be required or optional, got "${raw}"`);
  if (env.AMTSWEG_MODE === 'production' || (!env.AMTSWEG_MODE && env.NODE_ENV === 'production')) {
    throw new ConfigError('STAFF_ADMIN_SECOND_FACTOR', 'cannot be optional in production: administrators sign in with a second factor');
  }
  return true;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const appMode = mode(env);
  if (appMode === 'production') {
    const problems = productionProblems(env);
    if (problems.length) {
      throw new ConfigError('AMTSWEG_MODE', `is production, and a production start never falls back to an embedded service or a sandbox. Set:\n${
        problems.map((p) => `  - ${p}`).join('\n')}\n(For a demo on this machine, start without AMTSWEG_MODE=production: the embedded mode is the default.)`);
    }
  }
  const appPort = port(env, 'PORT', 3000);
  const temporalAddress = hostPort(env, 'TEMPORAL_ADDRESS');
  const payloadKey = base64Key(env, 'AMTSWEG_PAYLOAD_KEY');
  // Against a shared cluster the key must come from the operator: a generated one would differ per replica.
  if (temporalAddress && !payloadKey) {
    throw new ConfigError('AMTSWEG_PAYLOAD_KEY', 'is required when TEMPORAL_ADDRESS points to a cluster');
  }
  const grace = env.WORKER_SHUTDOWN_GRACE_SECONDS;
  if (grace !== undefined && grace !== '' && !(Number.isFinite(Number(grace)) && Number(grace) >= 0)) {
    throw new ConfigError('WORKER_SHUTDOWN_GRACE_SECONDS', `must be a number of seconds, got "${grace}"`);
  }
  const maxActivities = env.WORKER_MAX_CONCURRENT_ACTIVITIES;
  if (maxActivities !== undefined && maxActivities !== '' && !(Number.isInteger(Number(maxActivities)) && Number(maxActivities) >= 1)) {
    throw new ConfigError('WORKER_MAX_CONCURRENT_ACTIVITIES', `must be a whole number of at least 1, got "${maxActivities}"`);
  }
  const paymentUrl = url(env, 'PAYMENT_PROVIDER_URL', ['http', 'https']);
  if (paymentUrl && !(env.PAYMENT_PROVIDER_API_KEY && env.PAYMENT_WEBHOOK_SECRET)) {
    throw new ConfigError('PAYMENT_PROVIDER_URL', 'needs PAYMENT_PROVIDER_API_KEY and PAYMENT_WEBHOOK_SECRET as well');
  }
  return {
    mode: appMode,
    port: appPort,
    host: env.HOST || '127.0.0.1',
    workerShutdownGraceMs: grace === undefined || grace === '' ? 30_000 : Number(grace) * 1000,
    workerMaxConcurrentActivities: maxActivities === undefined || maxActivities === '' ? 16 : Number(maxActivities),
    pdfRendering: { threads: optionalCount(env, 'PDF_RENDER_THREADS', 1), maxQueue: optionalCount(env, 'PDF_RENDER_QUEUE', 1) },
    admission: { maxInFlight: count(env, 'ADMISSION_MAX_IN_FLIGHT', 8, 0), maxWaitMs: count(env, 'ADMISSION_MAX_WAIT_MS', 250, 0) },
    publicBaseUrl: (url(env, 'PUBLIC_BASE_URL', ['http', 'https']) ?? `http://127.0.0.1:${appPort}`).replace(/\/$/, ''),
    dataDir: env.AMTSWEG_DATA_DIR || '.data',
    temporal: {
      address: temporalAddress,
      namespace: env.TEMPORAL_NAMESPACE || 'default',
      taskQueue: env.TEMPORAL_TASK_QUEUE || 'amtsweg',
      tls: bool(env, 'TEMPORAL_TLS') || Boolean(env.TEMPORAL_API_KEY),
      apiKey: env.TEMPORAL_API_KEY || undefined,
    },
    mongodbUri: url(env, 'MONGODB_URI', ['mongodb', 'mongodb+srv']),
    smtpUrl: url(env, 'SMTP_URL', ['smtp', 'smtps']),
    mailFrom: env.MAIL_FROM || 'Stadt Hagen – Online-Dienste <online-dienste@hagen.example>',
    payloadKey,
    vehicleRegistryUrl: url(env, 'VEHICLE_REGISTRY_URL', ['http', 'https']),
    vehicleRegistryApiKey: env.VEHICLE_REGISTRY_API_KEY || undefined,
    residentRegistryUrl: url(env, 'RESIDENT_REGISTRY_URL', ['http', 'https']),
    residentRegistryApiKey: env.RESIDENT_REGISTRY_API_KEY || undefined,
    paymentProvider: paymentUrl ? { apiUrl: paymentUrl.replace(/\/+$/, ''), apiKey: env.PAYMENT_PROVIDER_API_KEY!, webhookSecret: env.PAYMENT_WEBHOOK_SECRET! } : undefined,
    trustProxy: env.TRUST_PROXY || 'loopback',
    payee: {
      beneficiaryName: env.PAYEE_NAME || 'Stadtkasse Hagen',
      // The EPC test IBAN: a demo city must not print a real account.
      iban: (env.PAYEE_IBAN || 'DE89370400440532013000').replace(/\s/g, ''),
      bic: env.PAYEE_BIC || undefined,
    },
    sandboxWebhookSecret: env.SANDBOX_PAYMENT_WEBHOOK_SECRET || undefined,
    adminSecondFactorOptional: adminSecondFactorOptional(env),
    ports: {
      temporal: port(env, 'TEMPORAL_PORT', 7233),
      temporalUi: port(env, 'TEMPORAL_UI_PORT', 8233),
      mongodb: port(env, 'FERRETDB_PORT', 27017),
      smtp: port(env, 'MAILDEV_SMTP_PORT', 1025),
      mailUi: port(env, 'MAILDEV_WEB_PORT', 1080),
    },
    embedded: {
      retentionDays: count(env, 'TEMPORAL_RETENTION_DAYS', 30, 1),
      backupIntervalMinutes: count(env, 'AMTSWEG_BACKUP_INTERVAL_MINUTES', 60, 0),
      backupKeep: count(env, 'AMTSWEG_BACKUP_KEEP', 48, 1),
    },
  };
}
