/**
 * `npm run bench` (see bench/bench.ts for what it measures and its options). The database
 * socket timeout is raised to 10 s for the benchmark (unless set): the default 1 s makes a
 * paused database answer 503 within 2 s, but at 50–100 clients on 2 shared cores a request
 * can queue longer than that in FerretDB, and the benchmark should show that as latency,
 * not as failed requests. Set before the system's modules load (they read it once).
 */
process.env.AMTSWEG_DB_SOCKET_TIMEOUT_MS ??= '10000';
await import('./bench');
export {};
