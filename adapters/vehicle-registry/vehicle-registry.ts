/**
 * The vehicle-holder query (Fahrzeughalter-Auskunft, in production KBA/ZEVIS) as amtsweg sees
 * it. The embedded default is HttpVehicleRegistry pointed at the sandbox registry.
 */
import { DependencyUnavailableError } from '../../domain/dependency-unavailable';

export interface VehicleHolder {
  /** Canonical plate, see normalizePlate. */
  plate: string;
  holderKind: 'person' | 'company' | 'rental';
  name: string;
  street: string;
  postalCode: string;
  city: string;
}

export interface VehicleRegistry {
  readonly name: string;
  /** null when no vehicle is registered under the plate. */
  findHolder(plate: string): Promise<VehicleHolder | null>;
}

export class InvalidPlateError extends RangeError {
  override readonly name = 'InvalidPlateError';
}

/** Thrown when the registry refuses or is down; `retryable` tells the activity layer which. */
export class VehicleRegistryError extends DependencyUnavailableError {
  override readonly name = 'VehicleRegistryError';
  constructor(message: string, readonly status: number | undefined, readonly retryable: boolean) {
    super('vehicle-registry', message);
  }
}

// District (1–3 letters, umlauts allowed), a separator, recognition letters (1–2), number
// (1–4 digits, no leading zero), optional E (electric) / H (historic). The separator between
// district and letters is required: "HAAB123" could be HA-AB or H-AA, and guessing would
// attach the wrong holder to a ticket.
const PLATE = /^([A-ZÄÖÜ]{1,3}) ?[-: ] ?([A-Z]{1,2}) ?-? ?([1-9][0-9]{0,3}) ?([EH])?$/;

/**
 * Canonical German plate: "HA-AB 123", "HA-AB 123E". Accepts lower case, extra spaces and any
 * dash ("ha ab123", "HA – AB 123"). Returns null for anything that is not a German plate.
 * Not covered: special series without recognition letters (Bundeswehr "Y-…", diplomats "0-…").
 */
export function tryNormalizePlate(plate: string): string | null {
  const cleaned = plate
    .normalize('NFC')
    .toUpperCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  const m = PLATE.exec(cleaned);
  if (!m) return null;
  const [, district = '', letters = '', digits = '', suffix = ''] = m;
  // A plate has room for at most 8 characters besides the suffix.
  if (district.length + letters.length + digits.length > 8) return null;
  return `${district}-${letters} ${digits}${suffix}`;
}

export function normalizePlate(plate: string): string {
  const canonical = tryNormalizePlate(plate);
  // The message names no plate: it can reach a log or Temporal's history (issue 9).
  if (canonical === null) throw new InvalidPlateError(`not a German licence plate (${plate.length} characters)`);
  return canonical;
}
