/**
 * The proceedings' side of the contract with the parking ticket (see ./shared.ts): the ticket
 * may settle the case at any time (paid, withdrawn); a notice is issued only after the ticket
 * cleared it, and the ticket learns the notice's amounts from the proceedings.
 */
import { condition, getExternalWorkflowHandle, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  noticeClearedSignal, noticeIssuedSignal, noticeRequestedSignal, ticketSettledSignal,
  type IssuedNotice, type NoticeKind, type SettledStatus,
} from './shared';

export interface TicketLink {
  /** 'paid' or 'withdrawn' once the ticket settled the case. */
  settled(): SettledStatus | undefined;
  /** Asks the ticket whether the notice may be issued: false when it was paid or withdrawn meanwhile. */
  mayIssueNotice(kind: NoticeKind): Promise<boolean>;
  /** Tells the ticket the notice is out: payments count against its total from now on. */
  noticeIssued(notice: IssuedNotice): Promise<void>;
}

export function linkToTicket(): TicketLink {
  let settled: SettledStatus | undefined;
  let cleared = false;
  setHandler(ticketSettledSignal, ({ status }) => { settled ??= status; });
  setHandler(noticeClearedSignal, () => { cleared = true; });
  const parent = workflowInfo().parent;
  if (!parent) throw new TypeError('the Bußgeldverfahren runs as a child of its parking ticket');
  const ticket = getExternalWorkflowHandle(parent.workflowId);
  return {
    settled: () => settled,
    async mayIssueNotice(kind) {
      await ticket.signal(noticeRequestedSignal, { kind });
      await condition(() => cleared || settled !== undefined);
      return cleared;
    },
    async noticeIssued(notice) {
      await ticket.signal(noticeIssuedSignal, notice);
    },
  };
}
