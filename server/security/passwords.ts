/**
 * Staff passwords: argon2id with the OWASP minimum parameters (19 MiB, 2 passes, 1 lane), so a
 * leaked account table costs an attacker real memory per guess. Generated passwords are shown
 * once (creation, reset) and must then be changed by their owner.
 */
import { randomInt } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

// Algorithm.Argon2id is an ambient const enum (not importable as a value under isolatedModules).
const OPTIONS = { algorithm: 2 as Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const MIN_PASSWORD_LENGTH = 12;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

/** A hash of nothing anyone knows: verified against when the user name is unknown, so both cases take as long. */
let dummyHash: Promise<string> | undefined;

/** False for a missing hash too — after the same work as a real check. */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  const target = passwordHash ?? await (dummyHash ??= hashPassword(`dummy-${randomInt(1e9)}`));
  const ok = await verify(target, password).catch(() => false);
  return ok && passwordHash !== undefined;
}

/** The rules a chosen password must meet; undefined when it does. */
export function passwordProblem(password: string, userName: string): { de: string; en: string } | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return { de: `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`, en: `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.` };
  }
  if (password.trim().toLowerCase() === userName.trim().toLowerCase()) {
    return { de: 'Das Passwort darf nicht der Benutzername sein.', en: 'The password must not be the user name.' };
  }
  return undefined;
}

// No 0/O, 1/l/I: generated passwords are read off a screen and typed.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 4 groups of 5 (about 115 bits), e.g. `k7Rmq-…`: easy to type, never a user name. */
export function generatePassword(): string {
  return Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join('-');
}
