import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

/** What is precompressed: the app's code and styles (JSON is compressed by the server on the fly). */
const COMPRESSIBLE = /\.(js|css|svg)$/

/**
 * Writes `.br` and `.gz` beside every JS, CSS and SVG file of a build, at the strongest levels:
 * servers that look for them (nginx's brotli_static/gzip_static, see deploy/) send the smaller
 * file with no work per request. Code changes only with a release, so the cost is paid once.
 */
export function precompressPlugin(): Plugin {
  let outDir = 'dist'
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir
    },
    async writeBundle() {
      const dir = join(outDir, 'assets')
      const names = (await readdir(dir).catch(() => [] as string[])).filter((n) =>
        COMPRESSIBLE.test(n),
      )
      await Promise.all(
        names.map(async (name) => {
          const source = await readFile(join(dir, name))
          await writeFile(
            join(dir, `${name}.br`),
            brotliCompressSync(source, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 11,
                [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
              },
            }),
          )
          await writeFile(join(dir, `${name}.gz`), gzipSync(source, { level: 9 }))
        }),
      )
    },
  }
}
