import * as v from 'valibot'
import type { Diagnostic } from './diagnostics.ts'
import { shortHash } from './ids.ts'
import { parseTopicAliases, TOPICS_FILE, type AliasEntry } from './topic-aliases.ts'
import {
  configIssue,
  configSchema,
  type PublisherFileConfig,
  type ShapeHints,
} from './publisher-schema.ts'

/** The default publisher: digests at the content root, unless a folder's config claims default. */
export const DEFAULT_PUBLISHER = 'default'
export const PUBLISHER_CONFIG = 'publisher.json'

export interface PublisherConfig {
  id: string
  name: string
  mode: 'strict' | 'lenient'
  timeZone: string
  /** Prepended to digest ids so ids stay unique across publishers. */
  idPrefix: string
  /** Shape hints from publisher.json; the built-in heuristics read everything they leave open. */
  shape?: ShapeHints
}

export interface SourceFile {
  /** Path relative to the content root, with `/` separators. */
  path: string
  publisher: string
  /** The file's text: read on first use when the last build vouched for an unchanged file. */
  readonly text: string
  /** A hash of `text`, what cache keys use: known without reading a file that did not change. */
  textHash: string
}

/** A file as read from the content root; `textHash` is given when its text is not read yet. */
export interface ContentEntry {
  path: string
  readonly text: string
  textHash?: string
}

/** The hash `SourceFile.textHash` holds. */
export const textHashOf = (text: string) => shortHash(text, 32)

export interface ContentSource {
  files: SourceFile[]
  publishers: Map<string, PublisherConfig>
  /** The alias file's topics (`topics.yml` at the root), empty without one. */
  aliases: AliasEntry[]
  diagnostics: Diagnostic[]
}

/**
 * Groups content-root files by publisher (a top-level folder holding a `publisher.json`; every
 * other file belongs to the default publisher) and reads the configs. Pure: takes file paths and
 * texts, so tests need no disk.
 */
export function groupContent(entries: ContentEntry[]): ContentSource {
  const diagnostics: Diagnostic[] = []
  const publishers = new Map<string, PublisherConfig>()
  const configs = new Map<string, PublisherFileConfig>()
  let aliases: AliasEntry[] = []

  const aliasFile = entries.find((e) => e.path === TOPICS_FILE)
  if (aliasFile) {
    const parsed = parseTopicAliases(aliasFile.text)
    aliases = parsed.entries
    diagnostics.push(...parsed.diagnostics)
  }

  for (const entry of entries) {
    const parts = entry.path.split('/')
    if (parts.length !== 2 || parts[1] !== PUBLISHER_CONFIG) continue
    const id = parts[0]!
    let json: unknown
    try {
      json = JSON.parse(entry.text)
    } catch (error) {
      diagnostics.push(configError(entry.path, `invalid JSON: ${(error as Error).message}`))
      continue
    }
    const parsed = v.safeParse(configSchema, json)
    if (parsed.success) configs.set(id, parsed.output)
    else {
      for (const issue of parsed.issues) {
        const { message, line } = configIssue(entry.text, issue)
        diagnostics.push(configError(entry.path, message, line))
      }
    }
  }

  const defaults = [...configs].filter(([, c]) => c.default).map(([id]) => id)
  if (defaults.length > 1) {
    for (const id of defaults) {
      diagnostics.push(
        configError(
          `${id}/${PUBLISHER_CONFIG}`,
          `more than one default publisher: ${defaults.join(', ')}`,
        ),
      )
    }
  }

  const files: SourceFile[] = []
  for (const entry of entries) {
    if (!/\.md$/i.test(entry.path)) continue
    const parts = entry.path.split('/')
    // Only a folder with a publisher.json is a publisher of its own: a plain `2025/12/` layout
    // (or any other) stays with the strict default publisher and its unprefixed ids.
    const id = parts.length > 1 && configs.has(parts[0]!) ? parts[0]! : DEFAULT_PUBLISHER
    if (!publishers.has(id)) {
      const config = configs.get(id) ?? {}
      const isDefault = id === DEFAULT_PUBLISHER || config.default === true
      publishers.set(id, {
        id,
        name: config.name ?? id,
        mode: config.mode ?? (isDefault ? 'strict' : 'lenient'),
        timeZone: config.timeZone ?? 'Asia/Shanghai',
        idPrefix: isDefault ? '' : `${slugify(id)}-`,
        ...(config.shape ? { shape: config.shape } : {}),
      })
    }
    files.push(sourceFileOf(entry, id))
  }
  files.sort((a, b) => a.path.localeCompare(b.path))
  diagnostics.push(...prefixClashes([...publishers.values()]))
  return { files, publishers, aliases, diagnostics }
}

/** A digest file of `publisher`, its text still read only on first use (a getter, not a copy). */
function sourceFileOf(entry: ContentEntry, publisher: string): SourceFile {
  const textHash = entry.textHash ?? textHashOf(entry.text)
  return {
    path: entry.path,
    publisher,
    get text() {
      return entry.text
    },
    textHash,
  }
}

/**
 * Two folders whose names slug alike (`AI News`, `ai-news`) would share ids and chunk keys: an
 * error naming both. (The unprefixed default is shared on purpose: root-level files and a folder
 * with `"default": true` are one id space, where a clash is a duplicate digest id.)
 */
function prefixClashes(list: PublisherConfig[]): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const p of list) {
    if (!p.idPrefix) continue
    const others = list.filter((o) => o !== p && o.idPrefix === p.idPrefix).map((o) => o.id)
    if (others.length === 0) continue
    out.push(
      configError(
        `${p.id}/${PUBLISHER_CONFIG}`,
        `folders ${[p.id, ...others].map((id) => `"${id}"`).join(', ')} give the same id prefix ` +
          `"${p.idPrefix}": rename one folder`,
      ),
    )
  }
  return out
}

/**
 * A folder name as an id prefix: lowercase ASCII words (`ai-insights`). Letters it cannot spell
 * (`机器之心`) add a short hash of the whole name, so such folders get distinct, stable prefixes.
 */
export function slugify(id: string): string {
  const ascii = id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  const foreign = /[\p{L}\p{N}]/u.test(id.replace(/\p{ASCII}/gu, ''))
  if (!foreign && ascii) return ascii
  return [ascii, shortHash(id, 6)].filter(Boolean).join('-')
}

function configError(file: string, message: string, line = 1): Diagnostic {
  return {
    file,
    line,
    col: 1,
    severity: 'error',
    kind: 'bad-config',
    message: `publisher config: ${message}`,
  }
}
