/**
 * The traffic department decides on a withdrawal request (wrong plate, valid permit shown):
 * withdraw or keep, each with its reason. Pure: built inside the workflow.
 */
import type { TaskSpec } from '../tasks/shared';
import { WITHDRAWAL_TASK_TYPE, type ParkingTicketInput, type WithdrawalRequest } from './shared';

export const WITHDRAWAL_DUE_DAYS = 7;

export function withdrawalTask(args: { n: number; ticketNumber: string; input: ParkingTicketInput; request: WithdrawalRequest; status: string; dueAt: string }): TaskSpec {
  const { input, request } = args;
  return {
    key: `withdrawal-${args.n}`,
    type: WITHDRAWAL_TASK_TYPE,
    department: 'traffic',
    procedure: 'parking-ticket',
    caseNumber: args.ticketNumber,
    title: request.source === 'citizen'
      ? { de: `Einwand gegen Verwarnung ${args.ticketNumber}`, en: `Objection to ticket ${args.ticketNumber}` }
      : { de: `Verwarnung ${args.ticketNumber} zurücknehmen?`, en: `Withdraw ticket ${args.ticketNumber}?` },
    decisionSchema: {
      type: 'object',
      required: ['outcome', 'reason'],
      additionalProperties: false,
      properties: {
        outcome: { type: 'string', enum: ['withdraw', 'keep'], title: 'Entscheidung' },
        reason: { type: 'string', minLength: 3, maxLength: 500, pattern: '\\S', title: 'Begründung' },
      },
    },
    decisionUiSchema: { outcome: { 'ui:widget': 'radio' }, reason: { 'ui:widget': 'textarea' } },
    outcomes: {
      withdraw: { required: ['reason'], label: { de: 'Zurücknehmen', en: 'Withdraw' } },
      keep: { required: ['reason'], label: { de: 'Aufrechterhalten', en: 'Keep' } },
    },
    dueAt: args.dueAt,
    caseData: {
      offence: { code: input.offence.code, title: { de: input.offence.titleDe, en: input.offence.titleEn }, amountCents: input.offence.amountCents },
      plate: input.plate, place: input.place, observedAt: input.observedAt, ...(input.note ? { wardenNote: input.note } : {}),
      status: args.status,
      request: { source: request.source, reason: request.reason, by: request.source === 'citizen' ? 'citizen' : request.by },
    },
  };
}
