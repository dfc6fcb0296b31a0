import { describe, expect, it } from 'vitest';
import { InvalidPlateError, normalizePlate, tryNormalizePlate } from '../../../adapters/vehicle-registry/vehicle-registry';

describe('normalizePlate', () => {
  it.each([
    ['HA-AB 123', 'HA-AB 123'],
    ['ha ab123', 'HA-AB 123'],
    ['HA AB 123', 'HA-AB 123'],
    ['HA-AB123', 'HA-AB 123'],
    ['  ha – ab 12 ', 'HA-AB 12'],
    ['ha-el 88 e', 'HA-EL 88E'],
    ['HA-OT 1960H', 'HA-OT 1960H'],
    ['mü-x 1', 'MÜ-X 1'],
  ])('when given %j, then the canonical form is %j', (input, canonical) => {
    expect(normalizePlate(input)).toBe(canonical);
  });

  it.each([
    ['HAAB123', 'district and letters cannot be told apart'],
    ['HA-AB 0123', 'numbers do not start with 0'],
    ['HA-ABC 1', 'at most two recognition letters'],
    ['HA-AB 12345', 'at most four digits'],
    ['HAM-XY 1234', 'more than eight characters'],
    ['', 'empty'],
  ])('when given %j (%s), then it is not a plate', (input) => {
    expect(tryNormalizePlate(input)).toBeNull();
    expect(() => normalizePlate(input)).toThrow(InvalidPlateError);
  });
});
