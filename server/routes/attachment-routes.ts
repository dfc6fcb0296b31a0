/**
 * Citizens upload evidence (Nachweise) before they submit a form; the form then names the
 * answered ids in `evidenceIds`. Public like the submission itself: an upload is useless until
 * a submission claims it, and unclaimed uploads are deleted after 24 hours.
 */
import { defineRoutes } from '../http/route';
import { named } from '../http/openapi';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, attachmentTooLarge, uploadAttachment } from '../use-cases/attachments/upload-attachment';

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
    headers: [{ name: 'X-Filename', required: false, schema: { type: 'string', maxLength: 1000 }, description: 'The original file name, URL-encoded (display only)' }],
    responses: {
      201: { description: 'Stored', schema: uploaded },
      413: { description: 'Larger than 10 MB' },
      422: { description: 'Not a PDF, JPEG or PNG by its content (field "file")' },
    },
    async handler({ req, body, system }) {
      return { status: 201, json: await uploadAttachment(system, { body, filenameHeader: req.get('X-Filename') }) };
    },
  },
]);
