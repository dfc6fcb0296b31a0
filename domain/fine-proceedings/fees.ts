// Fees of the Bußgeldverfahren (§ 107 OWiG), kept as data in tariff.json with its sources.
// Pure: imported by workflows, so no Node APIs.
import raw from './tariff.json';

export interface FineTariff {
  readonly fineNotice: { readonly feePercent: number; readonly minFeeCents: number; readonly maxFeeCents: number; readonly postageCents: number };
  readonly costNotice: { readonly feeCents: number; readonly postageCents: number };
  /** Days the notice gives to pay; also the 2 weeks of Einspruch (§ 67 OWiG) after which it is final. */
  readonly paymentDays: number;
}

export const fineTariff: FineTariff = Object.freeze(raw as FineTariff);
export const fineTariffSource: Readonly<Record<string, string>> = raw.source;

export interface NoticeAmounts { fineCents: number; feeCents: number; postageCents: number; totalCents: number }

/** Bußgeldbescheid: fee = 5 % of the fine, at least 25 €, at most 7,500 € (§ 107 Abs. 1), plus postage. */
export function fineNoticeAmounts(fineCents: number, tariff: FineTariff = fineTariff): NoticeAmounts {
  if (!Number.isInteger(fineCents) || fineCents <= 0) throw new RangeError(`fine notice: fine must be a positive number of cents, got ${fineCents}`);
  const { feePercent, minFeeCents, maxFeeCents, postageCents } = tariff.fineNotice;
  // Whole cents, rounded half up: 5 % of 12.345,67 € is 617,28 €.
  const percent = Math.round((fineCents * feePercent) / 100);
  const feeCents = Math.min(Math.max(percent, minFeeCents), maxFeeCents);
  return { fineCents, feeCents, postageCents, totalCents: fineCents + feeCents + postageCents };
}

/** Kostenbescheid to the holder (§ 25a StVG): no fine, the flat fee of § 107 Abs. 2 plus postage. */
export function costNoticeAmounts(tariff: FineTariff = fineTariff): NoticeAmounts {
  const { feeCents, postageCents } = tariff.costNotice;
  return { fineCents: 0, feeCents, postageCents, totalCents: feeCents + postageCents };
}
