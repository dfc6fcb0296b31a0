/** What the activities need, taken from the connected system (adapters, store, secrets). */
import type { ActivityDeps } from '../activities';
import type { System } from '../system/system';

export function activityDepsOf(system: System): ActivityDeps {
  const { model, mailer, vehicleRegistry, residentRegistry, forms, drafts, attachments, config, secrets, conn, paymentProvider } = system;
  return {
    model, mailer, vehicleRegistry, residentRegistry, forms, publicBaseUrl: config.publicBaseUrl, payee: config.payee,
    accessCodeSecret: secrets.accessCode, statusTokenSecret: secrets.caseStatus,
    drafts, draftTokenSecret: secrets.draftToken, attachments, conn, paymentProvider,
  };
}
