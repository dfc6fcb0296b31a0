/**
 * The built-in form definitions, loaded at start. (Designer-published versions stored in
 * MongoDB come with the forms platform; a case keeps the version it was started with.)
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
