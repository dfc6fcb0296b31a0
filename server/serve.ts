/**
 * The HTTP server of one web process (server/main.ts, or `npm start` with the worker beside it).
 * Stopping: no new connections, requests in flight may finish within the grace time, then the
 * remaining connections are closed.
 */
import type { Server } from 'node:http';
import type { Express } from 'express';

export interface RunningServer {
  server: Server;
  baseUrl: string;
  stop(graceMs?: number): Promise<void>;
}

export async function serve(app: Express, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  const server = await new Promise<Server>((ok, fail) => {
    const s = app.listen(port, host, (error?: Error) => (error ? fail(error) : ok(s)));
    s.once('error', fail);
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new Error(`Port ${port} for the web server is already in use by another program: stop it, or choose another port with PORT=….`);
    throw error;
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  let stopping: Promise<void> | undefined;
  return {
    server,
    baseUrl: `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${boundPort}`,
    stop: (graceMs = 10_000) => stopping ??= new Promise<void>((done) => {
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      server.close(() => (clearTimeout(timer), done()));
      server.closeIdleConnections();
    }),
  };
}
