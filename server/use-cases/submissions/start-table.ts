/**
 * Which workflows a citizen's form submission may start, and how: the form's action names the
 * workflow type; each entry says how to build the workflow ID from the hashed Idempotency-Key,
 * which `caseOpened` Update answers the case number, and where the read model keeps the case.
 * A new procedure adds one line here (and its workflow answers `caseOpened`).
 * Parking tickets are not here: wardens record them on their own route.
 */
import type { UpdateDefinition } from '@temporalio/client';
import { DOG_TAX_PROCEDURES, caseOpenedUpdate, dogTaxWorkflowId, type DogTaxProcedure } from '../../../workflows/dog-tax/shared';
import type { System } from '../../../system/system';
import { findCaseOfWorkflow } from '../../../store/dog-tax/case-store';

/** The read model's record of a case a workflow opened. */
export interface OpenedCase { caseNumber: string; workflowId: string; formId: string; formVersion: number; submission: unknown }

export interface StartEntry {
  /** The search attribute AmtswegProcedure set at start (no personal data). */
  procedure: string;
  workflowId(idempotencyKeyHash: string): string;
  caseOpened: UpdateDefinition<{ caseNumber: string }, []>;
  findCase(system: System, workflowId: string): Promise<OpenedCase | null>;
}

const dogTax = (procedure: DogTaxProcedure): StartEntry => ({
  procedure,
  workflowId: (hash) => dogTaxWorkflowId(procedure, hash),
  caseOpened: caseOpenedUpdate,
  findCase: (system, workflowId) => findCaseOfWorkflow(system.model, workflowId),
});

export const startTable: Record<string, StartEntry> = {
  dogRegistrationWorkflow: dogTax(DOG_TAX_PROCEDURES.registration),
  dogDeregistrationWorkflow: dogTax(DOG_TAX_PROCEDURES.deregistration),
  dogTaxExemptionWorkflow: dogTax(DOG_TAX_PROCEDURES.exemption),
};
