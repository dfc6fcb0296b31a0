import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testMongoUri } from '../../support/env';
import { HttpVehicleRegistry } from '../../../adapters/vehicle-registry/http-vehicle-registry';
import { createSandboxVehicleRegistryRouter } from '../../../sandboxes/vehicle-registry/router';
import { seedSandboxVehicleHolders } from '../../../sandboxes/vehicle-registry/seed';
import { InvalidPlateError, VehicleRegistryError } from '../../../adapters/vehicle-registry/vehicle-registry';

let conn: Connection;
let server: Server;
let base: string;
let registry: HttpVehicleRegistry;

beforeAll(async () => {
  conn = await mongoose.createConnection(testMongoUri('registry_test')).asPromise();
  await conn.dropDatabase();
  const app = express();
  app.use('/sandbox/vehicle-registry', createSandboxVehicleRegistryRouter({ conn, apiKey: 'k3y' }));
  app.use('/secured-registry', createSandboxVehicleRegistryRouter({ conn, apiKey: 'k3y' }));
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  registry = new HttpVehicleRegistry({ baseUrl: `${base}/sandbox/vehicle-registry`, apiKey: 'k3y' });
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await conn?.close();
});

/** The sandbox's API as its adapter calls it: with the sandbox key. */
const keyed = (url: string, init: RequestInit = {}) => fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), Authorization: 'Bearer k3y' } });

const put = (plate: string, body: unknown) =>
  keyed(`${base}/sandbox/vehicle-registry/api/holders/${encodeURIComponent(plate)}`, {
    method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
const listPlates = async () =>
  ((await (await keyed(`${base}/sandbox/vehicle-registry/api/holders`)).json()) as { holders: { plate: string }[] }).holders.map((x) => x.plate);

describe('sandbox vehicle registry', () => {
  it('when seeded twice, then the demo holders exist once each', async () => {
    expect(await seedSandboxVehicleHolders(conn)).toEqual({ inserted: 10 });
    expect(await seedSandboxVehicleHolders(conn)).toEqual({ inserted: 0 });
    const plates = await listPlates();
    expect(plates).toHaveLength(10);
    expect(new Set(plates).size).toBe(10);
  });

  it('when eight processes seed an empty registry at the same moment, then none fails and every demo holder exists once', async () => {
    // Server and worker seed on start; FerretDB's upsert is a find then an insert, so they collide.
    const conns = await Promise.all(Array.from({ length: 8 }, () => mongoose.createConnection(testMongoUri('registry_seed_race')).asPromise()));
    const first = conns[0]!;
    try {
      for (let round = 0; round < 5; round++) { // a collision needs two finds before either insert: give it several chances
        await first.collection('sandbox_vehicle_holders').deleteMany({});
        await Promise.all(conns.map((c) => seedSandboxVehicleHolders(c))); // none throws
        const plates = (await first.collection('sandbox_vehicle_holders').find({}).toArray()).map((d) => d.plate);
        expect(plates).toHaveLength(10);
        expect(new Set(plates).size).toBe(10);
      }
    } finally {
      await first.dropDatabase().catch(() => undefined);
      await Promise.all(conns.map((c) => c.close()));
    }
  });

  it('when asked for a plate in any spelling, then the holder comes back under the canonical plate', async () => {
    expect(await registry.findHolder('ha ab123')).toEqual({
      plate: 'HA-AB 123', holderKind: 'person', name: 'Erika Mustermann',
      street: 'Elberfelder Straße 12', postalCode: '58095', city: 'Hagen',
    });
    expect(await registry.findHolder('do-rt 555')).toMatchObject({ holderKind: 'rental', city: 'Dortmund' });
    expect(await registry.findHolder('HA-FW300')).toMatchObject({ holderKind: 'company' });
  });

  it('when no vehicle has the plate, then findHolder answers null', async () => {
    expect(await registry.findHolder('HA-ZZ 9999')).toBeNull();
  });

  it('when the plate is malformed, then the adapter refuses and the API names the field', async () => {
    await expect(registry.findHolder('HAAB123')).rejects.toBeInstanceOf(InvalidPlateError);
    const res = await keyed(`${base}/sandbox/vehicle-registry/api/holders/HAAB123`);
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields).toEqual([{ field: 'plate', message: 'is not a German licence plate' }]);
  });

  it('when an operator adds and then replaces a holder, then lookups see it and a re-seed keeps the change', async () => {
    const holder = { holderKind: 'person', name: 'Nina Neu', street: 'Bahnhofstraße 1', postalCode: '58095', city: 'Hagen' };
    expect((await put('ha nn 1', holder)).status).toBe(201);
    expect(await registry.findHolder('HA-NN 1')).toMatchObject({ plate: 'HA-NN 1', name: 'Nina Neu' });
    expect((await put('HA-AB 123', { ...holder, name: 'Erika Musterfrau' })).status).toBe(200);
    await seedSandboxVehicleHolders(conn);
    expect((await registry.findHolder('HA-AB 123'))?.name).toBe('Erika Musterfrau');
    expect(await listPlates()).toHaveLength(11);
  });

  it('when a holder is invalid, then 422 names every bad field and nothing is stored', async () => {
    const res = await put('HA-QQ 5', { holderKind: 'alien', street: 'X 1', postalCode: '123', city: 'Hagen' });
    expect(res.status).toBe(422);
    const fields = ((await res.json()).error.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['holderKind', 'name', 'postalCode']);
    expect(await registry.findHolder('HA-QQ 5')).toBeNull();
  });

  it('when the service needs an API key, then a call without it fails for good and one with it succeeds', async () => {
    const anonymous = new HttpVehicleRegistry({ baseUrl: `${base}/secured-registry` });
    const err = await anonymous.findHolder('HA-AB 123').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VehicleRegistryError);
    expect(err).toMatchObject({ status: 401, retryable: false });
    const authorised = new HttpVehicleRegistry({ baseUrl: `${base}/secured-registry`, apiKey: 'k3y' });
    expect((await authorised.findHolder('HA-AB 123'))?.plate).toBe('HA-AB 123');
  });

  it('when the registry is unreachable, then the adapter throws a retryable error', async () => {
    const down = new HttpVehicleRegistry({ baseUrl: 'http://127.0.0.1:9/sandbox/vehicle-registry', timeoutMs: 2_000 });
    await expect(down.findHolder('HA-AB 123')).rejects.toMatchObject({ name: 'VehicleRegistryError', retryable: true });
  });
});
