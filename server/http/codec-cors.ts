/**
 * CORS for the codec endpoint, for one origin only: the Temporal Web UI an operator opens.
 * The UI runs on its own origin (the embedded one on http://127.0.0.1:<TEMPORAL_UI_PORT>) and
 * calls `<endpoint>/decode` with fetch, headers `Content-Type: application/json` and
 * `X-Namespace` (so the browser sends a preflight first), and — when the operator ticks
 * "Include cross-origin credentials" in the UI's codec settings — with `credentials: 'include'`,
 * which sends amtsweg's staff session cookie. The cookie is SameSite=Strict: it travels only
 * when the UI and amtsweg are the same site (same host name, the port may differ).
 *
 * Only that origin gets CORS headers (with credentials, never `*`): a page of any other origin
 * can make a browser send the request, but cannot read the answer. Everything else about the
 * request (admin role, the body's schema) is checked by the route as for any other caller.
 */
import type { RequestHandler } from 'express';
import { ConfigError } from '../../config/config';

/** The headers the Temporal UI (2.x) sends to a codec endpoint; Authorization when it passes its own access token. */
const ALLOWED_HEADERS = ['Content-Type', 'X-Namespace', 'Authorization', 'Authorization-Extras'];
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * The Temporal Web UI's origin: TEMPORAL_UI_URL when set (a UI of a Temporal cluster), else the
 * embedded UI that `npm start` runs beside the embedded Temporal; none when Temporal is a
 * cluster and no UI is named (then no browser origin may call the endpoint).
 */
export function temporalUiOrigin(config: { temporal: { address?: string }; ports: { temporalUi: number } }, env: Record<string, string | undefined> = process.env): string | undefined {
  const raw = env.TEMPORAL_UI_URL;
  if (raw) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new ConfigError('TEMPORAL_UI_URL', `must be the URL of the Temporal Web UI (http or https), got "${raw}"`);
    }
    if (!['http:', 'https:'].includes(url.protocol)) throw new ConfigError('TEMPORAL_UI_URL', `must use http or https, got "${url.protocol}"`);
    return url.origin;
  }
  return config.temporal.address ? undefined : `http://127.0.0.1:${config.ports.temporalUi}`;
}

/** Mounted on the codec endpoint's path: answers preflights, marks answers to the allowed origin readable. */
export function codecCors(allowedOrigin: string | undefined): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('Origin');
    res.vary('Origin');
    const allowed = Boolean(origin && allowedOrigin && origin === allowedOrigin);
    if (allowed) {
      res.set('Access-Control-Allow-Origin', origin!);
      res.set('Access-Control-Allow-Credentials', 'true');
    }
    if (req.method !== 'OPTIONS') return next();
    // A preflight: 204 either way; only the allowed origin gets the permissions (a browser then refuses the rest).
    if (allowed) {
      res.set('Access-Control-Allow-Methods', 'POST');
      res.set('Access-Control-Allow-Headers', ALLOWED_HEADERS.join(', '));
      res.set('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
      // Chrome's Private Network Access: the UI and amtsweg both on loopback need no more, but a UI on another host might ask.
      if (req.get('Access-Control-Request-Private-Network') === 'true') res.set('Access-Control-Allow-Private-Network', 'true');
    }
    res.status(204).end();
  };
}
