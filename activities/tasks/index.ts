/**
 * Activities of the generic human task (workflows/tasks/human-task.ts): the task's read-model
 * document and queue entries, its audit events, and the overdue e-mail to the department's
 * leads. Idempotent: the task id is deterministic, audit keys and mail keys derive from it.
 */
import type { ReadModel } from '../../store/models';
import { appendAuditEvent } from '../../store/audit';
import { departmentLeads } from '../../store/accounts/staff-accounts';
import type { Mailer } from '../../adapters/mail/mailer';
import { sendCaseMail } from '../mail/send-case-mail';
import type { Department } from '../../domain/departments';
import type { CloseTaskInput, EscalateTaskInput, OpenTaskInput, TaskActivities } from '../../workflows/tasks/shared';
import { closeTask, markTaskOverdue, openTask } from '../../store/tasks/task-store';
import { overdueMail } from './overdue-mail';

export interface TaskActivityDeps { model: ReadModel; mailer: Mailer; publicBaseUrl: string }

export const taskPageUrl = (publicBaseUrl: string, taskId: string) => `${publicBaseUrl}/dienst/aufgaben/${encodeURIComponent(taskId)}`;

export function createTaskActivities(deps: TaskActivityDeps): TaskActivities {
  const { model } = deps;
  return {
    async openTask(input: OpenTaskInput): Promise<void> {
      const { task } = await openTask(model, {
        _id: input.taskId, workflowId: input.workflowId, runId: input.runId, type: input.type,
        department: input.department, procedure: input.procedure, caseNumber: input.caseNumber,
        title: input.title, decisionSchema: input.decisionSchema, decisionUiSchema: input.decisionUiSchema ?? {},
        outcomes: input.outcomes, dueAt: new Date(input.dueAt), caseData: input.caseData,
      });
      await appendAuditEvent(model, {
        key: `task:${input.taskId}:opened`, actor: 'system', action: 'task.opened', caseType: input.procedure,
        caseNumber: input.caseNumber, workflowId: input.workflowId, runId: input.runId,
        details: { taskId: input.taskId, type: input.type, department: input.department, dueAt: new Date(task.dueAt).toISOString() },
      });
    },

    async closeTask(input: CloseTaskInput): Promise<void> {
      const task = await closeTask(model, input.taskId, { status: input.status, by: input.by, decision: input.decision, reason: input.reason });
      if (!task) throw new Error(`task ${input.taskId} not found in the read model`);
      const action = input.status === 'completed' ? 'task.completed' : 'task.cancelled';
      await appendAuditEvent(model, {
        key: `task:${input.taskId}:${input.status}`, actor: input.by, action, caseType: task.procedure,
        caseNumber: task.caseNumber, workflowId: input.workflowId, runId: input.runId,
        details: { taskId: input.taskId, type: task.type, ...(input.decision ? { decision: input.decision } : {}), ...(input.reason ? { reason: input.reason } : {}) },
      });
    },

    async escalateTask(input: EscalateTaskInput): Promise<void> {
      const task = await markTaskOverdue(model, input.taskId);
      if (!task) throw new Error(`task ${input.taskId} not found in the read model`);
      if (task.status !== 'open') return; // decided just as the timer fired: nobody needs the e-mail
      const leads = await departmentLeads(model.tasks.db, task.department as Department);
      // Round 0 keeps the keys of runs recorded before weekly reminders existed.
      const round = input.round ? `:${input.round}` : '';
      for (const lead of leads) {
        await sendCaseMail(model, deps.mailer, {
          key: `task-overdue:${input.taskId}${round}:${lead.id}`, caseType: task.procedure, caseNumber: task.caseNumber, undeliverableAction: 'task.mail-undeliverable', recipient: 'staff',
          message: overdueMail({ to: lead.email, leadName: lead.displayName, task, url: taskPageUrl(deps.publicBaseUrl, input.taskId) }),
        });
      }
      await appendAuditEvent(model, {
        key: `task:${input.taskId}:escalated${round}`, actor: 'system', action: 'task.escalated', caseType: task.procedure,
        caseNumber: task.caseNumber, workflowId: input.workflowId, runId: input.runId,
        details: { taskId: input.taskId, department: task.department, dueAt: new Date(task.dueAt).toISOString(), notified: leads.map((l) => l.id), round: input.round ?? 0 },
      });
    },
  };
}
