import { join, relative, resolve, sep } from 'node:path'
import type { Plugin, ViteDevServer } from 'vite'
import type { CompiledContent } from './assemble.ts'
import type { ItemPages } from './link-previews-write.ts'
import { memoryCache } from './compile-cache.ts'
import { compileDir } from './compile-dir.ts'
import { ContentError, formatDiagnostic } from './diagnostics.ts'
import { contentRoot } from './fs-content.ts'
import { createProgress } from './progress.ts'
import { publishedFiles } from './feeds-publish.ts'

const VIRTUAL_ID = 'virtual:digest-content'
const RESOLVED_ID = '\0' + VIRTUAL_ID
/** Compiled data lives under `<base>data/` in the built app and on the dev server. */
export const DATA_DIR = 'data'
const WARNINGS_SHOWN = 20

/** The attribute on index.html's head `<link>` that carries its path relative to the base. */
export const HEAD_ATTRIBUTE = 'data-digest-head'

/**
 * The virtual module the app imports the head's path from. It reads the path from index.html
 * rather than holding it, so the JS bundle does not change when only the digests do: a publisher
 * adding a digest every four hours must not make every reader download the app again.
 */
const VIRTUAL_MODULE = `const link = document.querySelector('link[${HEAD_ATTRIBUTE}]')
export const headFile = link ? link.getAttribute('${HEAD_ATTRIBUTE}') : null
`

/**
 * Compiles the digests when Vite builds or serves the app. `vite build` emits the JSON files as
 * assets; `vite dev` serves them from memory and recompiles (or shows the errors in the overlay)
 * whenever a digest changes. index.html gets a `<link rel="preload">` to the head, so the
 * browser fetches it alongside the JS, and the app learns its path from that link.
 */
export function digestContentPlugin(
  options: {
    root?: string
    /** `vite build`'s cache folder, or false for none. */ cache?: string | false
    /** Which item link-preview pages a build writes (default all; see feeds-publish.ts). */
    itemPages?: ItemPages
  } = {},
): Plugin {
  const root = resolve(options.root ?? contentRoot())
  let compiled: CompiledContent | undefined
  let failure: ContentError | undefined
  let base = '/'
  let command: 'build' | 'serve' = 'build'
  // Diagnostics name files as the user sees them: relative to the project when inside it.
  const shownRoot = relative(process.cwd(), root).startsWith('..')
    ? root
    : relative(process.cwd(), root) || '.'

  // The dev server keeps its cache in memory, so a changed digest recompiles alone; builds use the
  // cache on disk the CLI uses.
  const devCache = memoryCache()
  const compileOnce = async (): Promise<void> => {
    const result = await compileDir(root, {
      cache: command === 'serve' ? devCache : options.cache,
      progress: command === 'build' ? createProgress() : undefined,
    })
    if (command === 'build') {
      console.log(`digests compiled in ${(result.ms / 1000).toFixed(2)} s`)
    }
    // A large lenient archive can carry thousands of warnings: show the first few and a count;
    // `npm run content -- --check` lists them all.
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning')
    for (const d of warnings.slice(0, WARNINGS_SHOWN)) console.warn(formatDiagnostic(d, shownRoot))
    if (warnings.length > WARNINGS_SHOWN) {
      console.warn(
        `… and ${warnings.length - WARNINGS_SHOWN} more warning(s); run \`npm run content -- --check\` to list them all`,
      )
    }
    if (result.ok) {
      compiled = result.content
      failure = undefined
    } else {
      failure = new ContentError(result.diagnostics, shownRoot)
    }
  }

  // One compile at a time: file events arrive in bursts (`git checkout` touches many digests) and
  // overlapping compiles could finish out of order, leaving an older result in place. Events during
  // a compile mark it stale, and it runs once more when done, so the last result is always the
  // newest content; every caller waits for that.
  let running: Promise<void> | undefined
  let stale = false
  const compile = (): Promise<void> => {
    stale = true
    running ??= (async () => {
      try {
        while (stale) {
          stale = false
          await compileOnce()
        }
      } finally {
        running = undefined
      }
    })()
    return running
  }

  const headFile = () => `${DATA_DIR}/head.${compiled!.head.contentHash}.json`
  // Feeds and link-preview pages: built only by `vite build` (they need the site's public URL).
  const published = publishedFiles({ itemPages: options.itemPages })

  return {
    name: 'digest-content',
    configResolved(config) {
      base = config.base
      command = config.command
      if (command === 'build') published.configure(base)
    },
    async buildStart() {
      await compile()
      // The dev server keeps running with broken content: the app's import of the virtual module
      // fails instead, which puts the errors in the overlay until a digest is fixed.
      if (failure && command === 'build') this.error(failure.message)
      if (failure) console.error(failure.message)
      this.addWatchFile(root)
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined
      if (failure) throw failure
      return VIRTUAL_MODULE
    },
    transformIndexHtml() {
      if (!compiled) return []
      return [
        {
          tag: 'link',
          // `crossorigin` makes the preload's request match the app's fetch(), so it is reused.
          attrs: {
            rel: 'preload',
            as: 'fetch',
            crossorigin: true,
            href: `${base}${headFile()}`,
            [HEAD_ATTRIBUTE]: headFile(),
          },
          injectTo: 'head',
        },
        ...(command === 'build' ? published.headTags() : []),
      ]
    },
    generateBundle() {
      if (!compiled) return
      this.emitFile({ type: 'asset', fileName: headFile(), source: compiled.headJson })
      for (const [name, text] of compiled.files) {
        this.emitFile({ type: 'asset', fileName: `${DATA_DIR}/${name}`, source: text.text() })
      }
      for (const feed of published.feeds(compiled))
        this.emitFile({ type: 'asset', fileName: feed.file, source: feed.text })
    },
    async writeBundle(output, bundle) {
      const html = bundle['index.html']
      if (!compiled || !output.dir || html?.type !== 'asset') return
      await published.previews(compiled, { outDir: output.dir, indexHtml: String(html.source) })
    },
    configureServer(server) {
      server.watcher.add(root)
      let lastChange = 0
      const onChange = async (path: string) => {
        // Only digests and publisher configs under the content root (not `<root>-old/`, not swap files).
        if (!path.startsWith(root + sep) || !/(\.md|\/publisher\.json|\/topics\.yml)$/i.test(path))
          return
        const change = ++lastChange
        await compile()
        // A burst of changes shares one compile run: only the latest change reloads the page.
        if (change !== lastChange) return
        const mod = server.moduleGraph.getModuleById(RESOLVED_ID)
        if (mod) server.moduleGraph.invalidateModule(mod)
        if (failure) reportError(server, failure, root)
        else server.ws.send({ type: 'full-reload' })
      }
      server.watcher.on('change', onChange)
      server.watcher.on('add', onChange)
      server.watcher.on('unlink', onChange)
      server.middlewares.use((req, res, next) => {
        const prefix = `${base}${DATA_DIR}/`
        const url = req.url?.split('?')[0] ?? ''
        if (!compiled || !url.startsWith(prefix)) return next()
        const name = url.slice(prefix.length)
        const body =
          name === headFile().slice(DATA_DIR.length + 1)
            ? compiled.headJson
            : compiled.files.get(name)?.text()
        if (body === undefined) return next()
        res.setHeader('Content-Type', 'application/json; charset=utf-8')
        res.end(body)
      })
    },
  }
}

function reportError(server: ViteDevServer, error: ContentError, root: string): void {
  const first = error.diagnostics.find((d) => d.severity === 'error')
  const file = first && join(root, first.file)
  server.ws.send({
    type: 'error',
    err: {
      message: error.message,
      stack: '',
      plugin: 'digest-content',
      id: file,
      // The overlay links the first problem so a click opens the digest in the editor.
      loc: first && { file, line: first.line, column: first.col },
    },
  })
}
