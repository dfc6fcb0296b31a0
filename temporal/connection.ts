/** One place that turns configuration into Temporal connections and the shared data converter. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection, type ConnectionOptions } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { DataConverter } from '@temporalio/common';
import type { AppConfig } from '../config/config';
import { AesGcmPayloadCodec } from './codec';

export interface TemporalTarget { address: string; namespace: string; tls: boolean; apiKey?: string }

/** The embedded stack keeps its generated key in the data folder so cases survive a restart. */
export function resolvePayloadKey(config: Pick<AppConfig, 'payloadKey' | 'dataDir'>): Buffer {
  if (config.payloadKey) return Buffer.from(config.payloadKey, 'base64');
  const file = join(config.dataDir, 'keys', 'payload.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

/** The failure converter that encodes messages and stack traces (see failure-converter.cjs); the workflow bundle bakes it in too. */
export const failureConverterPath = fileURLToPath(new URL('./failure-converter.cjs', import.meta.url));

export function dataConverter(key: Buffer): DataConverter {
  return { payloadCodecs: [new AesGcmPayloadCodec(key)], failureConverterPath };
}

export async function connectClient(target: TemporalTarget, key: Buffer, options: Omit<ConnectionOptions, 'address' | 'tls' | 'apiKey'> = {}): Promise<Client> {
  const connection = await Connection.connect({ ...options, address: target.address, tls: target.tls || undefined, apiKey: target.apiKey });
  return new Client({ connection, namespace: target.namespace, dataConverter: dataConverter(key) });
}

export async function connectWorkerConnection(target: TemporalTarget): Promise<NativeConnection> {
  return NativeConnection.connect({ address: target.address, tls: target.tls || undefined, apiKey: target.apiKey });
}
