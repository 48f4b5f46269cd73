import * as v from 'valibot'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { headSchema } from '../src/types/content.ts'
import type { ContentSource } from './publishers.ts'
import { digestContentPlugin } from './vite-plugin.ts'

/** Lets a test hold one read of the content folder, as a slow disk would, and count overlaps. */
const reads = vi.hoisted(() => ({
  hold: undefined as Promise<void> | undefined,
  held: undefined as Promise<unknown> | undefined,
  /** Called once the held read has its (by then old) content in hand. */
  onHeld: () => {},
  active: 0,
  maxActive: 0,
}))
/** Every file the compiler read, in order: the dev server must recompile only what changed. */
const compiledFiles = vi.hoisted(() => [] as string[])
vi.mock('./compile-file.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./compile-file.ts')>()
  return {
    ...real,
    compileFile: (...args: Parameters<typeof real.compileFile>) => {
      compiledFiles.push(args[0].path)
      return real.compileFile(...args)
    },
  }
})
vi.mock('./fs-content.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./fs-content.ts')>()
  const readContentDir = async (root: string): Promise<ContentSource> => {
    reads.active += 1
    reads.maxActive = Math.max(reads.maxActive, reads.active)
    try {
      const source = await real.readContentDir(root)
      const hold = reads.hold
      reads.hold = undefined
      if (hold) {
        reads.onHeld()
        await hold
      }
      return source
    } finally {
      reads.active -= 1
    }
  }
  return {
    ...real,
    readContentDir: (root: string) => {
      const promise = readContentDir(root)
      if (reads.hold) reads.held = promise
      return promise
    },
  }
})

const GOOD = '---\ntitle: t\ndate: 2025-12-22T04:00:00+08:00\n---\n- [T](https://a.com/1)\n  text\n'
const BAD = GOOD.replace('https://a.com/1', 'javascript:alert(1)')
const INDEX_HTML =
  '<!doctype html><html><head><title>t</title></head><body><script type="module" src="/main.js"></script></body></html>\n'

/** The head's path index.html names, from its preload link. */
const headLinkOf = (html: string) => {
  const link = /<link [^>]*data-digest-head="([^"]+)"[^>]*>/.exec(html)
  return link && { path: link[1]!, tag: link[0] }
}

let tmp: string
let app: string
let content: string
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'pipeline-vite-'))
  app = join(tmp, 'app')
  content = join(tmp, 'content')
  await mkdir(app)
  await mkdir(content)
  await writeFile(join(app, 'index.html'), INDEX_HTML)
  await writeFile(
    join(app, 'main.js'),
    "import { headFile } from 'virtual:digest-content'\nconsole.log(headFile)\n",
  )
})
afterAll(() => rm(tmp, { recursive: true, force: true }))

const viteBuild = (outDir: string) =>
  build({
    configFile: false,
    root: app,
    logLevel: 'silent',
    plugins: [digestContentPlugin({ root: content, cache: false })],
    build: { outDir, emptyOutDir: true },
  })

describe('vite build', () => {
  test('emits the head and every file it points at', async () => {
    await writeFile(join(content, 'a.md'), GOOD)
    const outDir = join(tmp, 'dist-good')
    await viteBuild(outDir)
    const data = await readdir(join(outDir, 'data'), { recursive: true })
    const headName = data.find((f) => /^head\.[0-9a-f]{12}\.json$/.test(f))!
    const head = v.parse(
      headSchema,
      JSON.parse(await readFile(join(outDir, 'data', headName), 'utf8')),
    )
    for (const file of [head.aggregates, head.search, ...head.months.map((m) => m.file)]) {
      expect(data).toContain(file)
    }
    expect(data).toContain(head.newest[0]!.chunk)
    // index.html preloads the head and names it for the app.
    const link = headLinkOf(await readFile(join(outDir, 'index.html'), 'utf8'))!
    expect(link.path).toBe(`data/${headName}`)
    expect(link.tag).toContain(`href="/data/${headName}"`)
    expect(link.tag).toMatch(/rel="preload"/)
    expect(link.tag).toMatch(/as="fetch"/)
    expect(link.tag).toMatch(/crossorigin/)
  })

  test('new digests change index.html and the data, never the JS bundle', async () => {
    const assetsOf = async (outDir: string) => {
      const names = (await readdir(join(outDir, 'assets'))).sort()
      return Promise.all(
        names.map(async (n) => [n, await readFile(join(outDir, 'assets', n), 'utf8')]),
      )
    }
    await writeFile(join(content, 'a.md'), GOOD)
    await viteBuild(join(tmp, 'dist-before'))
    await writeFile(join(content, 'b.md'), GOOD.replace('T04:00', 'T08:00'))
    try {
      await viteBuild(join(tmp, 'dist-after'))
    } finally {
      await rm(join(content, 'b.md'))
    }
    const [before, after] = await Promise.all(
      ['dist-before', 'dist-after'].map((d) => readFile(join(tmp, d, 'index.html'), 'utf8')),
    )
    expect(headLinkOf(after)!.path).not.toBe(headLinkOf(before)!.path)
    expect(await assetsOf(join(tmp, 'dist-after'))).toEqual(
      await assetsOf(join(tmp, 'dist-before')),
    )
  })

  test('fails on a digest with an error and names file:line:col', async () => {
    await writeFile(join(content, 'a.md'), BAD)
    await expect(viteBuild(join(tmp, 'dist-bad'))).rejects.toThrow(
      `${content}/a.md:5:3: link is not http(s): "javascript:alert(1)"`,
    )
  })
})

describe('vite dev', () => {
  let server: ViteDevServer
  const sent: { type: string; err?: { message: string; loc?: unknown } }[] = []
  afterAll(() => server?.close())

  test('starts with broken content, shows the error, and recovers when the digest is fixed', async () => {
    await writeFile(join(content, 'a.md'), BAD)
    server = await createServer({
      configFile: false,
      root: app,
      logLevel: 'silent',
      plugins: [digestContentPlugin({ root: content })],
      server: { port: 0, watch: null, hmr: false },
    })
    await server.listen()
    const send = server.ws.send.bind(server.ws)
    server.ws.send = ((payload: (typeof sent)[number]) => {
      sent.push(payload)
      return send(payload as never)
    }) as typeof server.ws.send
    await expect(server.transformRequest('virtual:digest-content')).rejects.toThrow(
      `${content}/a.md:5:3: link is not http(s)`,
    )

    // An edit is announced by the watcher; fire its event directly instead of waiting for it.
    await writeFile(join(content, 'a.md'), BAD.replace('title: t', 'title: u'))
    server.watcher.emit('change', join(content, 'a.md'))
    await expect.poll(() => sent.at(-1)?.type).toBe('error')
    expect(sent.at(-1)!.err!.message).toContain(`${content}/a.md:5:3: link is not http(s)`)
    expect(sent.at(-1)!.err!.loc).toEqual({ file: join(content, 'a.md'), line: 5, column: 3 })

    await writeFile(join(content, 'a.md'), GOOD)
    server.watcher.emit('change', join(content, 'a.md'))
    await expect.poll(() => sent.at(-1)?.type).toBe('full-reload')
    expect((await server.transformRequest('virtual:digest-content'))!.code).toContain(
      'data-digest-head',
    )
    const name = headLinkOf(await server.transformIndexHtml('/', INDEX_HTML))!.path
    const address = server.httpServer!.address() as { port: number }
    const response = await fetch(`http://localhost:${address.port}/${name}`)
    expect(response.status).toBe(200)
    expect(v.parse(headSchema, await response.json()).itemCount).toBe(1)
  })

  test('a changed digest recompiles alone; the others come from the cache', async () => {
    await writeFile(join(content, 'b.md'), GOOD.replace('T04:00', 'T08:00'))
    server.watcher.emit('add', join(content, 'b.md'))
    await expect.poll(() => compiledFiles.includes('b.md')).toBe(true)
    compiledFiles.length = 0
    await writeFile(join(content, 'b.md'), GOOD.replace('T04:00', 'T08:00').replace('text', 'new'))
    const reloads = sent.filter((p) => p.type === 'full-reload').length
    server.watcher.emit('change', join(content, 'b.md'))
    await expect.poll(() => sent.filter((p) => p.type === 'full-reload').length).toBe(reloads + 1)
    expect(compiledFiles).toEqual(['b.md'])
    await rm(join(content, 'b.md'))
    server.watcher.emit('unlink', join(content, 'b.md'))
    await expect.poll(() => sent.filter((p) => p.type === 'full-reload').length).toBe(reloads + 2)
  })

  test('a burst of changes ends with the newest content, compiled one run at a time', async () => {
    const withItems = (n: number) =>
      GOOD.replace(
        '- [T](https://a.com/1)\n',
        Array.from({ length: n }, (_, i) => `- [T${i}](https://a.com/${i})\n`).join(''),
      )
    const servedItemCount = async () => {
      const name = headLinkOf(await server.transformIndexHtml('/', INDEX_HTML))!.path
      const address = server.httpServer!.address() as { port: number }
      const response = await fetch(`http://localhost:${address.port}/${name}`)
      return v.parse(headSchema, await response.json()).itemCount
    }
    const reloadsBefore = sent.filter((p) => p.type === 'full-reload').length
    reads.maxActive = 0
    let release!: () => void
    reads.hold = new Promise<void>((resolve) => (release = resolve))
    const heldRead = new Promise<void>((resolve) => (reads.onHeld = resolve))

    // The first change's read of the folder is slow; a second change lands while it is held.
    await writeFile(join(content, 'a.md'), withItems(2))
    server.watcher.emit('change', join(content, 'a.md'))
    const held = reads.held!
    await heldRead
    await writeFile(join(content, 'a.md'), withItems(3))
    server.watcher.emit('change', join(content, 'a.md'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    release()
    await held
    await new Promise((resolve) => setTimeout(resolve, 0))

    await expect.poll(servedItemCount).toBe(3)
    expect(reads.maxActive).toBe(1)
    await expect
      .poll(() => sent.filter((p) => p.type === 'full-reload').length)
      .toBe(reloadsBefore + 1)
  })
})
