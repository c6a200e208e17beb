import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { readLocale, scanKeys } from '../helpers/locale-keys.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const zh = readLocale(path.join(root, 'bot/locales/zh'))
const en = readLocale(path.join(root, 'bot/locales/en'))

/** The app's own TypeScript: what runs in production, not the tests. */
const sourceDirs = ['bot', 'cli', 'core', 'db', 'domain', 'jobs']
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return tsFiles(full)
    return name.endsWith('.ts') ? [full] : []
  })
}
const rootNames = sourceDirs.flatMap((dir) => {
  const full = path.join(root, dir)
  return statSync(full, { throwIfNoEntry: false })?.isDirectory() ? tsFiles(full) : []
})
const config = ts.getParsedCommandLineOfConfigFile(
  path.join(root, 'tsconfig.json'),
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
)
const program = ts.createProgram({ rootNames, options: config?.options ?? {} })
const own = new Set(rootNames.map((name) => path.resolve(name)))
const { literals, dynamic } = scanKeys(program, (fileName) => own.has(path.resolve(fileName)), zh.ids)

/**
 * Keys the code uses without naming them: bot/local/index.ts hands every `webchat-` message to the
 * web chat page, which picks its own.
 */
const usedWholesale = ['webchat-']

describe('locale keys the code builds from values', () => {
  it('finds the templates (feedback results, statuses, categories, weekdays…)', () => {
    expect(dynamic.length).toBeGreaterThan(30)
    expect(dynamic.map((site) => site.template)).toContain('`feedback-result-${result.kind}`')
  })

  it('knows every value each template can take, from the union types and constant arrays behind it', () => {
    expect(dynamic.filter((site) => site.keys === undefined).map((site) => `${site.where} ${site.template}`)).toEqual([])
  })

  it('has every key they build in Chinese and in English', () => {
    const missing = dynamic.flatMap((site) =>
      (site.keys ?? []).flatMap((key) =>
        [zh.ids.has(key) ? [] : [`zh ${key}`], en.ids.has(key) ? [] : [`en ${key}`]]
          .flat()
          .map((which) => `${site.where} ${site.template} → ${which}`),
      ),
    )
    expect(missing).toEqual([])
  })
})

describe('locale keys in the .ftl files', () => {
  it('are each used by the code, by a template or by another message', () => {
    const built = new Set(dynamic.flatMap((site) => site.keys ?? []))
    const unused = [...zh.ids].filter(
      (id) => !literals.has(id) && !built.has(id) && !zh.references.has(id) && !usedWholesale.some((prefix) => id.startsWith(prefix)),
    )
    expect(unused).toEqual([])
  })

  it('are the same in Chinese and English', () => {
    expect([...en.ids].sort()).toEqual([...zh.ids].sort())
  })
})

describe('the key scanner', () => {
  const scan = (source: string, ids: string[]) => {
    const host = ts.createCompilerHost({ strict: true, noEmit: true })
    const read = host.getSourceFile
    host.getSourceFile = (name, version) => (name === 'virtual.ts' ? ts.createSourceFile(name, source, version) : read(name, version))
    const virtual = ts.createProgram({ rootNames: ['virtual.ts'], options: { strict: true, noEmit: true, lib: ['lib.es2022.d.ts'] }, host })
    return scanKeys(virtual, (name) => name === 'virtual.ts', new Set(ids))
  }

  it('expands a template through a constant array and a union, and flags a plain string', () => {
    const { dynamic: found } = scan(
      `declare const t: (key: string) => string
       const statuses = ['open', 'closed'] as const
       type Result = { kind: 'ok' } | { kind: 'forbidden' } | { kind: 'gone' }
       declare const status: (typeof statuses)[number]
       declare const result: Result
       declare const free: string
       t(\`ticket-status-\${status}\`)
       if (result.kind !== 'ok') t(\`ticket-result-\${result.kind}\`)
       t(\`ticket-note-\${free}\`)`,
      ['ticket-status-open', 'ticket-result-gone', 'ticket-note-x'],
    )
    expect(found.map((site) => site.keys)).toEqual([
      ['ticket-status-open', 'ticket-status-closed'],
      ['ticket-result-forbidden', 'ticket-result-gone'],
      undefined,
    ])
  })
})
