// ISO 7064 MOD 97-10, shared by IBAN and ISO 11649 (RF) check digits.
// Letters become two digits (A=10 … Z=35); the number is reduced digit by digit
// so it never exceeds Number.MAX_SAFE_INTEGER (a 34-char IBAN is ~60 digits).

export function lettersToDigits(s: string): string {
  return s.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
}

export function mod97(digits: string): number {
  let r = 0;
  for (const ch of digits) r = (r * 10 + (ch.charCodeAt(0) - 48)) % 97;
  return r;
}
