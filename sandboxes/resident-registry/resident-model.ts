import { Schema, type Connection, type Model } from 'mongoose';
import { normalizeName, normalizeStreet, type Resident } from '../../adapters/resident-registry/resident-registry';

/** A stored resident plus the match keys, computed once on write so a look-up is one indexed find. */
export interface StoredResident extends Resident {
  match: { familyName: string; givenNames: string[]; street: string };
}

const residentSchema = new Schema<StoredResident>(
  {
    residentId: { type: String, required: true, unique: true },
    familyName: { type: String, required: true },
    givenNames: { type: String, required: true },
    birthDate: { type: String, required: true },
    street: { type: String, required: true },
    postalCode: { type: String, required: true },
    city: { type: String, required: true },
    match: { familyName: String, givenNames: [String], street: String },
  },
  { collection: 'sandbox_residents', versionKey: false },
);
residentSchema.index({ 'match.familyName': 1, birthDate: 1 });

export type SandboxResidentModel = Model<StoredResident>;

export function sandboxResidentModel(conn: Connection): SandboxResidentModel {
  return (conn.models.SandboxResident as SandboxResidentModel | undefined) ?? conn.model<StoredResident>('SandboxResident', residentSchema);
}

export function withMatchKeys(r: Resident): StoredResident {
  return {
    ...r,
    // Any one of several given names identifies ("Katarzyna" for "Katarzyna Maria").
    match: { familyName: normalizeName(r.familyName), givenNames: normalizeName(r.givenNames).split(' '), street: normalizeStreet(r.street) },
  };
}

/** The registry's answer without database internals (_id, match keys). */
export function toResident(doc: Resident): Resident {
  const { residentId, familyName, givenNames, birthDate, street, postalCode, city } = doc;
  return { residentId, familyName, givenNames, birthDate, street, postalCode, city };
}
