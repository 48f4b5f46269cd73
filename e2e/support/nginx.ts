import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from './server'

const deployDir = fileURLToPath(new URL('../../deploy/nginx/', import.meta.url))
const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx'

/** Whether Debian's nginx is installed (CI installs it; see .ci/run). */
export const hasNginx = () => existsSync(NGINX)

export interface NginxServer {
  url: string
  stop: () => Promise<void>
}

/**
 * Serves a built app with the project's own nginx config (deploy/nginx/), as it is deployed: the
 * same server block, only its `listen` and `root` pointed at a free port and `distDir`, inside a
 * throwaway prefix so nothing on the machine is touched.
 */
export async function startNginx(distDir: string): Promise<NginxServer> {
  const port = await freePort()
  const prefix = mkdtempSync(join(tmpdir(), 'nginx-'))
  const server = readFileSync(join(deployDir, 'digest-reader.conf'), 'utf8')
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replace(/root \/srv\/digest-reader;/, `root ${resolve(distDir)};`)
    .replaceAll('/etc/nginx/digest-reader/', deployDir)
  const modules = ['ngx_http_brotli_filter_module.so', 'ngx_http_brotli_static_module.so']
    .map((m) => `/usr/lib/nginx/modules/${m}`)
    .filter((m) => existsSync(m))
    .map((m) => `load_module ${m};`)
  writeFileSync(
    join(prefix, 'nginx.conf'),
    [
      ...modules,
      'daemon off;',
      'worker_processes 1;',
      `pid ${prefix}/nginx.pid;`,
      `error_log ${prefix}/error.log warn;`,
      'events { worker_connections 256; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      `  access_log off;`,
      `  client_body_temp_path ${prefix}/body;`,
      `  proxy_temp_path ${prefix}/proxy;`,
      `  fastcgi_temp_path ${prefix}/fastcgi;`,
      `  uwsgi_temp_path ${prefix}/uwsgi;`,
      `  scgi_temp_path ${prefix}/scgi;`,
      server,
      '}',
    ].join('\n'),
  )
  const test = spawnSync(NGINX, ['-t', '-p', prefix, '-c', join(prefix, 'nginx.conf')], {
    encoding: 'utf8',
  })
  if (test.status !== 0) throw new Error(`nginx config test failed:\n${test.stderr}`)
  const child: ChildProcess = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let output = ''
  child.stderr?.on('data', (d) => (output += d))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited:\n${output}`)
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    ) {
      return {
        url,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => {
              rmSync(prefix, { recursive: true, force: true })
              done()
            })
            child.kill('SIGQUIT')
          }),
      }
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  child.kill('SIGKILL')
  throw new Error(`nginx did not answer on ${url}:\n${output}`)
}
