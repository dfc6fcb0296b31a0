/**
 * Citizens upload evidence (Nachweise) before they submit a form; the form then names the
 * answered ids in `evidenceIds`. Public like the submission itself: an upload is useless until
 * a submission claims it, and unclaimed uploads are deleted after 24 hours.
 */
import { defineRoutes } from '../http/route';
import { named } from '../http/openapi';
import { validationFailed } from '../http/validation';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, attachmentTooLarge, uploadAttachment } from '../use-cases/attachments/upload-attachment';
import { admit, guardsOf } from '../security/citizen-guards';

/** The documented limit of X-Filename: a longer header is refused, not silently cut. */
const MAX_FILENAME_HEADER = 1000;

const uploaded = named('Attachment', {
  type: 'object', required: ['id', 'filename', 'contentType', 'size', 'sha256'],
  properties: {
    id: { type: 'string', description: 'Send it in the form field evidenceIds' },
    filename: { type: 'string' },
    contentType: { type: 'string', enum: ATTACHMENT_TYPES, description: 'Detected from the content, not from the name' },
    size: { type: 'integer' },
    sha256: { type: 'string' },
  },
});

export const attachmentRoutes = defineRoutes([
  {
    method: 'post', path: '/api/attachments', summary: 'Upload one piece of evidence (PDF, JPEG or PNG, at most 10 MB; the type is checked by content)', tags: ['cases'],
    roles: ['public'],
    rawBody: { contentTypes: ['application/octet-stream', ...ATTACHMENT_TYPES], limitBytes: MAX_ATTACHMENT_BYTES, tooLarge: attachmentTooLarge },
    headers: [{ name: 'X-Filename', required: false, schema: { type: 'string', maxLength: MAX_FILENAME_HEADER }, description: 'The original file name, URL-encoded (display only); longer than 1,000 characters: 422' }],
    responses: {
      201: { description: 'Stored', schema: uploaded },
      413: { description: 'Larger than 10 MB' },
      422: { description: 'Not a PDF, JPEG or PNG by its content (field "file"), or X-Filename longer than 1,000 characters (field "X-Filename")' },
      429: { description: 'Too many uploads from this client or address, or the daily upload quota (per client, per address, overall) is used up' },
    },
    async handler(ctx) {
      const { req, body, system } = ctx;
      const who = await admit(ctx, 'upload');
      // The bytes count against the day's quotas before anything is stored.
      await guardsOf(system).limits.chargeUpload(who, Buffer.isBuffer(body) ? body.length : 0);
      const filename = req.get('X-Filename');
      if (filename !== undefined && filename.length > MAX_FILENAME_HEADER) {
        throw validationFailed([{ field: 'X-Filename', message: { de: 'Der Dateiname ist zu lang (höchstens 1.000 Zeichen).', en: 'The file name is too long (at most 1,000 characters).' } }]);
      }
      return { status: 201, json: await uploadAttachment(system, { body, filenameHeader: req.get('X-Filename') }) };
    },
  },
]);
