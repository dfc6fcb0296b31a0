/**
 * No error message carries a plate, a name or an address (issue 9): messages end up in logs
 * and — before the failure converter encodes them — in Temporal's history. A scan of every
 * thrown error whose message interpolates a value, in the code that handles citizens' data,
 * and the two adapters' messages checked with real personal data.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { normalizePlate } from '../../adapters/vehicle-registry/vehicle-registry';
import { HttpVehicleRegistry } from '../../adapters/vehicle-registry/http-vehicle-registry';

const ROOMS = ['activities', 'workflows', 'adapters', 'store', 'domain', 'documents', 'system', 'server/use-cases'];
/** Names of values that are personal data; an interpolation of any of them in a thrown message fails. */
const PERSONAL = /\$\{[^}]*\b(plate|holder|person|name|familyName|givenName|email|address|street|city|postalCode|iban|birthDate|body|answer|submission)\b[^}]*\}/i;
/** Interpolations that look personal by name but are not (each says why). */
const NOT_PERSONAL = [
  'activities/merge-activities.ts', // an activity's function name
  'server/http/openapi.ts', // a schema component name
  'documents/parking-ticket/notice-card.ts', // the name of a date field
  'documents/parking-ticket/warning-letter.ts', // the name of a date field
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry) ? [path] : [];
  });
}

describe('error messages', () => {
  it('no thrown error in the code that handles citizens\' data interpolates a plate, a name, an address or a response body', () => {
    const offenders: string[] = [];
    for (const file of ROOMS.flatMap(sources)) {
      if (NOT_PERSONAL.includes(file)) continue;
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        // A count (`${plate.length}`) and a provider's own name (`${this.name}`) say nothing about a person.
        const said = line.replace(/\$\{[\w.]+\.length\}/g, '').replace(/\$\{this\.name\}/g, '');
        if (/throw new \w*(Error|Failure)\(|ApplicationFailure\.(create|nonRetryable|retryable)\(/.test(said) && PERSONAL.test(said)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it('a plate that is not German is refused without naming it', () => {
    expect(() => normalizePlate('Erika Mustermann, Elberfelder Str. 1')).toThrow(/not a German licence plate/);
    try {
      normalizePlate('Erika Mustermann');
    } catch (error) {
      expect((error as Error).message).not.toContain('Mustermann');
    }
  });

  it('a registry error page repeating the holder is not quoted in the error', async () => {
    const server = createServer((_req, res) => { res.writeHead(500); res.end('holder Erika Mustermann, Elberfelder Straße 1, 58095 Hagen, HA-AB 1234'); });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
    try {
      const { port } = server.address() as { port: number };
      const error = await new HttpVehicleRegistry({ baseUrl: `http://127.0.0.1:${port}` }).findHolder('HA-AB 1234').then(() => new Error('no error thrown'), (e: unknown) => e as Error);
      expect(error.message).toBe('vehicle registry answered 500');
      expect(error.message).not.toMatch(/Mustermann|Elberfelder|HA-AB/);
    } finally {
      server.close();
    }
  });
});
