import { describe, expect, it } from 'vitest';
import { registerDogForm } from '../../forms/dog-tax/register-dog.form';
import { deregisterDogForm } from '../../forms/dog-tax/deregister-dog.form';
import { exemptionForm } from '../../forms/dog-tax/exemption.form';
import { validateInput } from '../../server/http/validation';
import { AppError } from '../../server/http/app-error';

const holder = { familyName: 'Mustermann', givenName: 'Erika', birthDate: '1964-08-12', street: 'Elberfelder Straße 12', postalCode: '58095', email: 'erika@example.org' };
const registration = { holder, dog: { name: 'Bello', breed: 'Labrador', sex: 'male' }, keepingStart: 'acquired', keptSince: '2026-03-14' };
const deregistration = { tagNumber: 'HSM-2026-0001', holder, reason: 'died', endedOn: '2026-06-12' };

function fieldsOf(schema: Record<string, unknown>, data: unknown): string[] {
  try {
    validateInput(schema, data);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).extra.fields!.map((f) => f.field).sort();
  }
  return [];
}

describe('the three Hundesteuer forms (validated as the API does)', () => {
  it('when a registration is valid, then every field survives validation', () => {
    const withAll = { ...registration, dog: { ...registration.dog, chipNumber: '276098100123456' }, evidenceIds: ['att-1'] };
    expect(validateInput(registerDogForm.schema, withAll)).toEqual(withAll);
  });

  it('when a field is unknown, at the top or inside a group, then it is refused by its path', () => {
    expect(fieldsOf(registerDogForm.schema, { ...registration, isAdmin: true, holder: { ...holder, emial: 'x@example.org' } })).toEqual(['holder/emial', 'isAdmin']);
  });

  it('when fields are malformed, then each error names its field', () => {
    expect(fieldsOf(registerDogForm.schema, {
      ...registration, holder: { ...holder, postalCode: '5809', email: 'no-mail', birthDate: '12.08.1964' }, dog: { ...registration.dog, chipNumber: '12' },
    })).toEqual(['dog/chipNumber', 'holder/birthDate', 'holder/email', 'holder/postalCode']);
  });

  it('when the holder moved to Hagen, then the previous municipality is required', () => {
    expect(fieldsOf(registerDogForm.schema, { ...registration, keepingStart: 'moved_in' })).toContain('previousMunicipality');
    expect(fieldsOf(registerDogForm.schema, { ...registration, keepingStart: 'moved_in', previousMunicipality: 'Dortmund' })).toEqual([]);
  });

  it('when the reason is moving away or giving away, then the new address or new owner is required; a death needs neither', () => {
    expect(fieldsOf(deregisterDogForm.schema, deregistration)).toEqual([]);
    expect(fieldsOf(deregisterDogForm.schema, { ...deregistration, reason: 'moved_away' })).toContain('newAddress');
    expect(fieldsOf(deregisterDogForm.schema, { ...deregistration, reason: 'given_away' })).toContain('newOwner');
    const moved = { ...deregistration, reason: 'moved_away', newAddress: { street: 'Rue X 1', postalCode: '1000', city: 'Bruxelles' } };
    expect(validateInput(deregisterDogForm.schema, moved)).toEqual(moved);
  });

  it('when a refund IBAN is given, then it must look like an IBAN and name the account holder', () => {
    // server/http/validation.ts reports a `dependencies` failure on "(body)" (it maps only `required` to the field).
    expect(fieldsOf(deregisterDogForm.schema, { ...deregistration, refundIban: 'DE89 3704 0044 0532 0130 00' })).not.toEqual([]);
    expect(fieldsOf(deregisterDogForm.schema, { ...deregistration, refundIban: 'DE89 3704 0044 0532 0130 00', refundAccountHolder: 'E. M.' })).toEqual([]);
    expect(fieldsOf(deregisterDogForm.schema, { ...deregistration, refundIban: '1234', refundAccountHolder: 'E. M.' })).toEqual(['refundIban']);
  });

  it('when an exemption is applied for, then evidence is required and "other" needs an explanation', () => {
    const application = { tagNumber: 'HSM-2026-0001', holder, ground: 'social_benefits', evidenceIds: ['att-1'] };
    expect(fieldsOf(exemptionForm.schema, application)).toEqual([]);
    expect(fieldsOf(exemptionForm.schema, { ...application, evidenceIds: [] })).toEqual(['evidenceIds']);
    // The failed `if`/`then` adds a "(body)" entry besides the named field (server/http/validation.ts).
    expect(fieldsOf(exemptionForm.schema, { ...application, ground: 'other' })).toContain('explanation');
  });

  it('has German and English texts for every top-level field', () => {
    for (const form of [registerDogForm, deregisterDogForm, exemptionForm]) {
      for (const key of Object.keys(form.schema.properties as object)) {
        expect(form.texts.de.fields[key], `${form.id} de ${key}`).toBeDefined();
        expect(form.texts.en.fields[key], `${form.id} en ${key}`).toBeDefined();
      }
    }
  });
});
