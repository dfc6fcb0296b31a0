/**
 * Recording a ticket starts its workflow and waits for the registration (ticket number, RF
 * reference, ticket code) in one call: update-with-start. The workflow ID comes from the
 * warden's Idempotency-Key, so a repeated submit returns the same ticket — for as long as the
 * case exists: a key whose run has ended never starts a second run (reuse policy
 * REJECT_DUPLICATE); the first answer is rebuilt from the read model instead.
 */
import { createHash } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { findOffence } from '../../../domain/parking-ticket/offence-catalogue';
import { tryNormalizePlate } from '../../../adapters/vehicle-registry/vehicle-registry';
import type { RecordTicketSubmission } from '../../../forms/parking-ticket/record-ticket.form';
import {
  PARKING_TICKET_PROCEDURE, parkingTicketWorkflowId, registrationUpdate, type ParkingTicketInput, type TicketRegistration,
} from '../../../workflows/parking-ticket/shared';
import type { parkingTicketWorkflow } from '../../../workflows/parking-ticket/workflow';
import { validationFailed } from '../../http/validation';
import type { System } from '../../../system/system';
import { mapUpdateError } from '../temporal-errors';
import { recordedTicketOf } from './recorded-ticket';
import { findTicketOfWorkflow } from '../../../store/parking-ticket/ticket-store';
import { withDeadline } from '../../../temporal/deadline';
import { updateIdFor } from '../../../temporal/update-id';
import { caseAttributes } from '../../../workflows/search-attributes';

const FUTURE_TOLERANCE_MS = 5 * 60_000;
/**
 * Parking offences are Ordnungswidrigkeiten under § 24 StVG; their prosecution is time-barred
 * three months after the act as long as no Bußgeldbescheid has been issued (§ 26 Abs. 3 StVG).
 * A ticket older than that could not be prosecuted: it is refused instead of being recorded
 * and its letter queued.
 */
const PROSECUTION_LIMIT_MONTHS = 3;

/** The earliest offence time that can still be prosecuted at `now` (three calendar months back). */
export function earliestProsecutable(now: Date): Date {
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - PROSECUTION_LIMIT_MONTHS);
  return limit;
}

export interface RecordTicketCommand { submission: RecordTicketSubmission; idempotencyKey: string; recordedBy: string; form?: { id: string; version: number } }
export interface RecordedTicket extends TicketRegistration { noticeCardUrl: string; status: 'open' }

export async function recordTicket(system: System, command: RecordTicketCommand): Promise<RecordedTicket> {
  const { submission } = command;
  const offence = findOffence(submission.offenceCode);
  const plate = tryNormalizePlate(submission.plate);
  const observedAt = new Date(submission.observedAt);
  const fields = [];
  if (!offence) fields.push({ field: 'offenceCode', message: { de: 'Unbekannter Tatbestand.', en: 'Unknown offence.' } });
  if (!plate) fields.push({ field: 'plate', message: { de: 'Kein gültiges deutsches Kennzeichen (z. B. HA-AB 123).', en: 'Not a valid German plate (e.g. HA-AB 123).' } });
  const now = new Date();
  if (Number.isNaN(observedAt.getTime())) {
    fields.push({ field: 'observedAt', message: { de: 'Keine gültige Tatzeit.', en: 'Not a valid time of the offence.' } });
  } else if (observedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    fields.push({ field: 'observedAt', message: { de: 'Die Tatzeit liegt in der Zukunft.', en: 'The time lies in the future.' } });
  } else if (observedAt < earliestProsecutable(now)) {
    fields.push({ field: 'observedAt', message: {
      de: 'Die Tatzeit liegt mehr als drei Monate zurück: Der Verstoß ist verjährt (§ 26 Abs. 3 StVG).',
      en: 'The offence is more than three months ago: it is time-barred (§ 26 (3) StVG).',
    } });
  }
  if (fields.length > 0 || !offence || !plate) throw validationFailed(fields);

  const input: ParkingTicketInput = {
    requestFingerprint: '',
    offence: { code: offence.code, titleDe: offence.title.de, titleEn: offence.title.en, amountCents: offence.amountCents },
    plate,
    place: submission.place.trim(),
    observedAt: observedAt.toISOString(),
    recordedBy: command.recordedBy,
    ...(submission.note ? { note: submission.note } : {}),
    ...(command.form ? { form: command.form } : {}),
  };
  input.requestFingerprint = createHash('sha256')
    .update(JSON.stringify([input.offence.code, input.plate, input.place, input.observedAt, input.note ?? '']))
    .digest('hex');
  const keyHash = createHash('sha256').update(command.idempotencyKey).digest('hex').slice(0, 32);
  // A repeated request (a retry, a double click, a burst of them) whose ticket is registered is
  // answered from the read model, by _id reads, without an Update: Temporal allows only a few
  // Updates of one workflow in flight, and 1,000 of them at once kept it busy for a minute.
  if (await findTicketOfWorkflow(system.model, parkingTicketWorkflowId(keyHash))) {
    return recordedTicketOf(system, parkingTicketWorkflowId(keyHash), input.requestFingerprint);
  }

  // A start operation can be executed once: a call made again (Temporal busy with a burst of this key) gets a new one.
  const startWorkflowOperation = () => new WithStartWorkflowOperation<typeof parkingTicketWorkflow>('parkingTicketWorkflow', {
    workflowId: parkingTicketWorkflowId(keyHash),
    taskQueue: system.config.temporal.taskQueue,
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    typedSearchAttributes: caseAttributes(PARKING_TICKET_PROCEDURE),
  });
  // The same request again is the same Update (answered once, from its first result). The
  // fingerprint is part of its ID: the key reused with other data is another Update, which the
  // workflow's validator refuses (409 idempotency_key_reused) instead of it getting the first answer.
  const updateId = updateIdFor(command.idempotencyKey, 'ticket-registration', input.requestFingerprint)!;
  try {
    const registration = await withDeadline(system.temporal, () => system.temporal.workflow.executeUpdateWithStart(registrationUpdate, {
      args: [{ requestFingerprint: input.requestFingerprint }],
      updateId,
      startWorkflowOperation: startWorkflowOperation(),
    }));
    return {
      ...registration,
      noticeCardUrl: `/api/parking-tickets/${registration.ticketNumber}/notice-card.pdf`,
      status: 'open',
    };
  } catch (error) {
    // The run of this key has ended (paid, withdrawn, closed): answer as the first time did.
    if (isClosedRun(error)) return recordedTicketOf(system, parkingTicketWorkflowId(keyHash), input.requestFingerprint);
    throw mapUpdateError(error);
  }
}

function isClosedRun(error: unknown): boolean {
  if (error instanceof WorkflowExecutionAlreadyStartedError) return true;
  const cause = (error as { cause?: unknown })?.cause;
  return cause instanceof WorkflowExecutionAlreadyStartedError;
}
