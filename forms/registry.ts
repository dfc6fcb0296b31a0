/**
 * The built-in form definitions: at start each becomes version 1 of its form in the form
 * registry (`forms/registry/form-registry.ts`), which serves every version designers publish.
 */
import type { FormDefinition } from './form-definition';
import { recordTicketForm } from './parking-ticket/record-ticket.form';

const builtIn: FormDefinition[] = [recordTicketForm];

export function findForm(id: string): FormDefinition | undefined {
  return builtIn.find((f) => f.id === id);
}

export function listForms(): FormDefinition[] {
  return [...builtIn];
}
