/**
 * A case's e-mail, sent once, or — when the relay refuses it for good (an SMTP 5xx such as a
 * mistyped address, or an address the mailer cannot use at all) — recorded as "could not be
 * sent" in the case's audit trail, which the status page shows. Retrying a permanent refusal
 * would block the case forever; a relay that is down (unreachable, 4xx) is still retried.
 */
import { Context } from '@temporalio/activity';
import { sendMailOnce, type MailMessage, type Mailer } from '../../adapters/mail/mailer';
import { appendAuditEvent } from '../../store/audit';
import type { ReadModel } from '../../store/models';
import { MailBudget } from '../../store/rate-limit/mail-budget';

export type MailOutcome = 'sent' | 'undeliverable';

export interface CaseMail {
  /** One key per mail (as for sendMailOnce): the refusal is recorded once under it, too. */
  key: string;
  message: MailMessage;
  caseType: string;
  caseNumber: string;
  /** The audit action of the refusal, e.g. `dog-tax.mail-undeliverable`. */
  undeliverableAction: string;
  /**
   * 'citizen' (default): an address someone typed into a public form, counted against the
   * per-address daily budget (store/rate-limit/mail-budget.ts); over it, the mail is not sent
   * and recorded like a refusal. 'staff': an account's address, not budgeted.
   */
  recipient?: 'citizen' | 'staff';
}

/**
 * Counts a citizen mail against its address's daily budget, once per mail key: a retried
 * activity (a relay that is down, a crash) is answered the first decision, not counted again.
 * False: over budget.
 */
export async function withinMailBudget(model: ReadModel, key: string, to: string): Promise<boolean> {
  if ((await model.sentMails.findById(key).lean())?.status === 'sent') return true;
  return new MailBudget(model.sentMails.db).claimFor(key, to);
}

/** SMTP 5xx (permanent negative reply, RFC 5321 4.2.1) or nodemailer's refusal of the envelope before sending. */
export function isPermanentMailError(error: unknown): boolean {
  const { responseCode, code } = (error ?? {}) as { responseCode?: number; code?: string };
  if (typeof responseCode === 'number') return responseCode >= 500 && responseCode < 600;
  return code === 'EENVELOPE';
}

export async function sendCaseMail(model: ReadModel, mailer: Mailer, mail: CaseMail): Promise<MailOutcome> {
  if (mail.recipient !== 'staff' && !(await withinMailBudget(model, mail.key, mail.message.to))) {
    const { workflowId, runId } = Context.current().info.workflowExecution ?? {};
    await appendAuditEvent(model, {
      key: `${mail.key}:undeliverable`, actor: 'system', action: mail.undeliverableAction, caseType: mail.caseType, caseNumber: mail.caseNumber,
      workflowId, runId, details: { mail: mail.key.split(':')[0], smtp: null, reason: 'address-budget' },
    });
    return 'undeliverable';
  }
  try {
    await sendMailOnce(model, mailer, mail.key, mail.message);
    return 'sent';
  } catch (error) {
    if (!isPermanentMailError(error)) throw error;
    const { workflowId, runId } = Context.current().info.workflowExecution ?? {};
    const { responseCode, code } = error as { responseCode?: number; code?: string };
    // No address in the trail (personal data): which mail, and the relay's code.
    await appendAuditEvent(model, {
      key: `${mail.key}:undeliverable`, actor: 'system', action: mail.undeliverableAction, caseType: mail.caseType, caseNumber: mail.caseNumber,
      workflowId, runId, details: { mail: mail.key.split(':')[0], smtp: responseCode ?? code ?? null },
    });
    return 'undeliverable';
  }
}
