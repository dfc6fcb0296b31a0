import { normalizePlate, VehicleRegistryError, type VehicleHolder, type VehicleRegistry } from './vehicle-registry';

export interface HttpVehicleRegistryOptions {
  /** Root of the registry service; embedded: `http://127.0.0.1:<port>/sandbox/vehicle-registry`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  timeoutMs?: number;
}

/**
 * Production-shaped adapter for a holder-query service over HTTP. The embedded default is this
 * same class pointed at the sandbox registry, so the code path under test is the real one.
 */
export class HttpVehicleRegistry implements VehicleRegistry {
  readonly name = 'http';
  private readonly baseUrl: string;

  constructor(private readonly opts: HttpVehicleRegistryOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
  }

  /** Throws InvalidPlateError for a malformed plate: asking the registry could not help. */
  async findHolder(plate: string): Promise<VehicleHolder | null> {
    const url = `${this.baseUrl}/api/holders/${encodeURIComponent(normalizePlate(plate))}`;
    let res: Response;
    try {
      res = await fetch(url, {
        headers: { Accept: 'application/json', ...(this.opts.apiKey ? { Authorization: `Bearer ${this.opts.apiKey}` } : {}) },
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
      });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new VehicleRegistryError(`vehicle registry unreachable: ${why}`, undefined, true);
    }
    if (res.status === 404) return null;
    if (res.ok) return (await res.json()) as VehicleHolder;
    // The body is not quoted: a registry's error page can repeat the plate or the holder's name and address.
    await res.body?.cancel().catch(() => undefined);
    // 5xx, 408 and 429 may pass on retry; any other refusal would fail the same way again.
    const retryable = res.status >= 500 || res.status === 408 || res.status === 429;
    throw new VehicleRegistryError(`vehicle registry answered ${res.status}`, res.status, retryable);
  }
}
