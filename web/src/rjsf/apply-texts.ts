import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { FormDefinition, Lang } from '../api/types.js';

type Node = Record<string, unknown>;
export type LocalizedForm = { schema: RJSFSchema; uiSchema: UiSchema; title: string; description?: string; submit: string };

/**
 * The registry keeps texts apart from the schema (which carries German defaults). Copy schema and
 * uiSchema and write the chosen language's title, description and option labels into them.
 */
export function applyTexts(form: FormDefinition, lang: Lang): LocalizedForm {
  const texts = form.texts[lang] ?? form.texts.de;
  const schema = structuredClone(form.schema) as Node;
  const uiSchema = structuredClone(form.uiSchema ?? {}) as Node;

  for (const [path, text] of Object.entries(texts.fields)) {
    const parts = path.split(/[./]/).filter(Boolean);
    const target = propertySchema(schema, parts);
    if (!target) continue;
    target.title = text.title;
    if (text.description !== undefined) {
      target.description = text.description;
      // The hint already gives the example; a placeholder would repeat it in faint text that
      // vanishes on typing and looks like a filled-in value (KERN advises against placeholders).
      delete uiNode(uiSchema, parts)['ui:placeholder'];
    }
    if (text.enumNames) applyOptionLabels(target, uiNode(uiSchema, parts), text.enumNames);
  }

  // The page shows the form title as its h1; the root legend would repeat it.
  delete schema.title;
  delete schema.description;
  uiSchema['ui:submitButtonOptions'] = { ...(uiSchema['ui:submitButtonOptions'] as Node), submitText: texts.submit };
  return { schema: schema as RJSFSchema, uiSchema: uiSchema as UiSchema, title: texts.title, description: texts.description, submit: texts.submit };
}

function propertySchema(schema: Node, parts: string[]): Node | undefined {
  let node: Node | undefined = schema;
  for (const part of parts) {
    const properties = node?.properties as Record<string, Node> | undefined;
    node = properties?.[part];
  }
  return node;
}

function uiNode(uiSchema: Node, parts: string[]): Node {
  let node = uiSchema;
  for (const part of parts) node = (node[part] ??= {}) as Node;
  return node;
}

/** enum → ui:enumNames (rjsf 6 reads labels there); oneOf/anyOf → each option's title. */
function applyOptionLabels(target: Node, ui: Node, names: string[]) {
  if (Array.isArray(target.enum)) {
    ui['ui:enumNames'] = names;
    return;
  }
  const options = (target.oneOf ?? target.anyOf) as Node[] | undefined;
  options?.forEach((option, i) => {
    if (names[i] !== undefined) option.title = names[i];
  });
}
