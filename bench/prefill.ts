/**
 * Fills the database with recorded tickets before a benchmark measures: the tickets, their
 * lookup keys, serial-number claims and first audit events, in the shapes recording writes
 * them, through the store's bulk import (store/parking-ticket/ticket-store.ts), in batches —
 * no workflows (a stored case's workflow is idle on a timer; it costs Temporal nothing per
 * request). Numbers come from a sequence of their own year (2019), so the measured recordings
 * start where a real year would. `from`/`to` let a run fill up in steps (1k, then 10k …).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { ReadModel } from '../store/models';
import { importRecordedTickets } from '../store/parking-ticket/ticket-store';
import { createRfReference } from '../domain/rf-reference';

export const PREFILL_YEAR = 2019;

export async function prefillTickets(model: ReadModel, to: number, opts: { from?: number; log?: (line: string) => void } = {}): Promise<number> {
  const log = opts.log ?? console.log;
  const from0 = opts.from ?? 0;
  const batch = 1000;
  const started = performance.now();
  const year = PREFILL_YEAR;
  const sequence = `parking-ticket-${year}`;
  for (let from = from0; from < to; from += batch) {
    const tickets = Array.from({ length: Math.min(batch, to - from) }, (_, i) => {
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
    if (((from - from0) / batch) % 10 === 9) log(`prefill: ${from + tickets.length} of ${to} tickets (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  const seconds = (performance.now() - started) / 1000;
  log(`prefill: ${from0} → ${to} tickets in ${seconds.toFixed(0)} s`);
  return seconds;
}
