/**
 * Starts the reconciliation of a provider checkout (workflows/payments): shared by every
 * procedure that takes online payments. The workflow ID comes from the checkout id, so a
 * second start (two clicks, a retried request) finds the running one.
 */
import { WorkflowIdConflictPolicy } from '@temporalio/client';
import type { System } from '../../../system/system';
import { withDeadline } from '../../../temporal/deadline';
import { paymentReconciliationWorkflow } from '../../../workflows/payments/reconciliation';
import { CHECKOUT_LIFETIME_MS, paymentReconciliationWorkflowId } from '../../../workflows/payments/shared';

export async function startPaymentReconciliation(system: System, args: { checkoutId: string; caseWorkflowId: string }): Promise<void> {
  await withDeadline(system.temporal, () => system.temporal.workflow.start(paymentReconciliationWorkflow, {
    workflowId: paymentReconciliationWorkflowId(args.checkoutId),
    taskQueue: system.config.temporal.taskQueue,
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    args: [{ ...args, expiresAt: new Date(Date.now() + CHECKOUT_LIFETIME_MS).toISOString() }],
  }));
}
