/**
 * Every client call of the web process runs under a deadline (issue 12, item 10), against the
 * real dev server: a call Temporal cannot answer (here a query and an Update to a workflow
 * whose worker is gone, which the server holds open as a hung server would) ends after the
 * deadline as "Temporal unavailable" (the API's 503), instead of holding the request open.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { DependencyUnavailableError } from '../../domain/dependency-unavailable';
import { withDeadline } from '../../temporal/deadline';
import { stack } from '../support/env';

let connection: Connection;
let client: Client;
beforeAll(async () => {
  connection = await Connection.connect({ address: stack.temporalAddress });
  client = new Client({ connection, namespace: 'default' });
});
afterAll(async () => {
  await connection?.close();
});

describe('client calls under a deadline', () => {
  it('when no worker answers a query or an Update, then the call ends after its deadline as dependency unavailable', async () => {
    // No worker polls this task queue: the server holds query and Update until the caller gives up.
    const handle = await client.workflow.start('noWorkerWorkflow', { taskQueue: `tq-nobody-${randomUUID()}`, workflowId: `deadline-test-${randomUUID()}` });
    try {
      for (const call of [
        () => handle.query(defineQuery<string>('anything')),
        () => handle.executeUpdate(defineUpdate<string>('anything')),
      ]) {
        const started = Date.now();
        const error = await withDeadline(client, call, 1_500).then(() => null, (e: unknown) => e);
        const took = Date.now() - started;
        expect(error).toBeInstanceOf(DependencyUnavailableError);
        expect((error as DependencyUnavailableError).dependency).toBe('temporal');
        expect(took).toBeGreaterThanOrEqual(1_400);
        expect(took).toBeLessThan(5_000);
      }
      // A call that is answered in time is not affected.
      expect((await withDeadline(client, () => handle.describe(), 1_500)).status.name).toBe('RUNNING');
    } finally {
      await handle.terminate('test done');
    }
  });
});
