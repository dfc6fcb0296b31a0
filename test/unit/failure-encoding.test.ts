/**
 * Failure messages and stack traces leave the process encrypted (issue 9): the data converter
 * of client and worker (temporal/connection.ts) loads the failure converter with
 * encodeCommonAttributes, so a message naming a plate, a person or an address reaches
 * Temporal's history only as AES-GCM ciphertext — and the workflow bundle bakes in the same
 * converter. The client decodes it back.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/common';
import { decodeFailure, encodeErrorToFailure, loadDataConverter } from '@temporalio/common/lib/internal-non-workflow';
import proto from '@temporalio/proto';
import { dataConverter } from '../../temporal/connection';
import { workflowBundle } from '../../workers/workflow-bundle';

const SECRET_TEXT = 'Halter Erika Mustermann, HA-AB 1234, Elberfelder Str. 1';

describe('failure converter', () => {
  it('when an activity or workflow fails with personal data in the message, then the failure Temporal stores carries neither message nor stack in clear, and the client decodes both', async () => {
    const converter = loadDataConverter(dataConverter(randomBytes(32)));
    const error = ApplicationFailure.nonRetryable(SECRET_TEXT, 'Test');
    // What the worker and the client send: converted, then through the codecs.
    const encoded = await encodeErrorToFailure(converter, error);
    const stored = Buffer.from(proto.temporal.api.failure.v1.Failure.encode(encoded).finish());
    expect(encoded.message).toBe('Encoded failure');
    expect(encoded.stackTrace).toBe('');
    expect(stored.toString('latin1')).not.toContain('Mustermann');
    expect(stored.toString('latin1')).not.toContain('HA-AB');
    expect(Buffer.from(encoded.encodedAttributes!.metadata!.encoding!).toString()).toBe('binary/encrypted');

    const decoded = converter.failureConverter.failureToError(await decodeFailure(converter.payloadCodecs, encoded), converter.payloadConverter);
    expect(decoded.message).toBe(SECRET_TEXT);
  });

  it('the workflow bundle carries the same converter (a workflow failure inside the sandbox is encoded too)', async () => {
    const { code } = await workflowBundle();
    expect(code).toContain('failure-converter.cjs');
    expect(code).toContain('encodeCommonAttributes: true');
  }, 300_000);
});
