import { mongo } from 'mongoose';
import { isGrpcServiceError, ServiceError } from '@temporalio/client';
import { DependencyUnavailableError } from '../../domain/dependency-unavailable';

/**
 * The one place where failures of the database driver and the Temporal client become a
 * DependencyUnavailableError (adapters throw it themselves): by class and gRPC status, not by name.
 */
export function asDependencyUnavailable(error: unknown): DependencyUnavailableError | undefined {
  if (error instanceof DependencyUnavailableError) return error;
  if (error instanceof mongo.MongoNetworkError || error instanceof mongo.MongoServerSelectionError) {
    return new DependencyUnavailableError('database', error.message, { cause: error });
  }
  if (error instanceof ServiceError || (isGrpcServiceError(error) && UNAVAILABLE_GRPC.has(error.code))) {
    return new DependencyUnavailableError('temporal', error.message, { cause: error });
  }
  return undefined;
}
/** gRPC status codes UNAVAILABLE (14) and DEADLINE_EXCEEDED (4). */
const UNAVAILABLE_GRPC = new Set<number>([14, 4]);
