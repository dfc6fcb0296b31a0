/**
 * Fills the database with recorded tickets before a benchmark measures (`--prefill N`): the
 * tickets, their lookup keys, serial-number claims and audit events, through the store's
 * bulk import (store/parking-ticket/ticket-store.ts), in batches. Numbers come from a sequence
 * of their own year (2019) so the measured recordings start where a real year would.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { ReadModel } from '../store/models';
import { importRecordedTickets } from '../store/parking-ticket/ticket-store';
import { createRfReference } from '../domain/rf-reference';

export async function prefillTickets(model: ReadModel, total: number, log: (line: string) => void = console.log): Promise<void> {
  const batch = 500;
  const started = performance.now();
  const year = 2019;
  const sequence = `parking-ticket-${year}`;
  for (let from = 0; from < total; from += batch) {
    const tickets = Array.from({ length: Math.min(batch, total - from) }, (_, i) => {
      const serial = from + i + 1;
      const observedAt = new Date(Date.UTC(year, 0, 1) + serial * 60_000);
      return {
        serial, sequence, ticketNumber: `VG-${year}-${String(serial).padStart(6, '0')}`, workflowId: `parking-ticket-prefill-${randomUUID()}`,
        reference: createRfReference(`${year}${String(serial).padStart(6, '0')}`), accessCodeHash: createHash('sha256').update(randomUUID()).digest('hex'),
        status: serial % 3 === 0 ? 'paid' : 'open', offence: { code: '141312', titleDe: 'Parken im Halteverbot', titleEn: 'Parking in a no-stopping zone', amountCents: 2500 },
        plate: `HA-PF ${serial % 10_000}`, place: 'Vorbefüllstraße 1, Hagen', observedAt, recordedBy: 'bench-prefill',
        paymentDeadline: new Date(observedAt.getTime() + 7 * 86_400_000), formId: 'record-parking-ticket', formVersion: 1,
      };
    });
    await importRecordedTickets(model, tickets);
    if ((from / batch) % 10 === 0) log(`prefill: ${from + tickets.length} of ${total} tickets (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  log(`prefill: ${total} tickets in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
