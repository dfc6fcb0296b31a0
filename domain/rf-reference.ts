// ISO 11649 structured creditor reference ("RF" + 2 check digits + 1..21 alphanumerics).
// One per ticket, so a bank transfer can be matched to its case without reading free text.
import { lettersToDigits, mod97 } from './mod97';

const BASE = /^[A-Z0-9]{1,21}$/;
const FULL = /^RF\d{2}[A-Z0-9]{1,21}$/;

/** Strips all whitespace and upper-cases: the stored form. */
export function normalizeRfReference(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

export function createRfReference(base: string): string {
  const ref = normalizeRfReference(base);
  if (!BASE.test(ref)) {
    throw new Error(`rf-reference: base must be 1..21 letters/digits, got "${base}"`);
  }
  const check = 98 - mod97(lettersToDigits(`${ref}RF00`));
  return `RF${String(check).padStart(2, '0')}${ref}`;
}

/** Accepts printed (spaced) and lower-case forms. */
export function isValidRfReference(s: string): boolean {
  const rf = normalizeRfReference(s);
  return FULL.test(rf) && mod97(lettersToDigits(rf.slice(4) + rf.slice(0, 4))) === 1;
}

/** Print form: groups of four, e.g. "RF18 5390 0754 7034". */
export function formatRfReference(rf: string): string {
  return normalizeRfReference(rf).replace(/(.{4})(?=.)/g, '$1 ');
}
