/**
 * What every embedded sandbox system's HTTP API shares: the sandbox key (or an admin's session), the error shape
 * (`{ error: { code, message, fields? } }`), a last-resort error handler that never echoes a
 * request body (it may carry personal data), and idempotent demo-data seeding.
 */
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Model } from 'mongoose';

export interface SandboxFieldError { field: string; message: string }

export function validationError(fields: SandboxFieldError[]) {
  return { error: { code: 'VALIDATION_FAILED', message: `invalid field(s): ${fields.map((f) => f.field).join(', ')}`, fields } };
}

/**
 * Who may use a sandbox's API (/api/* of each sandbox): the holder of the sandbox key
 * (`Authorization: Bearer <key>`: this process's adapters, a tester who read it from `npm start`),
 * or a signed-in staff member of the admin role, as told by `admin` (the app checks the session
 * and, on a change, its CSRF token). Everyone else gets 401. The caller is left in
 * `res.locals.sandboxCaller` ('key' or 'admin:<id>') for rules that depend on who created what.
 */
export interface SandboxAccess {
  apiKey: string;
  /** The id of the signed-in admin making this request, or undefined. */
  admin?: (req: Request, res: Response) => Promise<string | undefined>;
}

export function requireSandboxAccess(access: SandboxAccess): RequestHandler {
  const expected = Buffer.from(`Bearer ${access.apiKey}`);
  return (req: Request, res: Response, next: NextFunction) => {
    const given = Buffer.from(req.get('authorization') ?? '');
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      res.locals.sandboxCaller = 'key';
      return next();
    }
    const refuse = () => void res.status(401).json({ error: { code: 'UNAUTHORIZED', message: 'this sandbox API needs the sandbox key (Authorization: Bearer …) or an administrator\'s session' } });
    if (!access.admin) return refuse();
    access.admin(req, res).then((adminId) => {
      if (!adminId) return refuse();
      res.locals.sandboxCaller = `admin:${adminId}`;
      next();
    }, next);
  };
}

export function sandboxErrorHandler(name: string) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (err as { status?: unknown } | null)?.status;
    if (status === 400) return void res.status(400).json({ error: { code: 'BAD_REQUEST', message: 'malformed JSON' } });
    // Over the body parser's limit (16 KB): a refusal like malformed JSON, not an internal error.
    if (status === 413) return void res.status(413).json({ error: { code: 'TOO_LARGE', message: 'body too large' } });
    console.error(`[${name}]`, (err as Error)?.message); // the message only: details never reach the answer
    res.status(500).json({ error: { code: 'INTERNAL', message: 'internal error' } });
  };
}

/**
 * Runs the demo data's `$setOnInsert` upserts. Two processes (server and worker) seeding at
 * once race on the unique index: FerretDB's upsert is a find then an insert, so a row the
 * other process inserted in between fails with E11000. The write is unordered, so every
 * other row still goes in; a duplicate-key failure only means the row exists, which is the
 * goal. (An ordered retry was not enough: CI saw the second pass collide again while the
 * other process was still inserting later rows.)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any sandbox model's upserts
type AnyModel = Model<any>;

export async function seedOnce(model: AnyModel, ops: Parameters<AnyModel['bulkWrite']>[0]): Promise<{ inserted: number }> {
  await model.init(); // the unique index must exist before the upserts rely on it
  try {
    return { inserted: (await model.bulkWrite(ops, { ordered: false })).upsertedCount };
  } catch (e) {
    const err = e as { code?: unknown; writeErrors?: Array<{ code?: unknown; err?: { code?: unknown } }>; result?: { upsertedCount?: number } } | null;
    const writeErrors = err?.writeErrors ?? [];
    const onlyDuplicates = writeErrors.length > 0 && writeErrors.every((w) => (w.code ?? w.err?.code) === 11000);
    if (!onlyDuplicates) throw e;
    return { inserted: err?.result?.upsertedCount ?? 0 };
  }
}
