/** Polls until `probe` yields a value: activities and webhooks run in real time beside the test. */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, what: string, { tries = 100, everyMs = 100 } = {}): Promise<T> {
  for (let i = 0; i < tries; i += 1) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}
