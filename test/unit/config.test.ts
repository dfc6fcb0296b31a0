import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/config';

describe('configuration, read and validated in one place', () => {
  it('uses the embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, publicBaseUrl: 'http://127.0.0.1:3000', dataDir: '.data', temporal: { namespace: 'default', taskQueue: 'amtsweg', tls: false } });
    expect(config.temporal.address).toBeUndefined();
    expect(config.mongodbUri).toBeUndefined();
    expect(config.smtpUrl).toBeUndefined();
  });

  it('switches to production servers by environment variable', () => {
    const key = Buffer.alloc(32, 1).toString('base64');
    const config = loadConfig({
      TEMPORAL_ADDRESS: 'temporal.hagen.internal:7233', TEMPORAL_NAMESPACE: 'amtsweg-prod', TEMPORAL_API_KEY: 'k', AMTSWEG_PAYLOAD_KEY: key,
      MONGODB_URI: 'mongodb://db1,db2,db3/amtsweg?replicaSet=rs0', SMTP_URL: 'smtps://relay.hagen.internal:465', PUBLIC_BASE_URL: 'https://amtsweg.hagen.de/',
    });
    expect(config.temporal).toMatchObject({ address: 'temporal.hagen.internal:7233', namespace: 'amtsweg-prod', tls: true });
    expect(config.publicBaseUrl).toBe('https://amtsweg.hagen.de');
  });

  it('when nothing is set, then a worker runs at most 16 activities at once (2 cores); WORKER_MAX_CONCURRENT_ACTIVITIES changes it', () => {
    expect(loadConfig({}).workerMaxConcurrentActivities).toBe(16);
    expect(loadConfig({ WORKER_MAX_CONCURRENT_ACTIVITIES: '40' }).workerMaxConcurrentActivities).toBe(40);
  });

  it('when nothing is set, then the PDF render threads are left to the pool (one less than the CPUs, queue 64); PDF_RENDER_THREADS and PDF_RENDER_QUEUE set them', () => {
    expect(loadConfig({}).pdfRendering).toEqual({ threads: undefined, maxQueue: undefined });
    expect(loadConfig({ PDF_RENDER_THREADS: '2', PDF_RENDER_QUEUE: '10' }).pdfRendering).toEqual({ threads: 2, maxQueue: 10 });
    expect(() => loadConfig({ PDF_RENDER_THREADS: '0' })).toThrow(/PDF_RENDER_THREADS/);
    expect(() => loadConfig({ PDF_RENDER_QUEUE: 'many' })).toThrow(/PDF_RENDER_QUEUE/);
  });

  it.each([
    [{ WORKER_MAX_CONCURRENT_ACTIVITIES: '0' }, 'WORKER_MAX_CONCURRENT_ACTIVITIES'],
    [{ WORKER_MAX_CONCURRENT_ACTIVITIES: '2.5' }, 'WORKER_MAX_CONCURRENT_ACTIVITIES'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ MONGODB_URI: 'postgres://x' }, 'MONGODB_URI'],
    [{ SMTP_URL: 'not a url' }, 'SMTP_URL'],
    [{ TEMPORAL_ADDRESS: 'temporal.example' }, 'TEMPORAL_ADDRESS'],
    [{ TEMPORAL_ADDRESS: 'temporal.example:7233' }, 'AMTSWEG_PAYLOAD_KEY'],
    [{ AMTSWEG_PAYLOAD_KEY: 'c2hvcnQ=' }, 'AMTSWEG_PAYLOAD_KEY'],
    [{ TEMPORAL_TLS: 'yes please' }, 'TEMPORAL_TLS'],
  ])('when %o is set, then the start stops with a message naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Configuration error: ${variable} `));
  });
});
