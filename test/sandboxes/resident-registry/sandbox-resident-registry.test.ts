import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testMongoUri } from '../../support/env';
import { HttpResidentRegistry } from '../../../adapters/resident-registry/http-resident-registry';
import { createSandboxResidentRegistryRouter } from '../../../sandboxes/resident-registry/router';
import { seedSandboxResidents } from '../../../sandboxes/resident-registry/seed';
import { ResidentRegistryError } from '../../../adapters/resident-registry/resident-registry';

let conn: Connection;
let server: Server;
let base: string;
let registry: HttpResidentRegistry;

beforeAll(async () => {
  conn = await mongoose.createConnection(testMongoUri('residents_test')).asPromise();
  await conn.dropDatabase();
  const app = express();
  app.use('/sandbox/resident-registry', createSandboxResidentRegistryRouter({ conn, apiKey: 'k3y' }));
  app.use('/secured-registry', createSandboxResidentRegistryRouter({ conn, apiKey: 'k3y' }));
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  registry = new HttpResidentRegistry({ baseUrl: `${base}/sandbox/resident-registry`, apiKey: 'k3y' });
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await conn?.close();
});

const erika = { familyName: 'Mustermann', givenName: 'Erika', birthDate: '1964-08-12', street: 'Elberfelder Straße 12', postalCode: '58095' };
/** The sandbox's API as its adapter calls it: with the sandbox key. */
const keyed = (url: string, init: RequestInit = {}) => fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), Authorization: 'Bearer k3y' } });

const put = (id: string, body: unknown) => keyed(`${base}/sandbox/resident-registry/api/residents/${id}`, {
  method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
});

describe('sandbox resident registry over HTTP', () => {
  it('when seeded twice, then the demo residents exist once each', async () => {
    expect(await seedSandboxResidents(conn)).toEqual({ inserted: 11 });
    expect(await seedSandboxResidents(conn)).toEqual({ inserted: 0 });
    const list = (await (await keyed(`${base}/sandbox/resident-registry/api/residents`)).json()) as { residents: { residentId: string; match?: unknown }[] };
    expect(list.residents).toHaveLength(11);
    expect(list.residents[0]).not.toHaveProperty('match');
  });

  it('when asked with the data as a citizen types them, then the resident is found', async () => {
    expect(await registry.findResident(erika)).toEqual({
      residentId: 'HA-R-0001', familyName: 'Mustermann', givenNames: 'Erika', birthDate: '1964-08-12',
      street: 'Elberfelder Straße 12', postalCode: '58095', city: 'Hagen',
    });
    expect(await registry.findResident({ ...erika, familyName: ' mustermann ', street: 'Elberfelder Str. 12' })).toMatchObject({ residentId: 'HA-R-0001' });
    expect(await registry.findResident({ familyName: 'Nowak', givenName: 'Katarzyna', birthDate: '1973-07-05', street: 'Haspeler Str 31', postalCode: '58093' }))
      .toMatchObject({ residentId: 'HA-R-0009' });
  });

  it('when any identifying datum differs, then nobody is found', async () => {
    expect(await registry.findResident({ ...erika, birthDate: '1964-08-13' })).toBeNull();
    expect(await registry.findResident({ ...erika, givenName: 'Max' })).toBeNull();
    expect(await registry.findResident({ ...erika, postalCode: '58097' })).toBeNull();
    expect(await registry.findResident({ ...erika, street: 'Elberfelder Straße 14' })).toBeNull();
  });

  it('when a query is malformed, then the registry answers 422 and the adapter throws a non-retryable error', async () => {
    const res = await keyed(`${base}/sandbox/resident-registry/api/residents/search`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...erika, birthDate: '12.08.1964', postalCode: 'x' }),
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field).sort()).toEqual(['birthDate', 'postalCode']);
    const error = await registry.findResident({ ...erika, birthDate: 'soon' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResidentRegistryError);
    expect(error).toMatchObject({ status: 422, retryable: false });
    expect((error as Error).message).not.toContain('Mustermann'); // failure messages are not encrypted
  });

  it('when a resident is added, changed and moves away, then look-ups follow', async () => {
    const grace = { familyName: 'Neu', givenNames: 'Nora', birthDate: '2000-02-02', street: 'Am Widey 2', postalCode: '58099', city: 'Hagen' };
    expect((await put('HA-R-0100', grace)).status).toBe(201);
    expect((await put('HA-R-0100', { ...grace, street: 'Am Widey 4' })).status).toBe(200);
    const query = { familyName: 'Neu', givenName: 'Nora', birthDate: '2000-02-02', street: 'Am Widey 4', postalCode: '58099' };
    expect(await registry.findResident(query)).toMatchObject({ residentId: 'HA-R-0100' });
    expect((await put('HA-R-0100', { ...grace, postalCode: '5809' })).status).toBe(422);
    expect((await keyed(`${base}/sandbox/resident-registry/api/residents/HA-R-0100`, { method: 'DELETE' })).status).toBe(204);
    expect(await registry.findResident(query)).toBeNull();
  });

  it('when the registry requires an API key, then requests without it are refused and with it answered', async () => {
    const noKey = new HttpResidentRegistry({ baseUrl: `${base}/secured-registry` });
    await expect(noKey.findResident(erika)).rejects.toMatchObject({ status: 401, retryable: false });
    const withKey = new HttpResidentRegistry({ baseUrl: `${base}/secured-registry`, apiKey: 'k3y' });
    expect(await withKey.findResident(erika)).toMatchObject({ residentId: 'HA-R-0001' });
  });

  it('when the registry is unreachable, then the adapter throws a retryable error', async () => {
    const down = new HttpResidentRegistry({ baseUrl: 'http://127.0.0.1:9/sandbox/resident-registry', timeoutMs: 2000 });
    await expect(down.findResident(erika)).rejects.toMatchObject({ name: 'ResidentRegistryError', retryable: true });
  });
});
