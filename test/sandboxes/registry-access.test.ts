/**
 * The sandbox registries as an attacker meets them (issue 9, item 1): without the sandbox key
 * nobody lists holders or residents, sets a plate's holder to a victim, or makes a residency
 * check pass or fail. Before the fix the routers took requests from anyone.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testMongoUri } from '../support/env';
import { createSandboxVehicleRegistryRouter } from '../../sandboxes/vehicle-registry/router';
import { createSandboxResidentRegistryRouter } from '../../sandboxes/resident-registry/router';
import { seedSandboxVehicleHolders } from '../../sandboxes/vehicle-registry/seed';
import { seedSandboxResidents } from '../../sandboxes/resident-registry/seed';

const KEY = 'registry-access-key';
let conn: Connection;
let server: Server;
let base: string;

beforeAll(async () => {
  conn = await mongoose.createConnection(testMongoUri('registry_access_test')).asPromise();
  await conn.dropDatabase();
  await seedSandboxVehicleHolders(conn);
  await seedSandboxResidents(conn);
  const app = express()
    .use('/sandbox/vehicle-registry', createSandboxVehicleRegistryRouter({ conn, apiKey: KEY }))
    .use('/sandbox/resident-registry', createSandboxResidentRegistryRouter({ conn, apiKey: KEY }));
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await conn?.close();
});

const victim = { givenNames: 'Erika', familyName: 'Mustermann', street: 'Elberfelder Straße 1', postalCode: '58095', city: 'Hagen', birthDate: '1980-01-01' };
const attacks: [method: string, path: string, body?: unknown][] = [
  ['GET', '/sandbox/vehicle-registry/api/holders'],
  ['GET', '/sandbox/vehicle-registry/api/holders/HA-AB%20123'],
  ['PUT', '/sandbox/vehicle-registry/api/holders/HA-AB%20123', victim],
  ['GET', '/sandbox/resident-registry/api/residents'],
  ['POST', '/sandbox/resident-registry/api/residents/search', victim],
  ['PUT', '/sandbox/resident-registry/api/residents/HA-R-9999', victim],
  ['DELETE', '/sandbox/resident-registry/api/residents/HA-R-0001'],
];

describe('sandbox registries: who may use their APIs', () => {
  it.each(attacks)('when %s %s comes without the key or with a wrong one, then it answers 401 and changes nothing', async (method, path, body) => {
    const before = await conn.db!.collection('sandbox_vehicle_holders').countDocuments().catch(() => -1);
    for (const headers of [{}, { Authorization: `Bearer ${KEY.slice(1)}` }, { Authorization: KEY }] as Record<string, string>[]) {
      const res = await fetch(`${base}${path}`, {
        method, headers: { 'Content-Type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain('Mustermann');
    }
    expect(await conn.db!.collection('sandbox_vehicle_holders').countDocuments().catch(() => -1)).toBe(before);
  });

  it('when the key comes with the request, then the registries answer', async () => {
    const auth = { Authorization: `Bearer ${KEY}` };
    expect((await fetch(`${base}/sandbox/vehicle-registry/api/holders`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${base}/sandbox/resident-registry/api/residents`, { headers: auth })).status).toBe(200);
  });
});
