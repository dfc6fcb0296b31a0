import { ResidentRegistryError, type Resident, type ResidentQuery, type ResidentRegistry } from './resident-registry';

export interface HttpResidentRegistryOptions {
  /** Root of the registry service; embedded: `http://127.0.0.1:<port>/sandbox/resident-registry`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  timeoutMs?: number;
}

/**
 * Production-shaped client of a resident look-up service. The query goes in a POST body, not
 * the URL: names and birth dates must not end up in access logs.
 */
export class HttpResidentRegistry implements ResidentRegistry {
  readonly name = 'http';
  private readonly baseUrl: string;

  constructor(private readonly opts: HttpResidentRegistryOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
  }

  async findResident(query: ResidentQuery): Promise<Resident | null> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}/api/residents/search`, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...(this.opts.apiKey ? { Authorization: `Bearer ${this.opts.apiKey}` } : {}) },
        body: JSON.stringify(query),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
      });
    } catch (e) {
      throw new ResidentRegistryError(`resident registry unreachable: ${e instanceof Error ? e.message : String(e)}`, undefined, true);
    }
    if (res.status === 404) return null;
    if (res.ok) return (await res.json()) as Resident;
    // The body may echo the query: keep it out of the message (failure messages are not encrypted).
    const retryable = res.status >= 500 || res.status === 408 || res.status === 429;
    throw new ResidentRegistryError(`resident registry answered ${res.status}`, res.status, retryable);
  }
}
