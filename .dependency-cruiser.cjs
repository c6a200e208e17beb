// The layers, one way down (see README 目录). `npm run lint` runs this after ESLint, so an import
// against the direction fails the build; tests/lint/layers.test.ts shows each rule catching one.
//   domain/  pure domain libraries: coordinates, opening hours, Shanghai time, vocabulary, dates
//   db/      schema, repositories, migrations: may use domain/
//   core/    rules that span tables (registration with its waitlist, tickets): may use db/, domain/
//   bot/     the Telegram side; each bot/features/<f>/ is on its own, and what features share
//            lives in bot/ui/, bot/callbacks/ and the other shared bot/ modules
//   jobs/    scheduled work: may use core/, db/, domain/ and the bot's shared modules, never a feature
//   cli/     command-line entry points
const production = '^(bot|core|db|domain|jobs|cli)/'

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ holds pure domain libraries that every layer uses; it uses none of them.',
      severity: 'error',
      from: { path: '^domain/' },
      to: { path: '^(bot|core|db|jobs|cli|tests)/' },
    },
    {
      name: 'db-below-bot',
      comment: 'Repositories never import the bot, the capability modules, jobs or the CLI: they take what they need as arguments.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(bot|core|jobs|cli|tests)/' },
    },
    {
      name: 'core-below-bot',
      comment: 'Capability modules take renderers (notices) as arguments instead of importing the bot.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(bot|jobs|cli|tests)/' },
    },
    {
      name: 'feature-on-its-own',
      comment: 'A feature never imports another feature: what two features share belongs in bot/ui/ or bot/callbacks/.',
      severity: 'error',
      from: { path: '^bot/features/([^/]+)/' },
      to: { path: '^bot/features/', pathNot: '^bot/features/$1/' },
    },
    {
      name: 'only-the-composition-root-knows-features',
      comment: 'Jobs, shared bot modules and middlewares never reach into a feature; bot.ts and app.ts compose them.',
      severity: 'error',
      from: { path: '^(jobs|cli|bot/(ui|callbacks|conversations|middlewares|outbox|[^/]+\\.ts$))', pathNot: '^bot/(bot|app|main)\\.ts$' },
      to: { path: '^bot/features/' },
    },
    {
      name: 'bot-never-runs-jobs-or-cli',
      comment: 'Jobs are started by the scheduler that app.ts owns; nothing else imports them.',
      severity: 'error',
      from: { path: '^(bot|core|db|domain|cli)/', pathNot: '^bot/(app|main)\\.ts$' },
      to: { path: '^jobs/' },
    },
    {
      name: 'job-never-imports-job',
      comment: 'A job shares code with another job through core/ or bot/ui/, never by importing it.',
      severity: 'error',
      from: { path: '^jobs/([^/]+)\\.ts$', pathNot: '^jobs/scheduler\\.ts$' },
      to: { path: '^jobs/', pathNot: '^jobs/$1\\.ts$' },
    },
    {
      name: 'production-never-imports-tests',
      severity: 'error',
      from: { path: production },
      to: { path: '^tests/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
}
