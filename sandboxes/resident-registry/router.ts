import express, { Router } from 'express';
import { requireSandboxAccess, sandboxErrorHandler, validationError, type SandboxAccess } from '../http';
import type { Connection } from 'mongoose';
import { normalizeName, normalizeStreet } from '../../adapters/resident-registry/resident-registry';
import { sandboxResidentModel, toResident, withMatchKeys } from './resident-model';
import { checkQuery, checkResident } from './validate-resident';

export interface SandboxResidentRegistryRouterOptions {
  conn: Connection;
  /** Every request carries `Authorization: Bearer <apiKey>` (like the real service) or comes from an admin's session. */
  apiKey: string;
  admin?: SandboxAccess['admin'];
}

const RESIDENT_ID = /^[A-Za-z0-9-]{1,40}$/;

/** The sandbox resident registry: stands in for the city's Melderegister, with its own data. */
export function createSandboxResidentRegistryRouter(opts: SandboxResidentRegistryRouterOptions): Router {
  const Residents = sandboxResidentModel(opts.conn);
  const router = Router();
  router.use(requireSandboxAccess(opts));
  router.use(express.json({ limit: '16kb' }));

  router.get('/api/residents', async (_req, res) => {
    const docs = await Residents.find().sort({ residentId: 1 }).limit(1000).lean();
    res.json({ residents: docs.map(toResident) });
  });

  // POST, not GET with a query string: personal data stays out of URLs and access logs.
  router.post('/api/residents/search', async (req, res) => {
    const checked = checkQuery(req.body);
    if (!checked.ok) return void res.status(422).json(validationError(checked.fields));
    const q = checked.value;
    const given = normalizeName(q.givenName).split(' ');
    const candidates = await Residents.find({ 'match.familyName': normalizeName(q.familyName), birthDate: q.birthDate }).lean();
    const found = candidates.find((c) => c.postalCode === q.postalCode && c.match.street === normalizeStreet(q.street)
      && given.every((g) => c.match.givenNames.includes(g)));
    if (!found) return void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'no resident with these data' } });
    res.json(toResident(found));
  });

  router.put('/api/residents/:residentId', async (req, res) => {
    const residentId = String(req.params.residentId);
    const checked = checkResident(req.body);
    const fields = [...(RESIDENT_ID.test(residentId) ? [] : [{ field: 'residentId', message: 'is not a resident id' }]), ...(checked.ok ? [] : checked.fields)];
    if (!checked.ok || fields.length > 0) return void res.status(422).json(validationError(fields));
    await Residents.init();
    const upsert = () => Residents.findOneAndUpdate({ residentId }, { $set: withMatchKeys({ residentId, ...checked.value }) }, {
      upsert: true, returnDocument: 'after', includeResultMetadata: true,
    });
    // Two concurrent PUTs of a new id can both try to insert; the unique index lets one win.
    const result = await upsert().catch((e: unknown) => {
      if ((e as { code?: unknown } | null)?.code === 11000) return upsert();
      throw e;
    });
    if (!result.value) throw new Error('upsert returned no document');
    res.status(result.lastErrorObject?.updatedExisting ? 200 : 201).json(toResident(result.value.toObject()));
  });

  // Moving out of the city removes the person from this registry.
  router.delete('/api/residents/:residentId', async (req, res) => {
    const { deletedCount } = await Residents.deleteOne({ residentId: String(req.params.residentId) });
    res.status(deletedCount ? 204 : 404).end();
  });

  router.use(sandboxErrorHandler('sandbox resident registry'));
  return router;
}
