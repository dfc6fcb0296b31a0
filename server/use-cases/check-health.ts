/**
 * Health: the public answer is up or down only; the detail per dependency (addresses, error
 * text) is for an administrator, since it tells an attacker where the internal services are and
 * what fails. The SMTP check opens a connection to the relay, so its result is kept for
 * SMTP_CHECK_TTL_MS and shared by concurrent callers: a polling load balancer (or an attacker
 * hammering /api/health) does not open a relay connection per request.
 */
import type { System } from '../../system/system';

type Check = { ok: boolean; detail?: string };

export const SMTP_CHECK_TTL_MS = 10_000;

async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms); });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function probe(work: () => Promise<unknown>): Promise<Check> {
  try {
    // Within 1.5 s: a health check answers like every other route, within 2 s (issue 11).
    await within(1500, work());
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The last SMTP check per mailer: its result until it is older than the TTL, or the check in
 * flight. A failed check is not kept: one slow answer on a busy machine must not report the
 * relay down for the whole TTL; the next health request asks again.
 */
const smtpChecks = new WeakMap<object, { at: number; result: Promise<Check> }>();

function smtpCheck(system: System): Promise<Check> {
  const cached = smtpChecks.get(system.mailer);
  if (cached && Date.now() - cached.at < SMTP_CHECK_TTL_MS) return cached.result;
  const result = probe(async () => { if (!(await system.mailer.verify())) throw new Error('SMTP server did not answer'); });
  smtpChecks.set(system.mailer, { at: Date.now(), result });
  void result.then((check) => { if (!check.ok && smtpChecks.get(system.mailer)?.result === result) smtpChecks.delete(system.mailer); });
  return result;
}

export async function checkHealth(system: System) {
  const [temporal, mongodb, smtp] = await Promise.all([
    probe(() => system.temporal.connection.workflowService.getSystemInfo({})),
    probe(() => system.conn.db!.admin().ping()),
    smtpCheck(system),
  ]);
  const dependencies = {
    temporal: { ...temporal, address: system.services.temporal.address, namespace: system.services.temporal.namespace },
    mongodb,
    smtp,
  };
  const status = Object.values(dependencies).every((d) => d.ok) ? 'ok' : 'degraded';
  return { status, dependencies };
}
