/** Reports each dependency separately, so an operator sees which one is down. */
import type { System } from '../../system/system';

type Check = { ok: boolean; detail?: string };

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
    await within(3000, work());
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

export async function checkHealth(system: System) {
  const [temporal, mongodb, smtp] = await Promise.all([
    probe(() => system.temporal.connection.workflowService.getSystemInfo({})),
    probe(() => system.conn.db!.admin().ping()),
    probe(async () => { if (!(await system.mailer.verify())) throw new Error('SMTP server did not answer'); }),
  ]);
  const dependencies = {
    temporal: { ...temporal, address: system.services.temporal.address, namespace: system.services.temporal.namespace },
    mongodb,
    smtp,
  };
  const status = Object.values(dependencies).every((d) => d.ok) ? 'ok' : 'degraded';
  return { status, dependencies };
}
