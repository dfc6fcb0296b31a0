/**
 * Checks a multi-step form before publishing: the uiSchema's top-level "ui:steps" is a list of
 * { id, fields } in order, every step field is a top-level property of the schema, every
 * property is in exactly one step, and each step has a title in both languages.
 */
import type { FormProblem } from './registry/form-version';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const problem = (field: string, de: string, en: string): FormProblem => ({ field, message: { de, en } });
const STEP_ID = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

export function checkSteps(uiSchema: unknown, properties: Json, texts: unknown): FormProblem[] {
  if (!isObject(uiSchema) || uiSchema['ui:steps'] === undefined) return [];
  const steps = uiSchema['ui:steps'];
  if (!Array.isArray(steps) || steps.length === 0) {
    return [problem('uiSchema/ui:steps', '„ui:steps“ muss eine nicht leere Liste von Schritten sein.', '"ui:steps" must be a non-empty list of steps.')];
  }
  const problems: FormProblem[] = [];
  const seenIds = new Set<string>();
  const stepOf = new Map<string, string>();
  steps.forEach((step, i) => {
    const where = `uiSchema/ui:steps/${i}`;
    if (!isObject(step) || typeof step.id !== 'string' || !STEP_ID.test(step.id) || !Array.isArray(step.fields)) {
      problems.push(problem(where, 'Ein Schritt braucht eine id (Buchstaben, Ziffern, _ -) und eine Liste fields.', 'A step needs an id (letters, digits, _ -) and a list of fields.'));
      return;
    }
    if (seenIds.has(step.id)) problems.push(problem(`${where}/id`, `Die Schritt-id „${step.id}“ kommt doppelt vor.`, `The step id "${step.id}" occurs twice.`));
    seenIds.add(step.id);
    for (const field of step.fields) {
      if (typeof field !== 'string' || !(field in properties)) {
        problems.push(problem(`${where}/fields`, `Das Feld „${String(field)}“ gibt es im Schema nicht.`, `The field "${String(field)}" is not in the schema.`));
      } else if (stepOf.has(field)) {
        problems.push(problem(`${where}/fields`, `„${field}“ steht schon im Schritt „${stepOf.get(field)}“.`, `"${field}" is already in step "${stepOf.get(field)}".`));
      } else {
        stepOf.set(field, step.id);
      }
    }
    for (const lang of ['de', 'en'] as const) {
      const title = isObject(texts) && isObject(texts[lang]) && isObject(texts[lang].steps) ? texts[lang].steps[step.id] : undefined;
      if (typeof title !== 'string' || !title) {
        problems.push(problem(`texts/${lang}/steps/${step.id}`, `Schritttitel fehlt (${lang}).`, `Step title missing (${lang}).`));
      }
    }
  });
  for (const prop of Object.keys(properties)) {
    if (!stepOf.has(prop)) problems.push(problem('uiSchema/ui:steps', `Das Feld „${prop}“ steht in keinem Schritt.`, `The field "${prop}" is in no step.`));
  }
  return problems;
}
