/**
 * `Form-Version`: the version of the form the client rendered. The submission is validated
 * against exactly that version; without the header, against the newest (for API clients that
 * render no form). Every route that accepts a form submission uses this header.
 */
import type { Request } from 'express';
import { validationFailed } from '../http/validation';
import type { HeaderSpec } from '../http/route';

export const formVersionHeader: HeaderSpec = {
  name: 'Form-Version', required: false, schema: { type: 'integer', minimum: 1 },
  description: 'The form version the submission was rendered from (GET /api/forms/{formId} answers it as "version"); absent: the newest',
};

export function formVersionOf(req: Request): number | undefined {
  const raw = req.get('Form-Version');
  if (raw === undefined) return undefined;
  if (!/^[1-9][0-9]{0,8}$/.test(raw.trim())) {
    throw validationFailed([{ field: 'Form-Version', message: { de: 'Eine ganze Zahl ab 1.', en: 'An integer from 1.' } }]);
  }
  return Number(raw.trim());
}
