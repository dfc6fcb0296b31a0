/**
 * The resident registry (Melderegister) as amtsweg sees it: is this person registered with a
 * residence in the city? In production an Melderegisterauskunft (e.g. OSCI-XMeld); the
 * embedded default is HttpResidentRegistry pointed at the sandbox registry.
 */
import { DependencyUnavailableError } from '../../domain/dependency-unavailable';

export interface Resident {
  /** The registry's stable id: counts a holder's dogs without comparing names. */
  residentId: string;
  familyName: string;
  givenNames: string;
  birthDate: string;
  street: string;
  postalCode: string;
  city: string;
}

export interface ResidentQuery {
  familyName: string;
  givenName: string;
  birthDate: string;
  street: string;
  postalCode: string;
}

export interface ResidentRegistry {
  readonly name: string;
  /** null when nobody with these data lives in the city. */
  findResident(query: ResidentQuery): Promise<Resident | null>;
}

/** Thrown when the registry refuses or is down; `retryable` tells the activity layer which. */
export class ResidentRegistryError extends DependencyUnavailableError {
  override readonly name = 'ResidentRegistryError';
  constructor(message: string, readonly status: number | undefined, readonly retryable: boolean) {
    super('resident-registry', message);
  }
}

/** Case, accents' composition and spacing do not make another person: "  müller " = "Müller". */
export function normalizeName(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('de-DE').replace(/\s+/g, ' ').trim();
}

/**
 * One spelling per street: "Elberfelder Str. 12" = "elberfelder straße 12" = "Elberfelder-Strasse 12".
 * Citizens abbreviate; the registry does not, and a look-up must not fail on that.
 */
export function normalizeStreet(street: string): string {
  return normalizeName(street)
    .replace(/ß/g, 'ss')
    .replace(/strasse|str\.?(?=[\s\d-]|$)/g, 'strasse')
    .replace(/[\s.-]+/g, '');
}
