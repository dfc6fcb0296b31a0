/**
 * Staff accounts: who may sign in, with which roles and in which departments. Read by the web
 * process (sign-in, administration) and by the worker (e-mail to a department's lead when a
 * task is overdue). Passwords are stored as argon2id hashes only.
 */
import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';
import type { Department } from '../../domain/departments';
import { isDuplicateKey } from '../duplicate-key';

export const STAFF_ROLES = ['warden', 'caseworker', 'station', 'designer', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const staffAccountSchema = new Schema({
  /** The user name, lower case: also the id that audit events name as actor. */
  _id: { type: String, required: true },
  displayName: { type: String, required: true },
  email: { type: String, required: true },
  roles: { type: [String], default: [] },
  departments: { type: [String], default: [] },
  /** Departments this person leads: they get the e-mail when a task there is overdue. */
  leadOf: { type: [String], default: [] },
  passwordHash: { type: String, required: true },
  disabled: { type: Boolean, default: false },
  passwordChangedAt: Date,
  /** Set when an administrator (or a script) issued the password: the person must choose their own at the next sign-in. */
  mustChangePassword: { type: Boolean, default: false },
  /** The TOTP second factor: its secret sealed (store/sealed-box.ts, bound to the account). */
  totp: { type: Schema.Types.Mixed },
  /** A secret shown for enrolment, not yet confirmed with a code. */
  totpPending: { type: Schema.Types.Mixed },
}, { collection: 'staff_accounts', timestamps: true, versionKey: false });

export type StaffAccountDoc = InferSchemaType<typeof staffAccountSchema> & { _id: string };

export function staffAccountModel(conn: Connection): Model<StaffAccountDoc> {
  return ((conn.models.StaffAccount as unknown) ?? conn.model('StaffAccount', staffAccountSchema)) as Model<StaffAccountDoc>;
}

/** One account by its id (the lower-case user name); null: no such account. */
export async function findStaffAccount(conn: Connection, id: string): Promise<StaffAccountDoc | null> {
  return staffAccountModel(conn).findById(id).lean<StaffAccountDoc>();
}

/** The e-mail addresses of a department's leads (active accounts only). */
export async function departmentLeads(conn: Connection, department: Department): Promise<Array<{ id: string; displayName: string; email: string }>> {
  // A full scan on FerretDB, but the account list is small (hundreds, not millions).
  const leads = await staffAccountModel(conn).find({ leadOf: department, disabled: { $ne: true } }).lean();
  return leads.map((a) => ({ id: a._id, displayName: a.displayName, email: a.email }));
}

/** Display names of these accounts (unknown ids are left out): one `_id` lookup each. */
export async function staffDisplayNames(conn: Connection, ids: string[]): Promise<Map<string, string>> {
  const accounts = staffAccountModel(conn);
  const found = await Promise.all(ids.map((id) => accounts.findById(id, { displayName: 1 }).lean()));
  return new Map(found.filter((a) => a !== null).map((a) => [a._id, a.displayName]));
}

/** Every account, by user name (a scan, but of a few hundred accounts). */
export async function listStaffAccounts(conn: Connection): Promise<StaffAccountDoc[]> {
  return staffAccountModel(conn).find().sort({ _id: 1 }).lean<StaffAccountDoc[]>();
}

/** The e-mail address of every account (to keep them unique). */
export async function staffEmails(conn: Connection): Promise<Array<{ id: string; email: string }>> {
  const accounts = await staffAccountModel(conn).find({}, { email: 1 }).lean();
  return accounts.map((a) => ({ id: a._id, email: a.email }));
}

export async function staffAccountExists(conn: Connection, id: string): Promise<boolean> {
  return (await staffAccountModel(conn).exists({ _id: id })) !== null;
}

export async function hasAnyStaffAccount(conn: Connection): Promise<boolean> {
  return (await staffAccountModel(conn).findOne().select({ _id: 1 }).lean()) !== null;
}

/** Inserts the account; false when the user name is taken (claimed by insert: no two owners). */
export async function insertStaffAccount(conn: Connection, account: Omit<StaffAccountDoc, 'createdAt' | 'updatedAt' | 'disabled'> & { disabled?: boolean }): Promise<boolean> {
  try {
    await staffAccountModel(conn).create(account);
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

export async function updateStaffAccount(conn: Connection, id: string, fields: Partial<Pick<StaffAccountDoc, 'displayName' | 'email' | 'roles' | 'departments' | 'leadOf' | 'disabled'>>): Promise<void> {
  await staffAccountModel(conn).updateOne({ _id: id }, { $set: fields });
}

/** `issued`: an administrator or a script chose it (changed at the next sign-in); else the person did. */
export async function setStaffPasswordHash(conn: Connection, id: string, passwordHash: string, issued = false): Promise<void> {
  await staffAccountModel(conn).updateOne({ _id: id }, { $set: { passwordHash, passwordChangedAt: new Date(), mustChangePassword: issued } });
}

/** The TOTP state as stored: `secret` sealed with the account's id as context. */
export interface StoredTotp { secret: unknown; enabledAt?: Date; createdAt?: Date }

export async function setStaffTotpPending(conn: Connection, id: string, pending: StoredTotp): Promise<void> {
  await staffAccountModel(conn).updateOne({ _id: id }, { $set: { totpPending: pending } });
}

export async function enableStaffTotp(conn: Connection, id: string, totp: StoredTotp): Promise<void> {
  await staffAccountModel(conn).updateOne({ _id: id }, { $set: { totp }, $unset: { totpPending: 1 } });
}

export async function removeStaffTotp(conn: Connection, id: string): Promise<void> {
  await staffAccountModel(conn).updateOne({ _id: id }, { $unset: { totp: 1, totpPending: 1 } });
}
