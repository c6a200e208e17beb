// Compiles bot/, core/, db/, domain/ and jobs/ to dist/ for `npm start`, which then runs plain JavaScript
// with node instead of tsx (tsx keeps a loader thread and esbuild in every bot process). The files
// keep their places (dist/bot/main.js, dist/bot/locales/…), so every path the code finds through
// import.meta.url (locales, web chat, migrations, sample stations) holds in dist/ as in the source.
//
// esbuild rather than tsc: it only strips types, in about a second and a few tens of MB, where tsc
// (which typechecks) took 99 s and 518 MB on the 2-core development machine; `npm run typecheck`
// stays the type check. It runs on every `npm start` and writes only what changed, each file by a
// rename, so that another instance already running from dist/ never reads a half-written file.
//
// With --template (npm's postinstall) it also makes dist/db/pglite-template.tgz: an empty PGlite
// data directory (initdb) that a first start on an empty DATA_DIR loads instead of running initdb,
// which needs about twice the memory of a running bot. The template is kept across builds and
// dropped when the installed PGlite is another version than the one that made it.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const sourceRoots = ['bot', 'core', 'db', 'domain', 'jobs']
const { values: args } = parseArgs({ options: { template: { type: 'boolean', default: false }, out: { type: 'string' } } })
// --out: another folder than dist/ (the build's own test).
const outDir = path.resolve(args.out ?? path.join(root, 'dist'))
const template = path.join(outDir, 'db', 'pglite-template.tgz')
const templateVersion = `${template}.version`

async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name))
}

/** Writes `content` to `file` unless it is already there, by a rename so a reader sees old or new. */
async function writeIfChanged(file, content) {
  const existing = await readFile(file).catch(() => undefined)
  if (existing !== undefined && Buffer.compare(existing, content) === 0) return false
  await mkdir(path.dirname(file), { recursive: true })
  const partial = `${file}.${process.pid}.partial`
  await writeFile(partial, content)
  await rename(partial, file)
  return true
}

async function compile() {
  const sources = (await Promise.all(sourceRoots.map((dir) => filesUnder(path.join(root, dir))))).flat()
  const scripts = sources.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  const assets = sources.filter((file) => !file.endsWith('.ts'))
  const result = await build({
    entryPoints: scripts,
    outdir: outDir,
    outbase: root,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  })
  const outputs = new Map(result.outputFiles.map((file) => [file.path, Buffer.from(file.contents)]))
  for (const asset of assets) outputs.set(path.join(outDir, path.relative(root, asset)), await readFile(asset))
  let written = 0
  for (const [file, content] of outputs) if (await writeIfChanged(file, content)) written++
  // Files of deleted sources would otherwise stay importable from dist/.
  const kept = new Set([...outputs.keys(), template, templateVersion])
  const existing = await filesUnder(outDir).catch(() => [])
  for (const file of existing) if (!kept.has(file)) await rm(file, { force: true })
  return { files: outputs.size, written }
}

async function installedPgliteVersion() {
  const manifest = await readFile(path.join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')
  return JSON.parse(manifest).version
}

async function prepareTemplate(create) {
  const version = await installedPgliteVersion()
  const madeBy = await readFile(templateVersion, 'utf8').catch(() => undefined)
  if (madeBy === version) return 'kept'
  await rm(template, { force: true })
  await rm(templateVersion, { force: true })
  if (!create) return 'none'
  const { PGlite } = await import('@electric-sql/pglite')
  const pg = await PGlite.create()
  try {
    const dump = await pg.dumpDataDir('gzip')
    await writeIfChanged(template, Buffer.from(await dump.arrayBuffer()))
  } finally {
    await pg.close()
  }
  await writeIfChanged(templateVersion, Buffer.from(version))
  return 'made'
}

const { files, written } = await compile()
const templateState = await prepareTemplate(args.template)
if (written > 0 || templateState === 'made') {
  console.log(
    `${path.relative(root, outDir) || outDir}/: ${written} of ${files} files updated${templateState === 'made' ? ', PGlite template made' : ''}`,
  )
}
