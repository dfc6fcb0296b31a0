import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultPayloadConverter } from '@temporalio/common';
import { AesGcmPayloadCodec } from '../../temporal/codec';

const plate = 'HA-AB 123';

describe('AES-GCM payload codec', () => {
  const codec = new AesGcmPayloadCodec(randomBytes(32));
  const payload = defaultPayloadConverter.toPayload({ plate, name: 'Erika Mustermann' });

  it('when a payload is encoded, then its bytes no longer contain the personal data, and decoding restores it', async () => {
    const [encoded] = await codec.encode([payload]);
    expect(Buffer.from(encoded!.metadata!.encoding!).toString()).toBe('binary/encrypted');
    expect(Buffer.from(encoded!.data!).toString('latin1')).not.toContain(plate);
    const [decoded] = await codec.decode([encoded!]);
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual({ plate, name: 'Erika Mustermann' });
  });

  it('when the ciphertext is tampered with or another key is used, then decoding fails', async () => {
    const [encoded] = await codec.encode([payload]);
    const tampered = { ...encoded!, data: Buffer.from(encoded!.data!) };
    tampered.data[20] = tampered.data[20]! ^ 1;
    await expect(codec.decode([tampered])).rejects.toThrow();
    await expect(new AesGcmPayloadCodec(randomBytes(32)).decode([encoded!])).rejects.toThrow(/unknown key/);
  });

  it('passes through payloads it did not encrypt (e.g. written before the codec existed)', async () => {
    expect(await codec.decode([payload])).toEqual([payload]);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => new AesGcmPayloadCodec(randomBytes(16))).toThrow(/32 bytes/);
  });
});
