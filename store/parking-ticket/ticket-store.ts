/**
 * The parking-ticket read model (the `parking_tickets` documents, their payments and the
 * postal outbox). Every per-request read and write goes by `_id` (FerretDB v1 decodes every
 * document of a collection for any other filter): a ticket's `_id` is its ticket number, its
 * workflow ID and access-code hash are lookup keys (store/lookup-keys.ts) written after the
 * ticket, a payment's `_id` its payment ID, an outbox item's `_id` "<ticket>:<kind>".
 */
import type { ReadModel } from '../models';
import { lookUpKey, putLookupKey } from '../lookup-keys';
import { appendToCaseList, caseList } from '../case-lists';
import { entryOf, listIn, listKeys, moveBetween, numberedEntry, pageOfLists, staffListIndex, type ListEntry, type ListPage, type ListPageQuery } from '../staff-lists';
import { racingUpsert } from '../racing-upsert';

export type TicketRecord = NonNullable<Awaited<ReturnType<typeof findTicketByNumber>>>;

export async function findTicketByNumber(model: ReadModel, ticketNumber: string) {
  return model.tickets.findById(ticketNumber).lean();
}

/** The ticket a workflow registered (null: not yet, or not completely). */
export async function findTicketOfWorkflow(model: ReadModel, workflowId: string) {
  const ticketNumber = await lookUpKey(model.tickets.db, 'ticket-of-workflow', workflowId);
  return ticketNumber ? findTicketByNumber(model, ticketNumber) : null;
}

/**
 * Only what opening the portal needs: which ticket, the plate to compare, and what the code
 * opens — the card's ticket code `pay`, the letter's code `case`. Two `_id` reads.
 */
export async function findTicketByCodeHash(model: ReadModel, codeHash: string): Promise<{ ticketNumber: string; plate: string; scope: 'pay' | 'case' } | null> {
  const byCard = await lookUpKey(model.tickets.db, 'ticket-of-access-code', codeHash);
  const ticketNumber = byCard ?? await lookUpKey(model.tickets.db, 'ticket-of-letter-code', codeHash);
  if (!ticketNumber) return null;
  const ticket = await model.tickets.findById(ticketNumber, { ticketNumber: 1, plate: 1 }).lean<{ ticketNumber: string; plate: string }>();
  return ticket ? { ...ticket, scope: byCard ? 'pay' : 'case' } : null;
}

/** The old name (the bench reads by it). */
export const findTicketByAccessCodeHash = findTicketByCodeHash;

export interface NewTicket {
  ticketNumber: string; workflowId: string; reference: string; accessCodeHash: string; status: string;
  offence: unknown; plate: string; place: string; observedAt: Date; recordedBy?: string; requestFingerprint?: string;
  paymentDeadline: Date; formId?: string; formVersion?: number;
}

/**
 * Stores a ticket once (a retry with the same number changes nothing), then its lookup keys:
 * the card's code hash and the hearing letter's code hash (the letter code is not in the
 * ticket document; only its lookup key is).
 */
export async function insertTicket(model: ReadModel, ticket: NewTicket, letterCodeHash: string): Promise<void> {
  await racingUpsert(model.tickets, { _id: ticket.ticketNumber }, { $setOnInsert: ticket });
  await putLookupKey(model.tickets.db, 'ticket-of-access-code', ticket.accessCodeHash, ticket.ticketNumber);
  await putLookupKey(model.tickets.db, 'ticket-of-letter-code', letterCodeHash, ticket.ticketNumber);
  // Last: a workflow whose key exists has a complete ticket.
  await putLookupKey(model.tickets.db, 'ticket-of-workflow', ticket.workflowId, ticket.ticketNumber);
  // The staff's ticket lists, newest number first (a retry lists the same entry again; a status changed since is moved by updateTicket).
  await listIn(model.tickets.db, [listKeys.tickets(), listKeys.ticketsWithStatus(ticket.status)], numberedEntry(ticket.ticketNumber));
}

/** Sets fields of a ticket (status, deadlines, amounts paid, its notice card); a new status moves it between the staff's status lists. */
export async function updateTicket(model: ReadModel, ticketNumber: string, set: Record<string, unknown>): Promise<void> {
  const status = typeof set.status === 'string' ? set.status : undefined;
  const before = status ? await model.tickets.findById(ticketNumber, { status: 1 }).lean<{ status: string }>() : null;
  await model.tickets.updateOne({ _id: ticketNumber }, { $set: set });
  // Listed under the new status even when it did not change (a retry after a crash between the two writes).
  if (status && before) await moveBetween(model.tickets.db, [listKeys.ticketsWithStatus(before.status)], [listKeys.ticketsWithStatus(status)], numberedEntry(ticketNumber));
}

export type StoredTicket = NonNullable<Awaited<ReturnType<typeof findTicketByNumber>>>;

/** The newest tickets first, optionally of one status, a page at a time (store/staff-lists.ts: `_id` reads only). */
export async function ticketPage(model: ReadModel, filter: ListPageQuery & { status?: string }): Promise<ListPage<StoredTicket>> {
  const key = filter.status ? listKeys.ticketsWithStatus(filter.status) : listKeys.tickets();
  return pageOfLists<StoredTicket>(model.tickets.db, [key], filter, (ids) => Promise.all(ids.map((id) => findTicketByNumber(model, id))),
    (t) => !filter.status || t.status === filter.status);
}

export const LETTER_KINDS = ['warning_letter', 'fine_notice', 'cost_notice'] as const;
export type LetterKind = typeof LETTER_KINDS[number];

/** Queues a letter of the case for printing, once per case and kind. */
export async function queueLetter(model: ReadModel, letter: { caseNumber: string; kind: LetterKind; recipientName: string; recipientAddress: string; documentId: string }): Promise<void> {
  const key = `${letter.caseNumber}:${letter.kind}`;
  await racingUpsert(model.outbox, { _id: key }, { $setOnInsert: { key, ...letter, status: 'queued' } });
  const stored = await model.outbox.findById(key, { createdAt: 1 }).lean<{ createdAt: Date }>();
  if (stored) await listIn(model.outbox.db, [listKeys.outbox(LETTERS_PROCEDURE)], entryOf(key, stored.createdAt));
}

/** Whose letters these are: the outbox is listed per procedure (a department sees its procedures' letters). */
export const LETTERS_PROCEDURE = 'parking-ticket';

/** A settled case: its letters not yet posted must not go out. */
export async function cancelQueuedLetters(model: ReadModel, caseNumber: string): Promise<void> {
  await Promise.all(LETTER_KINDS.map((kind) => model.outbox.updateOne({ _id: `${caseNumber}:${kind}`, status: 'queued' }, { $set: { status: 'cancelled' } })));
}

export type StoredOutboxItem = NonNullable<Awaited<ReturnType<typeof findOutboxItem>>>;

/** The newest letters of the postal outbox first, of these procedures, a page at a time (`_id` reads only). */
export async function outboxPage(model: ReadModel, procedures: string[], q: ListPageQuery): Promise<ListPage<StoredOutboxItem>> {
  return pageOfLists<StoredOutboxItem>(model.outbox.db, procedures.map(listKeys.outbox), q, (ids) => Promise.all(ids.map((id) => findOutboxItem(model, id))));
}

/** One outbox item; null also for an id that cannot be one. */
export async function findOutboxItem(model: ReadModel, id: string) {
  return model.outbox.findById(id).lean().catch(() => null);
}

export async function ticketExists(model: ReadModel, ticketNumber: string): Promise<boolean> {
  return (await model.tickets.exists({ _id: ticketNumber })) !== null;
}

export interface BookedPayment { paymentId: string; caseType: string; caseNumber: string; amountCents: number; channel: string; bookedAt: Date }

/** Books a payment once (by payment ID) and lists it under its case; answers the case's total paid. */
export async function bookCasePayment(model: ReadModel, payment: BookedPayment): Promise<{ paidTotalCents: number }> {
  await racingUpsert(model.payments, { _id: payment.paymentId }, { $setOnInsert: payment });
  await appendToCaseList(model.payments.db, 'payments', `${payment.caseType}|${payment.caseNumber}`, payment.paymentId);
  const payments = await casePayments(model, payment.caseType, payment.caseNumber);
  return { paidTotalCents: payments.reduce((sum, p) => sum + p.amountCents, 0) };
}

export async function casePayments(model: ReadModel, caseType: string, caseNumber: string): Promise<BookedPayment[]> {
  const ids = await caseList(model.payments.db, 'payments', `${caseType}|${caseNumber}`);
  const found = await Promise.all(ids.map((id) => model.payments.findById(id).lean<BookedPayment>()));
  return found.filter((p): p is BookedPayment => p !== null && p.caseNumber === caseNumber && p.caseType === caseType);
}

export async function findPayment(model: ReadModel, paymentId: string) {
  return model.payments.findById(paymentId).lean<BookedPayment>();
}

/**
 * Bulk-loads recorded tickets with everything recording them writes besides the PDF: the
 * ticket, its lookup keys, its serial-number claim, and its first audit event listed under
 * the case (for benchmarks on a filled database and for imports). Inserts only: existing
 * keys fail the batch.
 */
export async function importRecordedTickets(model: ReadModel, tickets: Array<NewTicket & { serial: number; sequence: string }>): Promise<void> {
  const conn = model.tickets.db;
  const ordered = { ordered: false } as const;
  await model.tickets.insertMany(tickets.map(({ serial: _s, sequence: _q, ...t }) => ({ _id: t.ticketNumber, ...t })), ordered);
  await model.serialClaims.insertMany(tickets.map((t) => ({ _id: `${t.sequence}:${t.serial}`, sequence: t.sequence, value: t.serial, owner: t.workflowId })), ordered);
  const keys = conn.collection('lookup_keys');
  await keys.insertMany(tickets.flatMap((t) => [
    { _id: `serial-of-owner:${t.sequence}@${t.workflowId}`, ref: String(t.serial) },
    { _id: `ticket-of-access-code:${t.accessCodeHash}`, ref: t.ticketNumber },
    { _id: `ticket-of-workflow:${t.workflowId}`, ref: t.ticketNumber },
  ]) as never[], ordered);
  const now = new Date();
  await model.audit.insertMany(tickets.map((t) => ({ _id: `${t.workflowId}:ticket.recorded`, key: `${t.workflowId}:ticket.recorded`, at: now, actor: t.recordedBy ?? 'import',
    action: 'parking-ticket.recorded', caseType: 'parking-ticket', caseNumber: t.ticketNumber, workflowId: t.workflowId })), ordered);
  const lists = conn.collection('case_lists');
  await lists.insertMany(tickets.flatMap((t) => [
    { _id: `audit|${t.ticketNumber}|1`, ref: `${t.workflowId}:ticket.recorded` },
    { _id: `audit|${t.ticketNumber}|head`, head: 1 },
  ]) as never[], ordered);
  const heads = new Map<string, number>();
  for (const t of tickets) heads.set(t.sequence, Math.max(heads.get(t.sequence) ?? 0, t.serial));
  for (const [sequence, head] of heads) {
    await racingUpsert(lists, { _id: `serial-head|${sequence}` as never }, { $max: { head } });
  }
  // The staff's ticket lists, in one pass per list.
  const index = staffListIndex(conn);
  await index.putMany(listKeys.tickets(), tickets.map((t) => numberedEntry(t.ticketNumber)));
  for (const status of new Set(tickets.map((t) => t.status))) {
    await index.putMany(listKeys.ticketsWithStatus(status), tickets.filter((t) => t.status === status).map((t) => numberedEntry(t.ticketNumber)));
  }
}

/** Builds the staff's ticket and outbox lists from the stored documents (once, for data written before them; a scan). */
export async function ticketListsFromScratch(model: ReadModel, putMany: (key: string, entries: ListEntry[]) => Promise<void>): Promise<void> {
  const byKey = new Map<string, ListEntry[]>();
  const add = (key: string, entry: ListEntry) => (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(entry);
  for await (const t of model.tickets.find({}, { status: 1 }).lean().cursor() as AsyncIterable<{ _id: string; status: string }>) {
    const entry = numberedEntry(t._id);
    add(listKeys.tickets(), entry);
    add(listKeys.ticketsWithStatus(t.status), entry);
  }
  for await (const o of model.outbox.find({}, { createdAt: 1 }).lean().cursor() as AsyncIterable<{ _id: string; createdAt: Date }>) {
    add(listKeys.outbox(LETTERS_PROCEDURE), entryOf(o._id, o.createdAt));
  }
  for (const [key, entries] of byKey) await putMany(key, entries);
}
