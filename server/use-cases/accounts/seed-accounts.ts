/**
 * Demo staff accounts of the City of Hagen. Each gets a generated password, returned once so
 * the caller can print it; an account that exists already is left alone.
 */
import type { Connection } from 'mongoose';
import { hasAnyStaffAccount, staffAccountExists } from '../../../store/accounts/staff-accounts';
import type { System } from '../../../system/system';
import { createAccount, type NewAccount } from './manage-accounts';

export const DEMO_ACCOUNTS: NewAccount[] = [
  { id: 'admin', displayName: 'Andrea Adler (Administration)', email: 'admin@hagen.example', roles: ['admin'], departments: [], leadOf: [] },
  { id: 'wagner', displayName: 'Wolfgang Wagner (Verkehrsüberwachung)', email: 'wagner@hagen.example', roles: ['warden'], departments: ['traffic'], leadOf: [] },
  { id: 'becker', displayName: 'Birgit Becker (Bußgeldstelle)', email: 'becker@hagen.example', roles: ['caseworker'], departments: ['traffic', 'fine-office'], leadOf: ['fine-office'] },
  { id: 'schulte', displayName: 'Stefan Schulte (Steueramt)', email: 'schulte@hagen.example', roles: ['caseworker'], departments: ['tax-office'], leadOf: ['tax-office'] },
  { id: 'demir', displayName: 'Deniz Demir (Formulare)', email: 'demir@hagen.example', roles: ['designer'], departments: [], leadOf: [] },
  { id: 'kaya', displayName: 'Kemal Kaya (Bürgeramt, Station)', email: 'kaya@hagen.example', roles: ['station'], departments: ['citizens-office'], leadOf: [] },
];

export const hasAnyAccount = (conn: Connection) => hasAnyStaffAccount(conn);

/** Creates the demo accounts that do not exist yet; answers the new ones with their one-time passwords. */
export async function seedDemoAccounts(system: Pick<System, 'conn' | 'model'>): Promise<Array<{ id: string; roles: string[]; password: string }>> {
  const created: Array<{ id: string; roles: string[]; password: string }> = [];
  for (const demo of DEMO_ACCOUNTS) {
    if (await staffAccountExists(system.conn, demo.id)) continue;
    try {
      const { password } = await createAccount(system as System, 'system', demo);
      created.push({ id: demo.id, roles: demo.roles, password });
    } catch (error) {
      if ((error as { code?: string }).code !== 'conflict') throw error; // a parallel seed won
    }
  }
  return created;
}

/** For banners: one line per account, padded. */
export const formatSeeded = (accounts: Array<{ id: string; roles: string[]; password: string }>, indent = '  ') =>
  accounts.map((a) => `${indent}${a.id.padEnd(10)} ${a.password}   (${a.roles.join(', ')})`).join('\n');
