import express, { Router } from 'express';
import { requireSandboxAccess, sandboxErrorHandler, validationError, type SandboxAccess } from '../http';
import type { Connection } from 'mongoose';
import { tryNormalizePlate } from '../../adapters/vehicle-registry/vehicle-registry';
import { sandboxVehicleHolderModel, toHolder } from './holder-model';
import { validateHolder } from './validate-holder';

export interface SandboxVehicleRegistryRouterOptions {
  conn: Connection;
  /** Every request carries `Authorization: Bearer <apiKey>` (like the real service) or comes from an admin's session. */
  apiKey: string;
  admin?: SandboxAccess['admin'];
}

/** The sandbox vehicle registry: stands in for the KBA/ZEVIS holder query, with its own data. */
export function createSandboxVehicleRegistryRouter(opts: SandboxVehicleRegistryRouterOptions): Router {
  const Holders = sandboxVehicleHolderModel(opts.conn);
  const router = Router();
  router.use(requireSandboxAccess(opts));
  router.use(express.json({ limit: '16kb' }));

  router.get('/api/holders', async (_req, res) => {
    const docs = await Holders.find().sort({ plate: 1 }).limit(1000).lean();
    res.json({ holders: docs.map(toHolder) });
  });

  router.get('/api/holders/:plate', async (req, res) => {
    const plate = tryNormalizePlate(String(req.params.plate));
    if (!plate) return void res.status(422).json(validationError([{ field: 'plate', message: 'is not a German licence plate' }]));
    const doc = await Holders.findOne({ plate }).lean();
    if (!doc) return void res.status(404).json({ error: { code: 'NOT_FOUND', message: `no vehicle registered as ${plate}` } });
    res.json(toHolder(doc));
  });

  router.put('/api/holders/:plate', async (req, res) => {
    const plate = tryNormalizePlate(String(req.params.plate));
    const checked = validateHolder(req.body);
    const fields = [
      ...(plate ? [] : [{ field: 'plate', message: 'is not a German licence plate' }]),
      ...(checked.ok ? [] : checked.fields),
    ];
    if (!plate || !checked.ok) return void res.status(422).json(validationError(fields));
    await Holders.init();
    const upsert = () =>
      Holders.findOneAndUpdate({ plate }, { $set: { plate, ...checked.value } }, {
        upsert: true, returnDocument: 'after', includeResultMetadata: true,
      });
    // Two concurrent PUTs of a new plate can both try to insert; the unique index lets one win
    // and the other then simply replaces it, as if it had come second.
    const result = await upsert().catch((e: unknown) => {
      if ((e as { code?: unknown } | null)?.code === 11000) return upsert();
      throw e;
    });
    if (!result.value) throw new Error('upsert returned no document');
    res.status(result.lastErrorObject?.updatedExisting ? 200 : 201).json(toHolder(result.value.toObject()));
  });

  router.use(sandboxErrorHandler('sandbox vehicle registry'));
  return router;
}
