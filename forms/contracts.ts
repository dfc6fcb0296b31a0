/**
 * Each procedure's input contract: the fields its use-case reads from a submission to start the
 * workflow (or to signal/update a running case). A designer may change a form freely — texts,
 * layout, extra optional fields, stricter limits — but never so that a contract field is
 * missing, optional or of another type; `checkFormDefinition` refuses such a version.
 */
import { ajv } from '../domain/json-schema';
import type { FormDefinition } from './form-definition';
import type { RecordTicketSubmission } from './parking-ticket/record-ticket.form';
import type { FormContent, FormProblem, LocalText } from './registry/form-version';
import { dogTaxContracts } from './dog-tax/contract';
import { fineHearingContract } from './fine-proceedings/contract';
import { checkSteps } from './check-steps';

export { diffForms, type FormChange } from './diff-forms';

export interface ContractField { type: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array'; format?: string; optional?: boolean }
export interface InputContract {
  procedure: string;
  action: FormDefinition['action'];
  /** Field names are JSON-pointer-like paths into the submission ("owner/address/postcode"). */
  fields: Record<string, ContractField>;
}

/** Every path of a submission type as a contract names it: "holder", "holder/email". */
export type FieldPath<T> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends readonly unknown[] ? K
    : NonNullable<T[K]> extends object ? K | `${K}/${FieldPath<NonNullable<T[K]>>}` : K
}[keyof T & string];

// Typed against the submission type, so a new field the use-case reads cannot miss its contract entry.
const parkingTicketFields = {
  offenceCode: { type: 'string' },
  plate: { type: 'string' },
  place: { type: 'string' },
  observedAt: { type: 'string', format: 'date-time' },
  note: { type: 'string', optional: true },
} satisfies Record<keyof RecordTicketSubmission, ContractField>;

export const inputContracts: InputContract[] = [
  { procedure: 'parking-ticket', action: { kind: 'start', name: 'parkingTicketWorkflow' }, fields: parkingTicketFields },
  ...dogTaxContracts,
  fineHearingContract,
];

export const findContract = (procedure: unknown, action: unknown): InputContract | undefined => {
  const a = action as FormDefinition['action'] | undefined;
  return inputContracts.find((c) => c.procedure === procedure && c.action.kind === a?.kind && c.action.name === a?.name);
};

// The dialect of every form: draft-07, what react-jsonschema-form validates with by default.
const DRAFT_07 = 'http://json-schema.org/draft-07/schema';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const problem = (field: string, de: string, en: string): FormProblem => ({ field, message: { de, en } });

function checkSchema(schema: unknown): FormProblem[] {
  if (!isObject(schema)) return [problem('schema', 'Das Schema muss ein Objekt sein.', 'The schema must be an object.')];
  const dialect = schema.$schema;
  if (dialect !== undefined && String(dialect).replace(/#$/, '') !== DRAFT_07) {
    return [problem('schema/$schema', 'Nur JSON Schema draft-07 wird unterstützt.', 'Only JSON Schema draft-07 is supported.')];
  }
  // $id would make two versions of one form collide in the validator cache; the registry names forms.
  if ('$id' in schema) return [problem('schema/$id', '$id ist nicht erlaubt: Formulare werden über ihre Kennung benannt.', '$id is not allowed: forms are named by their id.')];
  if (!ajv.validateSchema(schema)) {
    const seen = new Map<string, FormProblem>();
    for (const e of ajv.errors ?? []) {
      const field = `schema${e.instancePath}`;
      if (!seen.has(field)) seen.set(field, problem(field, `Kein gültiges JSON Schema (draft-07): ${e.message}`, `Not a valid JSON Schema (draft-07): ${e.message}`));
    }
    return [...seen.values()];
  }
  try {
    ajv.compile(schema);
  } catch (error) {
    return [problem('schema', `Das Schema lässt sich nicht übersetzen: ${(error as Error).message}`, `The schema cannot be compiled: ${(error as Error).message}`)];
  } finally {
    ajv.removeSchema(schema); // checks of drafts must not fill the cache
  }
  if (schema.type !== 'object' || !isObject(schema.properties)) {
    return [problem('schema/type', 'Ein Formular-Schema muss ein Objekt mit properties sein.', 'A form schema must be an object with properties.')];
  }
  return [];
}

function checkContract(def: Partial<FormContent>, schema: Json): FormProblem[] {
  const contract = findContract(def.procedure, def.action);
  if (!contract) {
    return [problem('procedure', `Für Verfahren „${def.procedure}“ mit dieser Aktion ist kein Eingabevertrag hinterlegt.`, `No input contract for procedure "${def.procedure}" with this action.`)];
  }
  const problems: FormProblem[] = [];
  for (const [name, want] of Object.entries(contract.fields)) {
    let node: unknown = schema;
    let required = true;
    const path = name.split('/');
    for (const [i, key] of path.entries()) {
      const parent = node as Json;
      required &&= Array.isArray(parent.required) && parent.required.includes(key);
      node = isObject(parent.properties) ? parent.properties[key] : undefined;
      if (!isObject(node) && i < path.length - 1) break;
    }
    const where = `schema/properties/${path.join('/properties/')}`;
    const kind = `${want.type}${want.format ? `, ${want.format}` : ''}`;
    if (!isObject(node)) {
      if (!want.optional) problems.push(problem(where, `Das Verfahren braucht das Feld „${name}“ (${kind}).`, `The procedure needs the field "${name}" (${kind}).`));
      continue;
    }
    if (!want.optional && !required) problems.push(problem(where, `„${name}“ muss ein Pflichtfeld sein.`, `"${name}" must be required.`));
    const typeOk = node.type === want.type || (want.type === 'number' && node.type === 'integer');
    if (!typeOk) problems.push(problem(`${where}/type`, `„${name}“ muss vom Typ ${want.type} sein.`, `"${name}" must be of type ${want.type}.`));
    if (want.format && node.format !== want.format) problems.push(problem(`${where}/format`, `„${name}“ braucht das Format ${want.format}.`, `"${name}" needs the format ${want.format}.`));
  }
  return problems;
}

function checkTexts(texts: unknown, properties: Json): FormProblem[] {
  const problems: FormProblem[] = [];
  for (const lang of ['de', 'en'] as const) {
    const t = isObject(texts) ? texts[lang] : undefined;
    const name: LocalText = lang === 'de' ? { de: 'Deutsch', en: 'German' } : { de: 'Englisch', en: 'English' };
    if (!isObject(t)) {
      problems.push(problem(`texts/${lang}`, `Die Texte auf ${name.de} fehlen.`, `The ${name.en} texts are missing.`));
      continue;
    }
    for (const key of ['title', 'submit']) {
      if (typeof t[key] !== 'string' || !t[key]) problems.push(problem(`texts/${lang}/${key}`, `Text fehlt (${name.de}).`, `Text missing (${name.en}).`));
    }
    const fields = isObject(t.fields) ? t.fields : {};
    for (const prop of Object.keys(properties)) {
      const f = fields[prop];
      if (!isObject(f) || typeof f.title !== 'string' || !f.title) problems.push(problem(`texts/${lang}/fields/${prop}`, `Feldtitel fehlt (${name.de}).`, `Field title missing (${name.en}).`));
    }
  }
  return problems;
}

/**
 * Everything that keeps a definition from being published; empty when it may be. With
 * `published`, a new version must also keep the procedure and action of the form.
 */
export function checkFormDefinition(def: Partial<FormContent>, published?: FormContent): FormProblem[] {
  const problems = checkSchema(def.schema);
  const schema = def.schema as Json;
  if (problems.length === 0) problems.push(...checkContract(def, schema));
  if (published && (def.procedure !== published.procedure || JSON.stringify(def.action) !== JSON.stringify(published.action))) {
    problems.push(problem('procedure', 'Verfahren und Aktion eines Formulars bleiben über alle Versionen gleich.', 'A form keeps its procedure and action across versions.'));
  }
  if (def.audience !== undefined && def.audience !== 'citizen' && def.audience !== 'staff') {
    problems.push(problem('audience', 'audience ist „citizen“ oder „staff“.', 'audience is "citizen" or "staff".'));
  }
  if (!isObject(def.uiSchema)) problems.push(problem('uiSchema', 'Das uiSchema muss ein Objekt sein.', 'The uiSchema must be an object.'));
  const properties = isObject(schema) && isObject(schema.properties) ? schema.properties : {};
  problems.push(...checkTexts(def.texts, properties), ...checkSteps(def.uiSchema, properties, def.texts));
  return problems;
}
