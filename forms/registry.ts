/**
 * The built-in form definitions: at start each becomes version 1 of its form in the form
 * registry (`forms/registry/form-registry.ts`), which serves every version designers publish.
 */
import type { FormDefinition } from './form-definition';
import { recordTicketForm } from './parking-ticket/record-ticket.form';
import { registerDogForm } from './dog-tax/register-dog.form';
import { deregisterDogForm } from './dog-tax/deregister-dog.form';
import { exemptionForm } from './dog-tax/exemption.form';
import { hearingAnswerForm } from './fine-proceedings/hearing-answer.form';

const builtIn: FormDefinition[] = [recordTicketForm, registerDogForm, deregisterDogForm, exemptionForm, hearingAnswerForm];

export function findForm(id: string): FormDefinition | undefined {
  return builtIn.find((f) => f.id === id);
}

export function listForms(): FormDefinition[] {
  return [...builtIn];
}
