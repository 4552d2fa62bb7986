// Which browser pages may call the API from another origin (CORS_ORIGINS).
// Bearer tokens travel in a header, never in cookies, so no origin is granted
// credentials: a page elsewhere can at most use a token it already holds.
import type { CorsOrigins } from '../config.js';

type CorsAnswer = { origin: string[]; credentials: false; exposedHeaders: string[]; maxAge: number } | false;

/** yoga's `cors` option for the configured origins. */
export function corsFor(origins: CorsOrigins) {
  const allow = (origin: string): CorsAnswer => ({ origin: [origin], credentials: false, exposedHeaders: ['Retry-After'], maxAge: 600 });
  return (request: Request): CorsAnswer => {
    const origin = request.headers.get('origin');
    if (!origin) return false;
    if (origins === '*' || origins.includes(origin)) return allow(origin);
    // Not listed: no CORS headers at all, so the browser keeps the answer from the page.
    return false;
  };
}
