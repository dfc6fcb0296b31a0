/** Submissions are validated against exactly the version the form was rendered from. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from 'mongoose';
import type { FormRegistry } from '../../forms/registry/form-registry';
import { validateSubmission } from '../../forms/registry/validate-submission';
import { recordTicketForm } from '../../forms/parking-ticket/record-ticket.form';
import { AppError } from '../../server/http/app-error';
import { freshRegistry, ticketDraft, withVehicleMake } from './support';

const FORM = recordTicketForm.id;
let conn: Connection;
let registry: FormRegistry;
const ticket = { offenceCode: '112454', plate: 'HA-AB 123', place: 'Elberfelder Straße 12', observedAt: '2026-03-01T10:00:00Z' };

beforeAll(async () => {
  ({ conn, registry } = await freshRegistry('forms_validate_submission'));
  await registry.seedBuiltIns([recordTicketForm]);
  await registry.publish(FORM, ticketDraft(withVehicleMake), { by: 'designer' });
});
afterAll(async () => {
  await conn?.close();
});

const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: AppError) => e);

describe('validateSubmission', () => {
  it('when rendered from v1, then a field only v2 knows is refused by its name; from v2 (or no version: the newest), it is kept', async () => {
    const data = { ...ticket, vehicleMake: 'VW' };
    const fromV1 = await failure(validateSubmission(registry, FORM, 1, data));
    expect(fromV1.status).toBe(422);
    expect(fromV1.extra.fields).toEqual([{ field: 'vehicleMake', message: { de: 'Unbekanntes Feld – hier nicht vorgesehen.', en: 'Unknown field – not accepted here.' } }]);
    const v2 = await validateSubmission(registry, FORM, 2, data);
    expect(v2.data).toEqual(data);
    expect(v2.form.version).toBe(2);
    expect((await validateSubmission(registry, FORM, undefined, data)).form.version).toBe(2);
    // A field no version knows is refused by every version.
    expect((await failure(validateSubmission(registry, FORM, 2, { ...data, junk: 1 }))).extra.fields!.map((f) => f.field)).toEqual(['junk']);
  });

  it('when a value breaks only v2\'s rule for its new field, then v2 answers 422 for that field (v1 names it unknown)', async () => {
    const data = { ...ticket, vehicleMake: 'x'.repeat(41) };
    const error = await failure(validateSubmission(registry, FORM, 2, data));
    expect(error.status).toBe(422);
    expect(error.extra.fields!.map((f) => f.field)).toEqual(['vehicleMake']);
    expect(error.extra.fields![0]!.message.en).toBe('At most 40 characters.');
    expect((await validateSubmission(registry, FORM, 1, ticket)).data).toEqual(ticket);
  });

  it('when the form or the version does not exist, then 404', async () => {
    expect((await failure(validateSubmission(registry, FORM, 9, ticket))).status).toBe(404);
    expect((await failure(validateSubmission(registry, 'no-such-form', undefined, ticket))).status).toBe(404);
  });

  it('when one version is validated many times, then its schema object (and so its compiled validator) is the same', async () => {
    const a = await validateSubmission(registry, FORM, 2, ticket);
    const b = await validateSubmission(registry, FORM, undefined, ticket);
    expect(a.form.schema).toBe(b.form.schema);
  });
});
