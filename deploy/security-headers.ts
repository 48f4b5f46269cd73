import type { Plugin } from 'vite'

/**
 * The app's Content-Security-Policy, one directive per entry. Everything is served from the app's
 * own origin: scripts, styles (Tailwind's one CSS file; React sets `style` through the CSSOM, which
 * CSP allows), the data files and the search worker. No 'unsafe-inline' and no 'unsafe-eval': the
 * theme runs from public/theme.js, and valibot never compiles code at run time.
 */
const DIRECTIVES: [string, string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self'"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'self'"],
  // Browsers ignore frame-ancestors in a <meta> policy (and log an error for it): headers only.
  ['frame-ancestors', "'none'"],
]

/** The policy as a header value; `{ meta: true }` leaves out what a <meta> tag may not carry. */
export function contentSecurityPolicy(options: { meta: boolean }): string {
  return DIRECTIVES.filter(([name]) => !(options.meta && name === 'frame-ancestors'))
    .map(([name, value]) => `${name} ${value}`)
    .join('; ')
}

/**
 * Headers of every page and worker script, in every deploy config (deploy/nginx/headers.conf,
 * deploy/netlify/_headers, where they go on every response: see SUBRESOURCE_HEADERS);
 * test/deploy-configs.test.ts checks that those files say exactly this.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy({ meta: false }),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // The app uses none of these; saying so keeps an injected script from asking for them.
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  // For browsers older than frame-ancestors.
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

/**
 * Headers of responses that are never a page or a worker: the code, styles and data files the app
 * fetches (nginx's /assets/ and /data/, the search worker's script excepted). The document-only
 * headers above do nothing on a fetched file: a policy, a referrer policy or a permissions policy
 * governs a document or worker, framing and opener rules a document. Over HTTP/1.1 they cost about
 * 430 bytes on every response, some 3 KB of the first screen's 150 KB. What stays: nosniff, and a
 * policy under which a file opened as a page can run, load and frame nothing.
 */
export const SUBRESOURCE_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
}

/**
 * Puts the policy into the built index.html as a <meta> tag, right after the charset and before
 * every script, so it covers them all: hosts that cannot send headers (GitHub Pages) still get it.
 * Not in `vite dev`, whose hot-reload client runs inline scripts.
 */
export function cspMetaPlugin(): Plugin {
  const charset = /<meta charset="[^"]*"\s*\/?>/i
  return {
    name: 'csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      if (!charset.test(html)) throw new Error('index.html: no <meta charset> to put the CSP after')
      const policy = contentSecurityPolicy({ meta: true }).replaceAll("'", '&#39;')
      const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`
      return html.replace(charset, (tag) => `${tag}\n    ${meta}`)
    },
  }
}
