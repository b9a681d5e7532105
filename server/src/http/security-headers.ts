import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every answer, apps and API alike (@fastify/helmet).
 *
 * The policy allows only this server's own files: the Vite builds have no inline script or style (checked by the
 * browser test), React sets styles through the DOM, which a policy does not restrict, and chart.js draws on a
 * canvas. `data:` images and media are the empty favicon and the board's silent unlock clip; `blob:` media is
 * the call audio the board fetches and plays. The voice is synthesized on the server (espeak-ng in a worker
 * thread there), so no WebAssembly runs in a browser and neither 'unsafe-eval' nor 'wasm-unsafe-eval' is needed.
 * `connect-src 'self'` covers the same-origin WebSocket. No page may be framed (the staff console could be, before).
 *
 * Left out on purpose: upgrade-insecure-requests and HSTS. The center's LAN is plain HTTP; either would send
 * browsers to an https:// that does not exist. HTTPS, where needed, is a reverse proxy's job, and so is HSTS.
 */
export async function securityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * Swagger UI (/api/docs) injects one constant <style> element from its bundle; the policy there allows exactly that
 * stylesheet by its hash and nothing else inline. A new Swagger UI version with another stylesheet shows up as a
 * violation in the browser test, whose message gives the new hash.
 */
const SWAGGER_UI_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

export function apiDocsPolicy(header: string): string {
  return header.replace("style-src 'self'", `style-src 'self' ${SWAGGER_UI_STYLE}`);
}
