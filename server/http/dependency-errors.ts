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
  // A connection that broke under a call can surface as a plain system error, not the driver's
  // class (FerretDB killed mid-write: "Error: write EPIPE"). Whichever dependency it was, the
  // request did not reach its end: 503 and a retry, not a 500.
  // Only a socket error itself (it names its syscall): not an HTTP error that carries such a code
  // (body-parser's "request aborted" is a 400 with code ECONNABORTED), not a refused connection
  // (a wrong address is a configuration bug, not an outage: it stays a 500 with its error id).
  if (isBrokenConnection(error)) return new DependencyUnavailableError('connection', error.message, { cause: error });
  return undefined;
}

const CONNECTION_LOST = new Set(['EPIPE', 'ECONNRESET']);
function isBrokenConnection(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  const e = error as NodeJS.ErrnoException & { status?: unknown; statusCode?: unknown };
  return CONNECTION_LOST.has(String(e.code)) && typeof e.syscall === 'string' && e.status === undefined && e.statusCode === undefined;
}
/** gRPC status codes UNAVAILABLE (14) and DEADLINE_EXCEEDED (4). */
const UNAVAILABLE_GRPC = new Set<number>([14, 4]);
