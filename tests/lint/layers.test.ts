import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { cruise, type IFlattenedRuleSet } from 'dependency-cruiser'
import { afterAll, describe, expect, it } from 'vitest'

// The project's own rules, run on a small tree laid out like the project: every rule must reject
// the import it exists for, and the imports the layers allow must pass.
const ruleSet = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as { forbidden: IFlattenedRuleSet['forbidden'] }

const tree: Record<string, string[]> = {
  // allowed
  'domain/time.ts': [],
  'domain/geo.ts': ['./time.js'],
  'db/schema/index.ts': [],
  'db/repositories/stations.ts': ['../schema/index.js', '../../domain/geo.js'],
  'core/registration.ts': ['../db/repositories/stations.js', '../domain/time.js'],
  'bot/i18n.ts': [],
  'bot/ui/html.ts': ['../i18n.js'],
  'bot/callbacks/events.ts': [],
  'bot/features/stations/index.ts': ['./keyboards.js', '../../ui/html.js', '../../callbacks/events.js', '../../../core/registration.js'],
  'bot/features/stations/keyboards.ts': ['../../../db/repositories/stations.js'],
  'bot/bot.ts': ['./features/stations/index.js', './features/feedback/index.js'],
  'bot/app.ts': ['./bot.js', '../jobs/scheduler.js'],
  'jobs/scheduler.ts': ['./reminders.js', './digest.js'],
  'jobs/reminders.ts': ['../core/registration.js', '../bot/ui/html.js', '../bot/callbacks/events.js'],
  // each of these breaks one rule
  'domain/vocabulary.ts': ['../bot/i18n.js'],
  'db/repositories/waitlist.ts': ['../../bot/ui/html.js'],
  'core/tickets.ts': ['../bot/i18n.js'],
  'bot/features/feedback/index.ts': ['../stations/keyboards.js'],
  'bot/ui/menu.ts': ['../features/stations/index.js'],
  'jobs/digest.ts': ['../bot/features/feedback/index.js', './reminders.js'],
  'bot/middlewares/track.ts': ['../../jobs/digest.js', '../../tests/helpers/db.js'],
  'tests/helpers/db.ts': [],
}

const root = mkdtempSync(join(tmpdir(), 'layers-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
for (const [file, imports] of Object.entries(tree)) {
  mkdirSync(join(root, dirname(file)), { recursive: true })
  const lines = imports.map((from, i) => `import * as m${i} from '${from}'\nvoid m${i}`)
  writeFileSync(join(root, file), `${lines.join('\n')}\nexport const here = ${JSON.stringify(file)}\n`)
}
writeFileSync(
  join(root, 'tsconfig.json'),
  JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }),
)

describe('the layer rules (.dependency-cruiser.cjs)', () => {
  it('reject exactly the imports against the direction, each with its rule', async () => {
    const previous = process.cwd()
    process.chdir(root)
    try {
      const result = await cruise(
        ['.'],
        { validate: true, ruleSet: { forbidden: ruleSet.forbidden }, tsPreCompilationDeps: true },
        { extensions: ['.ts', '.js'] },
        {
          tsConfig: { options: { module: 199, moduleResolution: 99 } },
        },
      )
      const output = result.output as Exclude<typeof result.output, string>
      const found = output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort()
      expect(found).toEqual(
        [
          'domain-is-pure: domain/vocabulary.ts → bot/i18n.ts',
          'db-below-bot: db/repositories/waitlist.ts → bot/ui/html.ts',
          'core-below-bot: core/tickets.ts → bot/i18n.ts',
          'feature-on-its-own: bot/features/feedback/index.ts → bot/features/stations/keyboards.ts',
          'only-the-composition-root-knows-features: bot/ui/menu.ts → bot/features/stations/index.ts',
          'only-the-composition-root-knows-features: jobs/digest.ts → bot/features/feedback/index.ts',
          'job-never-imports-job: jobs/digest.ts → jobs/reminders.ts',
          'bot-never-runs-jobs-or-cli: bot/middlewares/track.ts → jobs/digest.ts',
          'production-never-imports-tests: bot/middlewares/track.ts → tests/helpers/db.ts',
        ].sort(),
      )
    } finally {
      process.chdir(previous)
    }
  })
})
