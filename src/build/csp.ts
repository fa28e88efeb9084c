// The page's promise — nothing leaves the browser — enforced by the browser itself. Only in
// production builds: the dev server needs a WebSocket for hot reload. README explains each part.
import type { Plugin } from 'vite';

/** The policy, given where scripts and styles may come from. */
export function contentSecurityPolicy(scriptSrc: string[], styleSrc: string[]): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc.join(' ')}`,
    `style-src ${styleSrc.join(' ')}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'none'",
    // blob: the parse worker starts from a blob: URL, so that it inherits this policy.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The policy as the first element of <head>, for the page served from its own origin. */
export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'kvp-analyzer:csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: contentSecurityPolicy(["'self'"], ["'self'"]),
        },
        injectTo: 'head-prepend',
      },
    ],
  };
}
