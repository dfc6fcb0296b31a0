import { Schema, type Connection, type Model } from 'mongoose';
import type { VehicleHolder } from '../../adapters/vehicle-registry/vehicle-registry';

const holderSchema = new Schema<VehicleHolder>(
  {
    // Stored canonical (normalizePlate) so "ha ab123" and "HA-AB 123" are one vehicle.
    plate: { type: String, required: true, unique: true },
    holderKind: { type: String, required: true, enum: ['person', 'company', 'rental'] },
    name: { type: String, required: true },
    street: { type: String, required: true },
    postalCode: { type: String, required: true },
    city: { type: String, required: true },
  },
  { collection: 'sandbox_vehicle_holders', versionKey: false },
);

export type SandboxHolderModel = Model<VehicleHolder>;

export function sandboxVehicleHolderModel(conn: Connection): SandboxHolderModel {
  return (
    (conn.models.SandboxVehicleHolder as SandboxHolderModel | undefined) ??
    conn.model<VehicleHolder>('SandboxVehicleHolder', holderSchema)
  );
}

/** The registry's answer without database internals (_id). */
export function toHolder(doc: VehicleHolder): VehicleHolder {
  const { plate, holderKind, name, street, postalCode, city } = doc;
  return { plate, holderKind, name, street, postalCode, city };
}
