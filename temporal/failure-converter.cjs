// Failure messages and stack traces go through the payload codec (AES-GCM, temporal/codec.ts)
// like every payload: with encodeCommonAttributes the converter moves them into an encoded
// attribute, so Temporal's history, UI and CLI show "Encoded failure" instead of text that can
// name a plate, a person or an address. The client decodes them again (the codec endpoint for
// the UI too). CommonJS: the SDK loads it with require() on the client and the worker, and
// webpack bundles it into the workflow sandbox (workers/workflow-bundle.ts).
const { DefaultFailureConverter } = require('@temporalio/common');

exports.failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
