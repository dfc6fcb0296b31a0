// The portal token lives in sessionStorage (this tab only, gone when it closes) keyed by the
// ticket code, so a reload or the return from the payment page does not ask for the plate again.
const key = (code: string) => `amtsweg.portal.${code}`;

export function loadToken(code: string): string | null {
  try {
    return sessionStorage.getItem(key(code));
  } catch {
    return null;
  }
}

export function saveToken(code: string, token: string): void {
  try {
    sessionStorage.setItem(key(code), token);
  } catch {
    // Storage disabled: the person is simply asked for the plate again after a reload.
  }
}

export function dropToken(code: string): void {
  try {
    sessionStorage.removeItem(key(code));
  } catch {
    // Nothing stored, nothing to remove.
  }
}
