import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const projectRoot = fileURLToPath(new URL('../..', import.meta.url))
const viteBin = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url))

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** Builds the app into `outDir`, optionally from another digests folder or under a base path. */
export async function buildApp(options: {
  outDir: string
  digestsDir?: string
  base?: string
}): Promise<void> {
  const env = { ...process.env }
  if (options.digestsDir) env.DIGESTS_DIR = options.digestsDir
  if (options.base) env.BASE_PATH = options.base
  await run(
    process.execPath,
    [viteBin, 'build', '--outDir', options.outDir, '--emptyOutDir', '--logLevel', 'error'],
    env,
  )
}

export interface PreviewServer {
  url: string
  stop: () => Promise<void>
}

/** Serves a built app with `vite preview` on a free port; resolves once it answers. */
export async function startPreview(outDir = 'dist', base?: string): Promise<PreviewServer> {
  const port = await freePort()
  const env = { ...process.env, ...(base ? { BASE_PATH: base } : {}) }
  const child = spawn(
    process.execPath,
    [
      viteBin,
      'preview',
      '--outDir',
      outDir,
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const url = `http://127.0.0.1:${port}${base ?? '/'}`
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited:\n${output}`)
    try {
      const res = await fetch(url)
      if (res.ok) return { url: url.replace(/\/$/, ''), stop: () => stop(child) }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  await stop(child)
  throw new Error(`vite preview did not answer on ${url}:\n${output}`)
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} failed:\n${output}`)),
    )
  })
}
