import { readFileSync } from 'node:fs'
import { describe, expect, test, vi } from 'vitest'
import type { IndexHtmlTransformHook, UserConfig } from 'vite'
import {
  contentSecurityPolicy,
  cspMetaPlugin,
  SECURITY_HEADERS,
  SUBRESOURCE_HEADERS,
} from '../deploy/security-headers'
import { FEEDS } from '../pipeline/feeds'
import { THEME_STORAGE_KEY } from '../src/features/preferences/hooks/use-theme'

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')

/** `add_header Name "value" always;` lines of an nginx include. */
function nginxHeaders(conf: string): Record<string, string> {
  const found: Record<string, string> = {}
  for (const [, name, value] of conf.matchAll(/^add_header (\S+) "([^"]*)" always;$/gm)) {
    found[name!] = value!
  }
  return found
}

/** The headers of one path block of a Netlify / Cloudflare Pages `_headers` file. */
function netlifyHeaders(file: string, path: string): Record<string, string> {
  const found: Record<string, string> = {}
  let inBlock = false
  for (const line of file.split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue
    if (!line.startsWith(' ')) inBlock = line.trim() === path
    else if (inBlock) {
      const [, name, value] = /^\s+([^:]+):\s*(.*)$/.exec(line)!
      found[name!] = value!
    }
  }
  return found
}

/** An nginx `location … { … }` block, with at most one level of braces inside (`types { }`). */
const NGINX_LOCATION = /location [^{]+\{(?:[^{}]|\{[^{}]*\})*\}/g

/** The block of the nginx location with this exact head (`= /feeds/atom.xml`, `/`). */
function nginxLocation(conf: string, head: string): string | undefined {
  return conf.match(NGINX_LOCATION)?.find((block) => block.startsWith(`location ${head} {`))
}

function transformIndex(html: string): string {
  const hook = cspMetaPlugin().transformIndexHtml as IndexHtmlTransformHook
  return hook.call({} as never, html, {} as never) as string
}

describe('the Content-Security-Policy', () => {
  test('forbids inline script and eval, plugins, <base> and framing; allows the worker', () => {
    const policy = contentSecurityPolicy({ meta: false })
    expect(policy).toMatch(/(^|; )script-src 'self'(;|$)/)
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
    for (const directive of [
      "default-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "worker-src 'self'",
    ]) {
      expect(policy.split('; ')).toContain(directive)
    }
  })

  test('the built index.html carries it in a <meta> before any script, without frame-ancestors', () => {
    const html = transformIndex(read('index.html'))
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)" \/>/.exec(html)
    expect(meta).not.toBeNull()
    expect(meta![1]!.replaceAll('&#39;', "'")).toBe(contentSecurityPolicy({ meta: true }))
    expect(meta![1]).not.toContain('frame-ancestors')
    expect(html.indexOf(meta![0])).toBeLessThan(html.indexOf('<script'))
    expect(html.indexOf('<meta charset')).toBeLessThan(html.indexOf(meta![0]))
  })

  test('index.html has no inline script: every <script> loads a file', () => {
    const scripts = [...read('index.html').matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\ssrc="/)
      expect(body!.trim()).toBe('')
    }
  })

  test("the theme script reads the theme hook's storage key", () => {
    expect(read('public/theme.js')).toContain(`localStorage.getItem('${THEME_STORAGE_KEY}')`)
  })
})

describe('deploy configs send the same security headers', () => {
  test('nginx (deploy/nginx/headers.conf)', () => {
    expect(nginxHeaders(read('deploy/nginx/headers.conf'))).toEqual(SECURITY_HEADERS)
  })

  test('nginx (deploy/nginx/subresource-headers.conf): nosniff, and a policy that allows nothing', () => {
    expect(nginxHeaders(read('deploy/nginx/subresource-headers.conf'))).toEqual(SUBRESOURCE_HEADERS)
    expect(SUBRESOURCE_HEADERS['Content-Security-Policy']).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    )
    expect(SUBRESOURCE_HEADERS['X-Content-Type-Options']).toBe('nosniff')
  })

  test('every nginx location includes one of them: pages and workers all, fetched files their own', () => {
    const conf = read('deploy/nginx/digest-reader.conf')
    const locations = conf.match(NGINX_LOCATION) ?? []
    expect(locations.length).toBeGreaterThanOrEqual(3)
    const includes = (block: string | undefined) =>
      [...(block ?? '').matchAll(/include \S+\/([\w-]+\.conf);/g)].map((m) => m[1])
    for (const location of locations) expect(includes(location)).toHaveLength(1)
    // Code and data are fetched, never shown as a page.
    for (const head of ['/assets/', '/data/'])
      expect(includes(nginxLocation(conf, head)), head).toEqual(['subresource-headers.conf'])
    // Pages, the service worker and the search worker run under their own response's headers.
    for (const head of ['/', '= /sw.js', '~ ^/assets/search\\.worker-[^/]+\\.js$'])
      expect(includes(nginxLocation(conf, head)), head).toEqual(['headers.conf'])
  })

  test('Netlify / Cloudflare Pages (deploy/netlify/_headers)', () => {
    const file = read('deploy/netlify/_headers')
    expect(netlifyHeaders(file, '/*')).toEqual(SECURITY_HEADERS)
    for (const path of ['/assets/*', '/data/*']) {
      expect(netlifyHeaders(file, path)).toEqual({
        'Cache-Control': 'public, max-age=31536000, immutable',
      })
    }
  })

  test('the service worker and the manifest are revalidated; the manifest has its type', () => {
    const conf = read('deploy/nginx/digest-reader.conf')
    const netlify = read('deploy/netlify/_headers')
    for (const file of ['sw.js', 'manifest.webmanifest']) {
      const block = conf.match(/location [^{]+\{[^}]*\}/g)?.find((l) => l.includes(`= /${file} `))
      expect(block, file).toContain('add_header Cache-Control "no-cache" always;')
      expect(netlifyHeaders(netlify, `/${file}`)['Cache-Control'], file).toBe('no-cache')
    }
    expect(conf).toMatch(
      /= \/manifest\.webmanifest \{[^}]*default_type application\/manifest\+json;/,
    )
    expect(netlifyHeaders(netlify, '/manifest.webmanifest')['Content-Type']).toBe(
      'application/manifest+json',
    )
  })

  test('Netlify answers deep links with the app, but missing data and code with a 404', () => {
    const rules = read('deploy/netlify/_redirects')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => l.trim().split(/\s+/))
    expect(rules.at(-1)).toEqual(['/*', '/index.html', '200'])
    const data = rules.findIndex((r) => r[0] === '/data/*')
    const assets = rules.findIndex((r) => r[0] === '/assets/*')
    expect(rules[data]?.[2]).toBe('404')
    expect(rules[assets]?.[2]).toBe('404')
    expect(Math.max(data, assets)).toBeLessThan(rules.length - 1)
  })
})

describe('feeds and link-preview pages in the deploy configs', () => {
  const conf = read('deploy/nginx/digest-reader.conf')

  test('nginx sends each feed with its own type and revalidates it', () => {
    for (const { file, type } of FEEDS) {
      const block = nginxLocation(conf, file === 'feeds/rss.xml' ? '/feeds/' : `= /${file}`)
      expect(block, file).toBeDefined()
      expect(block).toContain(`default_type ${type};`)
      expect(block).toContain(`charset_types ${type};`)
      expect(block).toContain('add_header Cache-Control "no-cache" always;')
      expect(block).toContain('try_files $uri =404;')
    }
    const gzipTypes = /gzip_types ([^;]*);/.exec(conf)?.[1]?.split(/\s+/)
    for (const { type } of FEEDS) expect(gzipTypes).toContain(type)
  })

  test('nginx answers /digests/<id> and /items/<id> with their .html page, else the app', () => {
    expect(nginxLocation(conf, '/')).toContain('try_files $uri $uri.html /index.html;')
  })

  test('Netlify / Cloudflare Pages send each feed with its own type; a missing feed is a 404', () => {
    const file = read('deploy/netlify/_headers')
    for (const { file: name, type } of FEEDS) {
      expect(netlifyHeaders(file, `/${name}`), name).toEqual({
        'Content-Type': `${type}; charset=utf-8`,
      })
    }
    expect(netlifyHeaders(file, '/feeds/topics/*')).toEqual({
      'Content-Type': 'application/rss+xml; charset=utf-8',
    })
    const rules = read('deploy/netlify/_redirects').split('\n')
    expect(rules.map((l) => l.trim().split(/\s+/))).toContainEqual([
      '/feeds/*',
      '/index.html',
      '404',
    ])
  })
})

describe('source maps', () => {
  /** vite.config.ts as loaded with the given SOURCEMAP (it reads the variable when imported). */
  async function buildSourcemap(value: string | undefined) {
    vi.resetModules()
    vi.stubEnv('SOURCEMAP', value)
    try {
      const config = (await import('../vite.config')).default as UserConfig
      return config.build?.sourcemap
    } finally {
      vi.unstubAllEnvs()
    }
  }

  // Loading the config loads its plugins (and Vite): slow on a busy machine.
  test(
    'are left out of production builds unless SOURCEMAP=1 asks for them',
    { timeout: 30_000 },
    async () => {
      expect(await buildSourcemap(undefined)).toBe(false)
      expect(await buildSourcemap('0')).toBe(false)
      expect(await buildSourcemap('1')).toBe(true)
    },
  )
})
