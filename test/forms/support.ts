/** A registry on its own FerretDB database, and drafts derived from the built-in ticket form. */
import mongoose, { type Connection } from 'mongoose';
import { FormRegistry } from '../../forms/registry/form-registry';
import type { FormContent } from '../../forms/registry/form-version';
import { recordTicketForm } from '../../forms/parking-ticket/record-ticket.form';
import { testMongoUri } from '../support/env';

export async function freshRegistry(dbName: string): Promise<{ conn: Connection; registry: FormRegistry }> {
  const conn = await mongoose.createConnection(testMongoUri(dbName)).asPromise();
  await conn.dropDatabase();
  return { conn, registry: new FormRegistry(conn) };
}

type Json = Record<string, any>;

/** The ticket form (a deep copy) with `change` applied to its schema, uiSchema and texts. */
export function ticketDraft(change: (d: { schema: Json; uiSchema: Json; texts: Json }) => void = () => {}): FormContent {
  const d = structuredClone({ procedure: recordTicketForm.procedure, action: recordTicketForm.action, audience: recordTicketForm.audience, schema: recordTicketForm.schema, uiSchema: recordTicketForm.uiSchema, texts: recordTicketForm.texts }) as FormContent & { schema: Json; uiSchema: Json; texts: Json };
  change(d);
  return d;
}

/** Version 2 as a designer would make it: an optional vehicle make, with texts in both languages. */
export const withVehicleMake = (d: { schema: Json; uiSchema: Json; texts: Json }) => {
  d.schema.properties.vehicleMake = { type: 'string', title: 'Fahrzeugmarke', maxLength: 40 };
  d.uiSchema['ui:order'] = [...d.uiSchema['ui:order'], 'vehicleMake'];
  d.texts.de.fields.vehicleMake = { title: 'Fahrzeugmarke' };
  d.texts.en.fields.vehicleMake = { title: 'Vehicle make' };
};
