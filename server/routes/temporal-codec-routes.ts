/**
 * Codec server for operators (Temporal's codec server protocol): the Temporal CLI or Web UI
 * sends the encrypted payloads of a history as proto3 JSON (bytes as base64) and gets them
 * decoded by the same AES-GCM codec the workers use. Administrators only: decoded payloads
 * carry citizens' personal data. Configure `<public URL>/api/temporal-codec` as the endpoint
 * (`npm start` gives it to the embedded UI). There is no /encode: the UI needs it only to send
 * data into workflows (signals, Updates, starts), which operators do not do through the UI.
 */
import { defineRoutes } from '../http/route';
import { named } from '../http/openapi';
import { errors } from './schemas';
import { AppError } from '../http/app-error';
import { decodePayloads } from '../../temporal/codec-endpoint';

const payloads = named('TemporalPayloads', {
  type: 'object', required: ['payloads'], additionalProperties: false,
  properties: {
    payloads: {
      type: 'array', maxItems: 1000,
      items: {
        type: 'object', additionalProperties: false,
        properties: {
          // Keys by pattern: any metadata name of that shape; another key is refused (422).
          metadata: { type: 'object', patternProperties: { '^[A-Za-z0-9._-]{1,100}$': { type: 'string', contentEncoding: 'base64' } }, additionalProperties: false, description: 'Metadata values, base64' },
          data: { type: 'string', contentEncoding: 'base64', description: 'The payload bytes, base64' },
        },
      },
    },
  },
});

export const temporalCodecRoutes = defineRoutes([
  {
    method: 'post', path: '/api/temporal-codec/decode', summary: 'Decode payloads for the Temporal CLI or Web UI (codec server protocol)', tags: ['operations'],
    roles: ['admin'], body: payloads,
    // The Temporal Web UI sends no CSRF token; decoding changes nothing, and only the UI's origin may read the answer (CORS).
    csrfNotNeeded: 'decoding reads and returns payloads, it changes nothing',
    headers: [{ name: 'X-Namespace', required: false, description: 'The namespace the payloads come from (sent by the Temporal UI and CLI)', schema: { type: 'string' } }],
    responses: { 200: { description: 'The payloads, decoded (those not encrypted by amtsweg unchanged)', schema: payloads }, ...errors },
    async handler({ body, system }) {
      try {
        return { json: await decodePayloads(system.secrets.payloadKey, body as { payloads: never[] }) };
      } catch (error) {
        throw new AppError('rejected', {
          de: 'Die Daten lassen sich mit dem Schlüssel dieser Installation nicht entschlüsseln.', en: 'The payloads cannot be decrypted with this installation\'s key.',
        }, { cause: error });
      }
    },
  },
]);
