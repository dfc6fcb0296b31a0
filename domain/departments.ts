/**
 * The city's departments that work inbox tasks. A caseworker belongs to one or more; a task
 * goes to exactly one department's queue. Names in German are the city's own.
 */
export const DEPARTMENTS = {
  traffic: { de: 'Verkehrsüberwachung (Ordnungsamt)', en: 'Traffic enforcement (public order office)' },
  'fine-office': { de: 'Bußgeldstelle', en: 'Fine office' },
  'tax-office': { de: 'Steueramt', en: 'Tax office' },
  'citizens-office': { de: 'Bürgeramt', en: "Citizens' office" },
} as const;

export type Department = keyof typeof DEPARTMENTS;
export const DEPARTMENT_IDS = Object.keys(DEPARTMENTS) as Department[];
export const isDepartment = (value: unknown): value is Department => typeof value === 'string' && value in DEPARTMENTS;
