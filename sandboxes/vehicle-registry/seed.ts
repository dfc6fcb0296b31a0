import { readFile } from 'node:fs/promises';
import type { Connection } from 'mongoose';
import { normalizePlate } from '../../adapters/vehicle-registry/vehicle-registry';
import { sandboxVehicleHolderModel } from './holder-model';
import { validateHolder } from './validate-holder';
import { seedOnce } from '../http';

const DEMO_FILE = new URL('./demo-vehicle-holders.json', import.meta.url);

/**
 * Inserts the demo holders that are missing; safe to run on every start. Existing plates are
 * left alone ($setOnInsert) so holders an operator replaced via PUT survive a restart.
 */
export async function seedSandboxVehicleHolders(conn: Connection): Promise<{ inserted: number }> {
  const Holders = sandboxVehicleHolderModel(conn);
  const rows = JSON.parse(await readFile(DEMO_FILE, 'utf8')) as Array<Record<string, unknown>>;
  const ops = rows.map(({ plate, ...rest }) => {
    const checked = validateHolder(rest);
    if (!checked.ok) throw new Error(`demo holder ${String(plate)}: ${JSON.stringify(checked.fields)}`);
    const canonical = normalizePlate(String(plate));
    return {
      updateOne: {
        filter: { plate: canonical },
        update: { $setOnInsert: { plate: canonical, ...checked.value } },
        upsert: true,
      },
    };
  });
  return seedOnce(Holders, ops);
}
