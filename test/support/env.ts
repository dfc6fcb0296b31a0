import { inject } from 'vitest';

/**
 * Addresses of the embedded stack that test/global-setup.ts started for this run.
 * Each test file uses its own database name so files never see each other's data.
 */
export function testMongoUri(dbName: string): string {
  const base = inject('mongodbUri');
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  return url.toString();
}

export const stack = {
  get temporalAddress(): string {
    return inject('temporalAddress');
  },
  get smtpUrl(): string {
    return inject('smtpUrl');
  },
  get mailApiUrl(): string {
    return inject('mailApiUrl');
  },
  get timeSkippingServerPath(): string {
    return inject('timeSkippingServerPath');
  },
};

declare module 'vitest' {
  export interface ProvidedContext {
    mongodbUri: string;
    temporalAddress: string;
    smtpUrl: string;
    mailApiUrl: string;
    timeSkippingServerPath: string;
  }
}
