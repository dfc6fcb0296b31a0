/** Maps Temporal failures of update calls to the API's errors (422/409), never leaking internals. */
import { WorkflowUpdateFailedError, WorkflowNotFoundError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { AppError } from '../http/app-error';
import { ERROR_TYPES } from '../../workflows/parking-ticket/shared';
import { FINE_ERRORS } from '../../workflows/fine-proceedings/shared';

export const hearingNotOpen = () => new AppError('conflict', { de: 'Die Anhörung ist nicht (mehr) offen.', en: 'The hearing is not open (any more).' });

export function mapUpdateError(error: unknown): unknown {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    switch (error.cause.type) {
      case ERROR_TYPES.idempotencyKeyReused:
        return new AppError('idempotency_key_reused', {
          de: 'Dieser Idempotency-Key wurde bereits für eine andere Verwarnung verwendet.',
          en: 'This Idempotency-Key was already used for a different ticket.',
        });
      case ERROR_TYPES.ticketClosed:
        return new AppError('ticket_closed', { de: 'Die Verwarnung ist bereits abgeschlossen.', en: 'The ticket is already closed.' });
      case ERROR_TYPES.withdrawalPending:
        return new AppError('conflict', { de: 'Über einen Antrag auf Rücknahme wird bereits entschieden.', en: 'A withdrawal request is already being decided.' });
      case FINE_ERRORS.hearingNotOpen:
        return hearingNotOpen();
      case FINE_ERRORS.hearingAnswered:
        return new AppError('already_decided', { de: 'Die Anhörung wurde bereits beantwortet.', en: 'The hearing has already been answered.' });
      case ERROR_TYPES.invalidWithdrawal:
        return new AppError('rejected', { de: 'Bitte geben Sie einen Grund an.', en: 'Please give a reason.' }, {
          fields: [{ field: 'reason', message: { de: 'Bitte einen Grund angeben (mindestens 3 Zeichen).', en: 'Please give a reason (at least 3 characters).' } }],
        });
    }
  }
  if (error instanceof WorkflowNotFoundError) {
    return new AppError('ticket_closed', { de: 'Die Verwarnung ist bereits abgeschlossen.', en: 'The ticket is already closed.' });
  }
  return error;
}
