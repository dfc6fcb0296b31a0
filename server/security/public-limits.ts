/**
 * Rate limits of the public (citizen) API, counted in the database (store/rate-limit/
 * window-counter.ts) so they hold across web replicas. Three budgets per kind of request:
 *
 * - **per client** (a browser's signed client cookie, see client-id.ts): what one person can
 *   plausibly do, with room to spare;
 * - **newcomers per address**: clients whose id is younger than a day (client-id.ts) share,
 *   per address, NEW_CLIENTS_FACTOR times one client's budget. Ids are free to mint, so
 *   without this a fresh cookie before each write would lift the per-client limit to the
 *   address's; with it, fresh cookies give one address at most 5 clients' worth per window.
 *   Browsers that came back after a day keep their own budget, whatever newcomers do;
 * - **per address** (IPv4, or IPv6 /64): volume only, far above what a city office's Wi-Fi or a
 *   carrier's NAT produces, so people sharing an address do not lock each other out;
 * - **global**: caps what any number of addresses can make the city do (workflows, stored
 *   data, mails, database reads for checks). Set far above honest load: a refusal here is 503-
 *   like for everyone ("very busy"), so it is the last line, not a per-attacker limit.
 *
 * Guesses (codes, PINs, tokens) are limited separately per secret and per client
 * (attempt-limiter.ts); here they count only as volume. A refusal is 429 with Retry-After.
 */
import { AppError } from '../http/app-error';
import { WindowCounter, type WindowCount } from '../../store/rate-limit/window-counter';
import { NEW_CLIENT_MS, type ClientRef } from './client-id';
import type { Connection } from 'mongoose';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MIB = 1024 * 1024;

/** All newcomers (ids younger than a day) of one address together: this many clients' budgets. */
export const NEW_CLIENTS_FACTOR = 5;

interface Budget { points: number; windowMs: number }
interface Policy { perClient: Budget; perAddress: Budget; global: Budget }

export type LimitClass = 'submission' | 'draft' | 'upload' | 'portal-write' | 'check';

export const POLICIES: Record<LimitClass, Policy> = {
  /** Form submissions: each starts a workflow and mails a receipt. */
  submission: { perClient: { points: 20, windowMs: HOUR }, perAddress: { points: 600, windowMs: HOUR }, global: { points: 5_000, windowMs: HOUR } },
  /** Saved drafts: each starts a workflow and mails a link. */
  draft: { perClient: { points: 20, windowMs: HOUR }, perAddress: { points: 600, windowMs: HOUR }, global: { points: 3_000, windowMs: HOUR } },
  /** Uploads (the bytes have their own daily quota below). */
  upload: { perClient: { points: 60, windowMs: HOUR }, perAddress: { points: 1_500, windowMs: HOUR }, global: { points: 20_000, windowMs: HOUR } },
  /**
   * Hearing answers, objections, checkouts, revoking a link: writes of someone who opened a case.
   * Global: a city that writes a few thousand tickets a month sees a few portal writes a minute
   * at its busiest; 10,000 in ten minutes is more than a month of honest ones.
   */
  'portal-write': { perClient: { points: 40, windowMs: 10 * MINUTE }, perAddress: { points: 1_000, windowMs: 10 * MINUTE }, global: { points: 10_000, windowMs: 10 * MINUTE } },
  /**
   * Every code/PIN/token check (the guesses themselves are limited in attempt-limiter.ts).
   * Global: each check is a few indexed reads; 30,000 in ten minutes (50 a second) is far above
   * citizens opening tickets, status pages and drafts, and below what the database serves.
   */
  check: { perClient: { points: 120, windowMs: 10 * MINUTE }, perAddress: { points: 3_000, windowMs: 10 * MINUTE }, global: { points: 30_000, windowMs: 10 * MINUTE } },
};

/** Upload bytes per day, counted in MiB (each started MiB counts). */
export const UPLOAD_QUOTA_MIB = { perClient: 100, perAddress: 3_000, global: 30_000 } as const;

const retryAfter = (count: WindowCount, now: number) => Math.max(1, Math.ceil((count.resetAt - now) / 1000));

export const tooManyRequests = (seconds: number) => new AppError('too_many_requests', {
  de: 'Zu viele Anfragen in kurzer Zeit. Bitte warten Sie etwas und versuchen Sie es dann erneut.',
  en: 'Too many requests in a short time. Please wait a little and try again.',
}, { retryAfterSeconds: seconds });

const busy = (seconds: number) => new AppError('too_many_requests', {
  de: 'Das Online-Angebot ist gerade stark ausgelastet. Bitte versuchen Sie es später erneut.',
  en: 'The online service is very busy right now. Please try again later.',
}, { retryAfterSeconds: seconds });

const quotaUsed = (seconds: number) => new AppError('too_many_requests', {
  de: 'Heute wurden von hier schon sehr viele Dateien hochgeladen. Bitte versuchen Sie es morgen erneut oder schicken Sie die Nachweise per Post.',
  en: 'Very many files have been uploaded from here today. Please try again tomorrow or send the evidence by post.',
}, { retryAfterSeconds: seconds });

export class PublicLimits {
  readonly counter: WindowCounter;

  constructor(conn: Connection) {
    this.counter = new WindowCounter(conn);
  }

  /** Counts this request against its class's budgets; throws 429 when one is spent. */
  async admit(kind: LimitClass, who: ClientRef, now = Date.now()): Promise<void> {
    const policy = POLICIES[kind];
    // The client first: a client over its budget does not spend the address's or everyone's.
    const mine = await this.counter.add(`${kind}:client:${who.client}`, policy.perClient.windowMs, 1, now, policy.perClient.points);
    if (mine.count > policy.perClient.points) throw tooManyRequests(retryAfter(mine, now));
    if (who.mintedAt !== undefined && now - who.mintedAt < NEW_CLIENT_MS) {
      const points = policy.perClient.points * NEW_CLIENTS_FACTOR;
      const newcomers = await this.counter.add(`${kind}:newcomers:${who.address}`, policy.perClient.windowMs, 1, now, points);
      if (newcomers.count > points) throw tooManyRequests(retryAfter(newcomers, now));
    }
    const address = await this.counter.add(`${kind}:address:${who.address}`, policy.perAddress.windowMs, 1, now, policy.perAddress.points);
    if (address.count > policy.perAddress.points) throw tooManyRequests(retryAfter(address, now));
    const all = await this.counter.add(`${kind}:global`, policy.global.windowMs, 1, now, policy.global.points);
    if (all.count > policy.global.points) throw busy(retryAfter(all, now));
  }

  /** Counts an upload's size against the daily quotas, before it is stored; throws 429 when one is spent. */
  async chargeUpload(who: ClientRef, bytes: number, now = Date.now()): Promise<void> {
    const units = Math.max(1, Math.ceil(bytes / MIB));
    const mine = await this.counter.add(`upload-mib:client:${who.client}`, DAY, units, now, UPLOAD_QUOTA_MIB.perClient);
    if (mine.count > UPLOAD_QUOTA_MIB.perClient) throw quotaUsed(retryAfter(mine, now));
    const address = await this.counter.add(`upload-mib:address:${who.address}`, DAY, units, now, UPLOAD_QUOTA_MIB.perAddress);
    if (address.count > UPLOAD_QUOTA_MIB.perAddress) throw quotaUsed(retryAfter(address, now));
    const all = await this.counter.add('upload-mib:global', DAY, units, now, UPLOAD_QUOTA_MIB.global);
    if (all.count > UPLOAD_QUOTA_MIB.global) throw busy(retryAfter(all, now));
  }
}
