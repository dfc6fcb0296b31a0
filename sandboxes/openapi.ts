/**
 * The embedded sandboxes' HTTP APIs in the OpenAPI document, each operation marked
 * `x-embedded-only: true`: they exist only in embedded mode (AMTSWEG_MODE unset or embedded);
 * a production start mounts none of them and its document does not list them.
 */
const EMBEDDED_ONLY = 'Exists only in embedded mode (the default of `npm start`); a production start (AMTSWEG_MODE=production) does not mount the sandboxes.';
const KEY = 'Needs the sandbox key (`Authorization: Bearer <key>`, printed by `npm start`) or the session of a signed-in administrator (changes: with X-CSRF-Token).';

type Op = { summary: string; public?: boolean; body?: boolean; responses: Record<number, string> };

function operation(op: Op): Record<string, unknown> {
  const refused = op.public ? {} : { 401: { description: 'No sandbox key and no administrator session' } };
  return {
    summary: op.summary,
    description: `${EMBEDDED_ONLY}${op.public ? ' Public: the citizen\'s browser opens it (the checkout id in the address is random).' : ` ${KEY}`}`,
    tags: ['sandbox'],
    'x-embedded-only': true,
    'x-roles': op.public ? ['public'] : ['admin'],
    security: op.public ? [] : [{ sandboxKey: [] }, { staffSession: [] }],
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } } } : {}),
    responses: {
      ...Object.fromEntries(Object.entries(op.responses).map(([status, description]) => [status, { description }])),
      ...(op.body ? { 400: { description: 'The body is not JSON, or not a JSON object' }, 413: { description: 'The body is larger than the sandbox takes (16 KB; the payment provider 32 KB)' } } : {}),
      ...refused,
    },
  };
}

const param = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

const SANDBOX_PATHS: Record<string, Record<string, Op> & { parameters?: never }> = {
  '/sandbox/payments/api/checkouts': {
    post: { summary: 'Sandbox PSP: create a checkout (idempotency key per caller; returnUrl and webhookUrl must lie under PUBLIC_BASE_URL)', body: true, responses: { 200: 'The checkout this key created before', 201: 'Created', 409: 'Key used for another amount, reference or webhookUrl', 422: 'Invalid field, or a URL outside the service' } },
    get: { summary: 'Sandbox PSP: the latest checkouts with their webhook attempts (?reference=)', responses: { 200: 'Checkouts' } },
  },
  '/sandbox/payments/api/checkouts/{id}': {
    get: { summary: 'Sandbox PSP: one checkout', responses: { 200: 'The checkout', 404: 'Unknown id' } },
  },
  '/sandbox/payments/api/checkouts/{id}/cancel': {
    post: { summary: 'Sandbox PSP: cancel an open checkout (its creator only)', responses: { 200: 'The checkout as it is now (a paid one stays paid)', 403: 'Not the creator', 404: 'Unknown id' } },
  },
  '/sandbox/payments/api/checkouts/{id}/refund': {
    post: { summary: 'Sandbox PSP: refund a paid checkout in full, once per payment (optional body `{ reason }`)', body: true, responses: { 200: 'The refund made before (nothing paid twice)', 201: 'Refunded', 404: 'Unknown id', 409: 'The checkout is not paid' } },
  },
  '/sandbox/payments/api/refunds': {
    get: { summary: 'Sandbox PSP: the latest refunds (?checkoutId=)', responses: { 200: 'Refunds' } },
  },
  '/sandbox/payments/checkout/{id}': {
    get: { summary: 'Sandbox PSP: the hosted payment page (test card 4242 4242 4242 4242)', public: true, responses: { 200: 'HTML page', 404: 'Unknown id' } },
  },
  '/sandbox/payments/checkout/{id}/pay': {
    post: { summary: 'Sandbox PSP: the hosted page\'s form: pay (form-encoded)', public: true, responses: { 303: 'Back to the service\'s returnUrl', 404: 'Unknown id', 422: 'HTML page with the error at the field' } },
  },
  '/sandbox/payments/checkout/{id}/cancel': {
    post: { summary: 'Sandbox PSP: the hosted page\'s "Abbrechen": back to the service without paying (the checkout stays open)', public: true, responses: { 303: 'Back to the service\'s returnUrl with cancelled=1', 404: 'Unknown id' } },
  },
  '/sandbox/vehicle-registry/api/holders': {
    get: { summary: 'Sandbox vehicle registry: every holder', responses: { 200: 'Holders' } },
  },
  '/sandbox/vehicle-registry/api/holders/{plate}': {
    get: { summary: 'Sandbox vehicle registry: the holder of a plate', responses: { 200: 'Holder', 404: 'Not registered', 422: 'Not a German plate' } },
    put: { summary: 'Sandbox vehicle registry: set the holder of a plate', body: true, responses: { 200: 'Replaced', 201: 'Created', 422: 'Invalid field' } },
  },
  '/sandbox/resident-registry/api/residents': {
    get: { summary: 'Sandbox resident registry: every resident', responses: { 200: 'Residents' } },
  },
  '/sandbox/resident-registry/api/residents/search': {
    post: { summary: 'Sandbox resident registry: find a resident by name, birth date and address', body: true, responses: { 200: 'Resident', 404: 'No match', 422: 'Invalid field' } },
  },
  '/sandbox/resident-registry/api/residents/{residentId}': {
    put: { summary: 'Sandbox resident registry: register or change a resident', body: true, responses: { 200: 'Replaced', 201: 'Created', 422: 'Invalid field' } },
    delete: { summary: 'Sandbox resident registry: the resident moved away', responses: { 204: 'Removed', 404: 'Unknown id' } },
  },
};

/** The document with the sandboxes' paths and their security scheme added (embedded mode only). */
export function embeddedOnlyOpenApi(doc: Record<string, unknown>): Record<string, unknown> {
  const paths = { ...(doc.paths as Record<string, unknown>) };
  for (const [path, ops] of Object.entries(SANDBOX_PATHS)) {
    const names = [...path.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]!);
    paths[path] = Object.fromEntries(Object.entries(ops).map(([method, op]) => [method, {
      ...(names.length ? { parameters: names.map(param) } : {}), ...operation(op as Op),
    }]));
  }
  const components = doc.components as { securitySchemes: Record<string, unknown> };
  const info = doc.info as { description: string };
  return {
    ...doc,
    info: { ...info, description: `${info.description} Operations marked \`x-embedded-only: true\` (the /sandbox/… stand-ins for the payment provider and the registries) exist only in embedded mode.` },
    components: { ...components, securitySchemes: { ...components.securitySchemes, sandboxKey: { type: 'http', scheme: 'bearer', description: 'The sandbox key that `npm start` prints (embedded mode only)' } } },
    paths,
  };
}
