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

/**
 * Whose cases a department works: a staff member (not an administrator) sees and changes the
 * cases of a procedure only when they belong to one of its departments — on every staff route,
 * lists included (server/http/route.ts `scope`, checked in server/app.ts). The inbox tasks of a
 * procedure go to these departments too. A Bußgeldverfahren is part of its parking ticket's case.
 */
export const PROCEDURE_DEPARTMENTS = {
  'parking-ticket': ['traffic', 'fine-office'],
  'dog-tax': ['tax-office'],
} as const satisfies Record<string, readonly Department[]>;

export type Procedure = keyof typeof PROCEDURE_DEPARTMENTS;
export const PROCEDURES = Object.keys(PROCEDURE_DEPARTMENTS) as Procedure[];
export const isProcedure = (value: unknown): value is Procedure => typeof value === 'string' && value in PROCEDURE_DEPARTMENTS;

export const departmentsOf = (procedure: Procedure): readonly Department[] => PROCEDURE_DEPARTMENTS[procedure];

/** The procedures whose cases someone in these departments works. */
export const proceduresOf = (departments: readonly string[]): Procedure[] =>
  PROCEDURES.filter((p) => PROCEDURE_DEPARTMENTS[p].some((d) => departments.includes(d)));
