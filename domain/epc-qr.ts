// EPC069-12 payload ("GiroCode"): what a banking app reads to pre-fill a SEPA credit
// transfer. Built by hand because it is a dozen lines and every rule is checked here;
// see standards.md §1. Rendering the QR (error correction M) is the caller's job.
import { epcAmount } from './money';
import { isValidIban, normalizeIban } from './iban';
import { isValidRfReference, normalizeRfReference } from './rf-reference';

export interface EpcPayloadInput {
  beneficiaryName: string;
  iban: string;
  /** Optional in version 002 inside the EEA. */
  bic?: string;
  amountCents?: number;
  /** ISO 11649 reference → line 10 (structured). Excludes remittanceText. */
  rfReference?: string;
  /** Free text → line 11 (unstructured). Excludes rfReference. */
  remittanceText?: string;
  /** ISO 20022 ExternalPurpose1Code, e.g. "GOVT". */
  purpose?: string;
  /** Shown to the payer only, not transmitted. */
  beneficiaryToOriginatorInfo?: string;
}

export const EPC_MAX_BYTES = 331;

const fail = (msg: string): never => {
  throw new Error(`epc-qr: ${msg}`);
};

// Limits are in characters per the spec; code points so an umlaut counts once.
function checkText(name: string, value: string, max: number): string {
  const v = value.trim();
  if (/[\r\n]/.test(v)) fail(`${name} must not contain line breaks`);
  if ([...v].length > max) fail(`${name} is longer than ${max} characters`);
  return v;
}

export function buildEpcPayload(input: EpcPayloadInput): string {
  const name = checkText('beneficiaryName', input.beneficiaryName, 70);
  if (name === '') fail('beneficiaryName is required');

  const iban = normalizeIban(input.iban);
  if (!isValidIban(iban)) fail(`invalid IBAN "${input.iban}"`);

  const bic = input.bic ? input.bic.replace(/\s+/g, '').toUpperCase() : '';
  if (bic && !/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic)) fail(`invalid BIC "${input.bic}"`);

  const amount = input.amountCents === undefined ? '' : epcAmount(input.amountCents);

  const purpose = input.purpose ?? '';
  if (purpose && !/^[A-Z0-9]{4}$/.test(purpose)) fail(`purpose must be a 4-character code, got "${purpose}"`);

  const hasText = input.remittanceText !== undefined && input.remittanceText.trim() !== '';
  const hasRf = input.rfReference !== undefined && input.rfReference.trim() !== '';
  // Line 10 and 11 are mutually exclusive: banks reject or drop one of them otherwise.
  if (hasRf && hasText) fail('use either rfReference (structured) or remittanceText (unstructured), not both');

  const rf = hasRf ? normalizeRfReference(input.rfReference ?? '') : '';
  if (rf && !isValidRfReference(rf)) fail(`invalid RF creditor reference "${input.rfReference}"`);
  if (rf.length > 35) fail('rfReference is longer than 35 characters');
  const text = hasText ? checkText('remittanceText', input.remittanceText ?? '', 140) : '';
  const info = checkText('beneficiaryToOriginatorInfo', input.beneficiaryToOriginatorInfo ?? '', 70);

  const payload = ['BCD', '002', '1', 'SCT', bic, name, iban, amount, purpose, rf, text, info]
    .join('\n')
    // "The last populated element cannot be followed by any separator."
    .replace(/\n+$/, '');

  const bytes = new TextEncoder().encode(payload).length;
  if (bytes > EPC_MAX_BYTES) fail(`payload is ${bytes} bytes, the limit is ${EPC_MAX_BYTES}`);
  return payload;
}
