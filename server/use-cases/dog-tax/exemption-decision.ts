/**
 * Exemption applications are decided in the tax office's inbox (a human task, see
 * workflows/dog-tax/exemption-task.ts). This direct API remains only for applications opened
 * before the inbox existed, which wait for the Update `decideExemption`; a case with an inbox
 * task answers 409 and names the task. The workflow's validator refuses a second decision; its
 * ApplicationFailure types map to 409/422.
 */
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  DOG_TAX_PROCEDURES, ERROR_TYPES, decideExemptionUpdate, type ExemptionDecisionKind, type ExemptionStatus,
} from '../../../workflows/dog-tax/shared';
import { AppError, notFound } from '../../http/app-error';
import { validationFailed } from '../../http/validation';
import type { System } from '../../../system/system';
import { taskIdOf } from '../../../workflows/tasks/shared';

const DECIDED = ['granted', 'reduced', 'rejected'];
const alreadyDecided = () => new AppError('already_decided', {
  de: 'Über diesen Antrag ist bereits entschieden.', en: 'This application has already been decided.',
});
const reasonMissing = () => validationFailed([{ field: 'reason', message: { de: 'Bitte eine Begründung angeben (mindestens 3 Zeichen).', en: 'Please give a reason (at least 3 characters).' } }]);

function mapDecisionError(error: unknown): unknown {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    if (error.cause.type === ERROR_TYPES.alreadyDecided) return alreadyDecided();
    if (error.cause.type === ERROR_TYPES.invalidDecision) {
      return validationFailed([{ field: 'decision', message: { de: 'Entscheidung granted, reduced oder rejected mit Begründung.', en: 'Decision granted, reduced or rejected, with a reason.' } }]);
    }
  }
  // The workflow has ended: an exemption case ends only after its decision.
  if (error instanceof WorkflowNotFoundError) return alreadyDecided();
  return error;
}

export async function decideExemption(system: System, args: { caseNumber: string; decision: ExemptionDecisionKind; reason: string; by: string }): Promise<{ status: ExemptionStatus; caseNumber: string }> {
  const reason = args.reason.trim();
  if (reason.length < 3) throw reasonMissing();
  const found = await system.model.dogTaxCases.findOne({ caseNumber: args.caseNumber, procedure: DOG_TAX_PROCEDURES.exemption }, { workflowId: 1, status: 1 }).lean();
  if (!found) throw notFound({ de: 'Der Antrag', en: 'The application' });
  if (DECIDED.includes(found.status)) throw alreadyDecided();
  const taskId = taskIdOf(found.workflowId, 'exemption-decision');
  if (await system.model.tasks.exists({ _id: taskId })) {
    throw new AppError('conflict', {
      de: `Dieser Antrag wird im Posteingang entschieden: /dienst/aufgaben/${encodeURIComponent(taskId)}`,
      en: `This application is decided in the inbox: /dienst/aufgaben/${encodeURIComponent(taskId)}`,
    });
  }
  try {
    return await system.temporal.workflow.getHandle(found.workflowId).executeUpdate(decideExemptionUpdate, { args: [{ decision: args.decision, reason, by: args.by }] });
  } catch (error) {
    throw mapDecisionError(error);
  }
}
