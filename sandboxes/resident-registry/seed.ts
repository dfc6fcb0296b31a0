import { readFile } from 'node:fs/promises';
import type { Connection } from 'mongoose';
import { sandboxResidentModel, withMatchKeys } from './resident-model';
import { checkResident } from './validate-resident';
import { seedOnce } from '../http';

const DEMO_FILE = new URL('./demo-residents.json', import.meta.url);

/**
 * Inserts the demo residents that are missing; safe to run on every start. Existing ids are
 * left alone ($setOnInsert) so residents an operator changed via PUT survive a restart.
 */
export async function seedSandboxResidents(conn: Connection): Promise<{ inserted: number }> {
  const Residents = sandboxResidentModel(conn);
  const rows = JSON.parse(await readFile(DEMO_FILE, 'utf8')) as Array<Record<string, unknown>>;
  const ops = rows.map(({ residentId, ...rest }) => {
    const checked = checkResident(rest);
    if (!checked.ok) throw new Error(`demo resident ${String(residentId)}: ${JSON.stringify(checked.fields)}`);
    const doc = withMatchKeys({ residentId: String(residentId), ...checked.value });
    return { updateOne: { filter: { residentId: doc.residentId }, update: { $setOnInsert: doc }, upsert: true } };
  });
  return seedOnce(Residents, ops);
}
