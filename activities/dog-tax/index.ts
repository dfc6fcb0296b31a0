/**
 * Activities of the three Hundesteuer workflows (procedure 3). Each is idempotent: keyed
 * writes (workflow ID, case number, tag number) and sendMailOnce per notice.
 */
import type { ReadModel } from '../../store/models';
import type { Mailer } from '../../adapters/mail/mailer';
import type { ResidentRegistry } from '../../adapters/resident-registry/resident-registry';
import type { Payee } from '../parking-ticket';
import type { FormRegistry } from '../../forms/registry/form-registry';
import type { DogTaxProcedure, DogTaxStatus, FormRef } from '../../workflows/dog-tax/shared';
import { openCase, setStatus, type Traced } from '../../store/dog-tax/case-store';
import { createRegistrationActivities } from './registration';
import { createDeregistrationActivities } from './deregistration';
import { createExemptionActivities } from './exemption';
import { createReceiptActivities } from './receipt';

export interface DogTaxActivityDeps {
  model: ReadModel; mailer: Mailer; residentRegistry: ResidentRegistry; payee: Payee;
  /** The form versions cases were started with: the receipt lists fields under their titles. */
  forms: Pick<FormRegistry, 'get'>;
  publicBaseUrl: string;
  /** Derives the status page token from the workflow ID (domain/cases/status-link.ts). */
  statusTokenSecret: Buffer;
}

export function createDogTaxActivities(deps: DogTaxActivityDeps) {
  return {
    openDogTaxCase: (args: Traced & { procedure: DogTaxProcedure; input: FormRef & { submission: object } }) => openCase(deps.model, args),
    setDogTaxStatus: (args: Traced & { caseNumber: string; status: DogTaxStatus; action: string; actor: string; details: Record<string, unknown> }) =>
      setStatus(deps.model, args),
    ...createReceiptActivities(deps),
    ...createRegistrationActivities(deps),
    ...createDeregistrationActivities(deps),
    ...createExemptionActivities(deps),
  };
}
export type DogTaxActivities = ReturnType<typeof createDogTaxActivities>;
