import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { manifestSchema } from '../src/types/content.ts'
import { digestContentPlugin } from './vite-plugin.ts'

const GOOD = '---\ntitle: t\ndate: 2025-12-22T04:00:00+08:00\n---\n- [T](https://a.com/1)\n  text\n'
const BAD = GOOD.replace('https://a.com/1', 'javascript:alert(1)')

let tmp: string
let app: string
let content: string
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'pipeline-vite-'))
  app = join(tmp, 'app')
  content = join(tmp, 'content')
  await mkdir(app)
  await mkdir(content)
  await writeFile(join(app, 'index.html'), '<script type="module" src="/main.js"></script>\n')
  await writeFile(
    join(app, 'main.js'),
    "import { manifestFile } from 'virtual:digest-content'\nconsole.log(manifestFile)\n",
  )
})
afterAll(() => rm(tmp, { recursive: true, force: true }))

const viteBuild = (outDir: string) =>
  build({
    configFile: false,
    root: app,
    logLevel: 'silent',
    plugins: [digestContentPlugin({ root: content })],
    build: { outDir, emptyOutDir: true },
  })

describe('vite build', () => {
  test('emits the manifest, chunks and search data the bundle points at', async () => {
    await writeFile(join(content, 'a.md'), GOOD)
    const outDir = join(tmp, 'dist-good')
    await viteBuild(outDir)
    const data = await readdir(join(outDir, 'data'), { recursive: true })
    const manifestName = data.find((f) => /^manifest\.[0-9a-f]{12}\.json$/.test(f))!
    const manifest = manifestSchema.parse(
      JSON.parse(await readFile(join(outDir, 'data', manifestName), 'utf8')),
    )
    expect(data.sort()).toEqual(
      [manifestName, 'chunks', manifest.chunks['2025-12']!, manifest.search].sort(),
    )
    const [bundle] = await readdir(join(outDir, 'assets'))
    expect(await readFile(join(outDir, 'assets', bundle!), 'utf8')).toContain(
      `data/${manifestName}`,
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
    const mod = await server.transformRequest('virtual:digest-content')
    const name = /"(data\/manifest\.[0-9a-f]+\.json)"/.exec(mod!.code)![1]!
    const address = server.httpServer!.address() as { port: number }
    const response = await fetch(`http://localhost:${address.port}/${name}`)
    expect(response.status).toBe(200)
    expect(manifestSchema.parse(await response.json()).itemCount).toBe(1)
  })
})
