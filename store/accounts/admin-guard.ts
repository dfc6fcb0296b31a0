/**
 * The last-admin guard under concurrency. Two admins who demote or disable each other at the
 * same moment would each see the other still an admin and both succeed — no admin left. Every
 * change that can take an admin away runs under one lease (store/lease-lock.ts: claimed by an
 * insert against the unique `_id`, the one write FerretDB v1 makes exact), so such changes run
 * one after the other, and each reads the accounts after the one before it has written.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { withLease, type Lease, type LockSpace } from '../lease-lock';
import { listStaffAccounts, type StaffAccountDoc } from './staff-accounts';

const lockModel = (conn: Connection): Model<{ _id: string }> =>
  ((conn.models.StaffAccountLock as unknown) ?? conn.model('StaffAccountLock', new Schema({ _id: String }, { collection: 'staff_account_locks', versionKey: false, strict: false }))) as Model<{ _id: string }>;

export const isActiveAdmin = (account: Pick<StaffAccountDoc, 'roles' | 'disabled'> | null | undefined): boolean =>
  Boolean(account && account.roles.includes('admin') && !account.disabled);

/**
 * Runs `change` while no other admin-affecting change runs; it gets every account as it is now
 * (a scan, but of a few hundred accounts) and must call `lease.check()` before it writes.
 */
export async function withAdminGuard<T>(conn: Connection, change: (accounts: StaffAccountDoc[], lease: Lease) => Promise<T>, options: { space?: LockSpace } = {}): Promise<T> {
  return withLease(lockModel(conn), 'staff-admins', async (lease) => change(await listStaffAccounts(conn), lease), { leaseMs: 30_000, waitMs: 20_000, space: options.space });
}
