/**
 * The codec server protocol's decode step: proto3-JSON payloads (bytes as base64) in, decoded
 * payloads in the same shape out. A payload encrypted under another key makes it throw (the
 * route answers 422), never passes on half-read.
 */
import type { Payload } from '@temporalio/common';
import { AesGcmPayloadCodec } from './codec';

export interface JsonPayload { metadata?: Record<string, string>; data?: string }

const fromJson = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data ?? '', 'base64'),
});
const toJson = (p: Payload): JsonPayload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? []).toString('base64')])),
  data: Buffer.from(p.data ?? []).toString('base64'),
});

export async function decodePayloads(key: Buffer, body: { payloads: JsonPayload[] }): Promise<{ payloads: JsonPayload[] }> {
  const decoded = await new AesGcmPayloadCodec(key).decode(body.payloads.map(fromJson));
  return { payloads: decoded.map(toJson) };
}
