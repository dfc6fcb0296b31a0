/** Multi-step forms ("ui:steps" + step titles), the audience and the Hundesteuer contracts, checked before publishing. */
import { describe, expect, it } from 'vitest';
import { checkFormDefinition } from '../../forms/contracts';
import { listForms } from '../../forms/registry';
import { registerDogForm } from '../../forms/dog-tax/register-dog.form';
import { exemptionForm } from '../../forms/dog-tax/exemption.form';
import type { FormDefinition } from '../../forms/form-definition';

const fields = (problems: { field: string }[]) => problems.map((p) => p.field);
const withSteps = (steps: unknown, form: FormDefinition = registerDogForm): FormDefinition => ({ ...form, uiSchema: { ...form.uiSchema, 'ui:steps': steps } });

describe('multi-step forms', () => {
  it('when the built-in forms are checked, then all four are publishable and only the warden form is for staff', () => {
    for (const form of listForms()) expect(checkFormDefinition(form), form.id).toEqual([]);
    expect(listForms().filter((f) => f.audience === 'staff').map((f) => f.id)).toEqual(['record-parking-ticket']);
  });

  it('when a step names an unknown field, repeats a field or an id, or a field is in no step, then each is named', () => {
    const problems = checkFormDefinition(withSteps([
      { id: 'holder', fields: ['holder', 'nope'] }, { id: 'dog', fields: ['dog', 'holder', 'keepingStart', 'keptSince', 'previousMunicipality'] },
      { id: 'dog', fields: [] },
    ]));
    expect(problems.map((p) => p.message.en)).toEqual(expect.arrayContaining([
      'The field "nope" is not in the schema.', '"holder" is already in step "holder".', 'The step id "dog" occurs twice.', 'The field "evidenceIds" is in no step.',
    ]));
  });

  it('when ui:steps is no list, a step has no id, or a step title is missing, then that is the problem', () => {
    expect(fields(checkFormDefinition(withSteps({ holder: ['holder'] })))).toEqual(['uiSchema/ui:steps']);
    expect(fields(checkFormDefinition(withSteps([{ fields: ['holder'] }])))).toContain('uiSchema/ui:steps/0');
    const untitled = { ...registerDogForm, texts: { ...registerDogForm.texts, en: { ...registerDogForm.texts.en, steps: { holder: 'Owner' } } } };
    expect(fields(checkFormDefinition(untitled))).toEqual(['texts/en/steps/dog', 'texts/en/steps/evidence', 'texts/en/steps/review']);
  });

  it('when the audience is neither citizen nor staff, then publishing is refused', () => {
    expect(fields(checkFormDefinition({ ...registerDogForm, audience: 'everyone' as never }))).toEqual(['audience']);
  });

  it('when an exemption form drops the evidence or makes the e-mail optional, then the contract refuses it', () => {
    const { evidenceIds: _, ...rest } = exemptionForm.schema.properties as Record<string, unknown>;
    const noEvidence = { ...exemptionForm, schema: { ...exemptionForm.schema, properties: rest, required: ['tagNumber', 'holder', 'ground'] } };
    expect(fields(checkFormDefinition(noEvidence))).toContain('schema/properties/evidenceIds');
    const holder = (exemptionForm.schema.properties as Record<string, { required: string[] }>).holder!;
    const optionalMail = { ...exemptionForm, schema: { ...exemptionForm.schema, properties: { ...exemptionForm.schema.properties as object,
      holder: { ...holder, required: holder.required.filter((r) => r !== 'email') } } } };
    expect(fields(checkFormDefinition(optionalMail))).toEqual(['schema/properties/holder/properties/email']);
  });
});
