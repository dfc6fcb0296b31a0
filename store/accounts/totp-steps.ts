/**
 * A TOTP code is good once: the time step it matched is claimed by inserting
 * `<account>:<time step>` (unique `_id`), so two requests with one code — in a row or at the same
 * moment — cannot both pass. FerretDB has no conditional update that could do this with a
 * "last step" field. Steps older than a day are purged by the sign-in housekeeping.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from '../duplicate-key';

interface StepDoc { _id: string; at: Date }

const stepModel = (conn: Connection): Model<StepDoc> =>
  ((conn.models.StaffTotpStep as unknown) ?? conn.model('StaffTotpStep', new Schema({ _id: String, at: Date }, { collection: 'staff_totp_steps', versionKey: false }))) as Model<StepDoc>;

/** True for the first use of this time step by this account, false for every later one. */
export async function claimTotpStep(conn: Connection, accountId: string, timeStep: number, now = new Date()): Promise<boolean> {
  try {
    await stepModel(conn).create({ _id: `${accountId}:${timeStep}`, at: now });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

export async function purgeTotpSteps(conn: Connection, olderThanMs: number, now = Date.now()): Promise<number> {
  return (await stepModel(conn).deleteMany({ at: { $lt: new Date(now - olderThanMs) } })).deletedCount;
}
