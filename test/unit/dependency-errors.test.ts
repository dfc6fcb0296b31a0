/**
 * "A dependency is down" is one typed error: adapters throw it, and driver and Temporal client
 * failures are mapped to it by class (not by name); the API answers it with 503 and Retry-After.
 */
import { describe, expect, it } from 'vitest';
import { mongo } from 'mongoose';
import { ServiceError } from '@temporalio/client';
import { DependencyUnavailableError } from '../../domain/dependency-unavailable';
import { asDependencyUnavailable } from '../../server/http/dependency-errors';
import { PaymentProviderError } from '../../adapters/payments/payment-provider';
import { VehicleRegistryError } from '../../adapters/vehicle-registry/vehicle-registry';
import { ResidentRegistryError } from '../../adapters/resident-registry/resident-registry';

describe('dependency unavailable', () => {
  it('when an adapter cannot reach its system, then its error is a DependencyUnavailableError that keeps its name and retryable flag', () => {
    for (const [error, dependency] of [
      [new PaymentProviderError('down', undefined, true), 'payments'],
      [new VehicleRegistryError('down', 503, true), 'vehicle-registry'],
      [new ResidentRegistryError('down', undefined, true), 'resident-registry'],
    ] as const) {
      expect(error).toBeInstanceOf(DependencyUnavailableError);
      expect(asDependencyUnavailable(error)).toBe(error);
      expect(error.dependency).toBe(dependency);
      expect(error.retryable).toBe(true);
    }
  });

  it('when the database driver cannot reach the server, then it is mapped to the database being unavailable', () => {
    const mapped = asDependencyUnavailable(new mongo.MongoNetworkError('connection refused'));
    expect(mapped).toBeInstanceOf(DependencyUnavailableError);
    expect(mapped?.dependency).toBe('database');
    expect(asDependencyUnavailable(new mongo.MongoServerSelectionError('no server', { type: 'Unknown', servers: new Map() } as never))?.dependency).toBe('database');
  });

  it('when a dependency\'s connection breaks under a call as a plain system error (FerretDB killed mid-write: EPIPE), then it is a 503, not a 500', () => {
    for (const code of ['EPIPE', 'ECONNRESET']) {
      const mapped = asDependencyUnavailable(Object.assign(new Error(`write ${code}`), { code, syscall: 'write' }));
      expect(mapped, code).toBeInstanceOf(DependencyUnavailableError);
      expect(mapped?.dependency).toBe('connection');
    }
    expect(asDependencyUnavailable(Object.assign(new Error('no such file'), { code: 'ENOENT' }))).toBeUndefined();
    // A refused connection is a wrong address (a bug, 500 with its error id); an aborted request body is the client's 400.
    expect(asDependencyUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED', syscall: 'connect' }))).toBeUndefined();
    expect(asDependencyUnavailable(Object.assign(new Error('request aborted'), { code: 'ECONNABORTED', status: 400, type: 'request.aborted' }))).toBeUndefined();
    expect(asDependencyUnavailable(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', status: 400 }))).toBeUndefined();
    expect(asDependencyUnavailable(new Error('a bug'))).toBeUndefined();
  });

  it('when a Temporal client call fails in the service or its transport, then it is mapped to Temporal being unavailable', () => {
    expect(asDependencyUnavailable(new ServiceError('Failed to connect to Temporal server'))?.dependency).toBe('temporal');
    const grpcUnavailable = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14, details: 'x', metadata: { getMap: () => ({}) } });
    expect(asDependencyUnavailable(grpcUnavailable)?.dependency).toBe('temporal');
  });

  it('when an error merely carries a dependency-like name or message, then it is not mistaken for one', () => {
    expect(asDependencyUnavailable(Object.assign(new Error('UNAVAILABLE ECONNREFUSED'), { name: 'MongoNetworkError' }))).toBeUndefined();
    expect(asDependencyUnavailable(new TypeError('x is undefined'))).toBeUndefined();
    expect(asDependencyUnavailable(undefined)).toBeUndefined();
  });
});
