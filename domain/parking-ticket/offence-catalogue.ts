// Parking offences a warden can pick, with the legal Verwarnungsgeld. An excerpt of the
// federal Tatbestandskatalog (KBA); the JSON names the edition it was checked against.
import raw from './tatbestandskatalog.json';

export interface Offence {
  /** Tatbestandsnummer (TBNR), 6 digits. */
  readonly code: string;
  readonly title: { readonly de: string; readonly en: string };
  /** Official Tatbestandstext ("Sie parkten …"), for letters and the portal. */
  readonly textDe: string;
  readonly amountCents: number;
  readonly legalBasis: string;
  /** Number in the Bußgeldkatalog (BKatV Anlage), e.g. "52a". */
  readonly bkatNumber?: string;
  /** false = TBNR or amount not checked against the official catalogue. */
  readonly verified: boolean;
}

/** § 56 Abs. 1 OWiG: a Verwarnungsgeld is 5 to 55 euros. */
export const MIN_WARNING_CENTS = 500;
export const MAX_WARNING_CENTS = 5500;

export const catalogueSource: Readonly<Record<string, string>> = raw.source;

export const offenceCatalogue: readonly Offence[] = Object.freeze(
  raw.entries.map((e): Offence => Object.freeze({ ...e, title: Object.freeze({ ...e.title }) })),
);

const byCode = new Map(offenceCatalogue.map((o) => [o.code, o]));

export function findOffence(code: string): Offence | undefined {
  return byCode.get(code.trim());
}
