// The dog-tax tariff of the Hundesteuersatzung, kept as data (tariff.json names its sources
// and how sure we are). Pure: imported by workflows, so no Node APIs.
import raw from './tariff.json';

export interface DogTaxTariff {
  readonly ratesCents: { readonly oneDog: number; readonly twoDogsEach: number; readonly threeOrMoreEach: number };
  /** null: the Satzung has no separate rate for listed dogs (Hagen), the normal rate applies. */
  readonly dangerousDogRateCents: number | null;
  readonly reductionPercent: number;
  readonly dueDates: readonly string[];
  readonly listedBreeds: Readonly<Record<string, readonly string[]>>;
}

export const hagenTariff: DogTaxTariff = Object.freeze(raw as DogTaxTariff);
export const tariffSource: Readonly<Record<string, string>> = raw.source;

export type RateCategory = 'one_dog' | 'two_dogs' | 'three_or_more' | 'listed_dog';

const fold = (s: string) => s.normalize('NFC').toLowerCase().replace(/[\s_-]+/g, ' ').trim();

/** The LHundG NRW list a breed is on (crossbreeds count: "Rottweiler-Mix"), or null. */
export function listedBreedGroup(breed: string, tariff: DogTaxTariff = hagenTariff): string | null {
  const b = fold(breed);
  for (const [group, breeds] of Object.entries(tariff.listedBreeds)) {
    if (breeds.some((name) => b.includes(fold(name)))) return group;
  }
  return null;
}

/**
 * Yearly tax for one dog. Hagen taxes every dog of a household at the rate for the number of
 * dogs kept ("zwei Hunde: je 210 €"), so `dogsInHousehold` counts this dog too.
 */
export function annualTaxCents(
  { dogsInHousehold, listedBreed }: { dogsInHousehold: number; listedBreed: boolean },
  tariff: DogTaxTariff = hagenTariff,
): { cents: number; category: RateCategory } {
  if (!Number.isInteger(dogsInHousehold) || dogsInHousehold < 1) throw new RangeError(`dog tax: dogsInHousehold must be ≥ 1, got ${dogsInHousehold}`);
  if (listedBreed && tariff.dangerousDogRateCents !== null) return { cents: tariff.dangerousDogRateCents, category: 'listed_dog' };
  if (dogsInHousehold === 1) return { cents: tariff.ratesCents.oneDog, category: 'one_dog' };
  if (dogsInHousehold === 2) return { cents: tariff.ratesCents.twoDogsEach, category: 'two_dogs' };
  return { cents: tariff.ratesCents.threeOrMoreEach, category: 'three_or_more' };
}

/** Yearly tax after a caseworker's decision on an exemption or reduction. */
export function annualTaxAfterDecision(annualCents: number, decision: 'granted' | 'reduced' | 'rejected', tariff: DogTaxTariff = hagenTariff): number {
  if (decision === 'granted') return 0;
  if (decision === 'reduced') return Math.round((annualCents * (100 - tariff.reductionPercent)) / 100);
  return annualCents;
}
