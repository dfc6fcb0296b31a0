/** The mode rule (config/config.ts): embedded by default, production by AMTSWEG_MODE or NODE_ENV, and what production requires. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/config';

const production = {
  AMTSWEG_MODE: 'production', TEMPORAL_ADDRESS: 'temporal.hagen.internal:7233', AMTSWEG_PAYLOAD_KEY: Buffer.alloc(32, 1).toString('base64'),
  MONGODB_URI: 'mongodb://db1,db2,db3/amtsweg?replicaSet=rs0', SMTP_URL: 'smtps://relay.hagen.internal:465', PUBLIC_BASE_URL: 'https://amtsweg.hagen.de',
  VEHICLE_REGISTRY_URL: 'https://kba.example/holder-query', VEHICLE_REGISTRY_API_KEY: 'v', RESIDENT_REGISTRY_URL: 'https://melderegister.hagen.internal', RESIDENT_REGISTRY_API_KEY: 'r',
  PAYMENT_PROVIDER_URL: 'https://psp.example/v1/', PAYMENT_PROVIDER_API_KEY: 'p', PAYMENT_WEBHOOK_SECRET: 'w',
};

const refusal = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return undefined;
};

describe('embedded and production mode', () => {
  it('when nothing is set, then the mode is embedded; AMTSWEG_MODE=embedded keeps it embedded even under NODE_ENV=production', () => {
    expect(loadConfig({}).mode).toBe('embedded');
    expect(loadConfig({ NODE_ENV: 'production', AMTSWEG_MODE: 'embedded' }).mode).toBe('embedded');
    expect(loadConfig({ NODE_ENV: 'test' }).mode).toBe('embedded');
  });

  it('when every production service is configured, then production mode starts with the HTTP adapters and their keys', () => {
    const config = loadConfig(production);
    expect(config.mode).toBe('production');
    expect(config.paymentProvider).toEqual({ apiUrl: 'https://psp.example/v1', apiKey: 'p', webhookSecret: 'w' });
    expect(config).toMatchObject({ vehicleRegistryApiKey: 'v', residentRegistryApiKey: 'r' });
    const { AMTSWEG_MODE: _mode, ...rest } = production;
    expect(loadConfig({ ...rest, NODE_ENV: 'production' }).mode).toBe('production');
  });

  it.each(Object.keys(production).filter((k) => !['AMTSWEG_MODE', 'VEHICLE_REGISTRY_API_KEY', 'RESIDENT_REGISTRY_API_KEY'].includes(k)))('when %s is missing in production, then the start is refused naming it', (name) => {
    const env: Record<string, string> = { ...production };
    delete env[name];
    const message = refusal(env);
    expect(message).toContain('AMTSWEG_MODE is production');
    expect(message).toContain(`  - ${name} `);
  });

  it('when PUBLIC_BASE_URL is plain http in production, then the start is refused; a bad mode name too', () => {
    expect(refusal({ ...production, PUBLIC_BASE_URL: 'http://amtsweg.hagen.de' })).toContain('PUBLIC_BASE_URL must be https://');
    expect(refusal({ AMTSWEG_MODE: 'prod' })).toContain('AMTSWEG_MODE must be embedded or production');
  });

  it('when a payment provider URL comes without its key and webhook secret, then the start is refused (in either mode)', () => {
    expect(refusal({ PAYMENT_PROVIDER_URL: 'https://psp.example' })).toContain('PAYMENT_PROVIDER_URL needs PAYMENT_PROVIDER_API_KEY and PAYMENT_WEBHOOK_SECRET');
  });
});
