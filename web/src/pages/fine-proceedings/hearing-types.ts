import type { CitizenTicketView } from '../../api-types.js';
import type { CaseStatus } from '../forms/case-status-badge.js';

type LocalText = { de: string; en: string };

/** GET /api/parking-tickets/current with the Bußgeldverfahren's parts (server/use-cases/parking-ticket/citizen-ticket-view.ts). */
export type HearingTicketView = Omit<CitizenTicketView, 'status'> & {
  status: CaseStatus;
  /** The Verwarnungsgeld, or the total of an issued notice. */
  amountDueCents: number;
  accusation: { text?: string; legalBasis?: string; evidence: LocalText };
  hearing: { open: boolean; answered: boolean; deadline?: string; answeredAt?: string };
  notice?: {
    kind: 'fine_notice' | 'cost_notice';
    fineCents: number; feeCents: number; postageCents: number; totalCents: number;
    deadline: string; issuedAt: string; documentUrl: string;
  };
};
