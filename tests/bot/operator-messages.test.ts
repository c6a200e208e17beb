import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../bot/config.js'
import { configProblemInChinese, operatorMessages } from '../../bot/operator-messages.js'
import { DataDirLockedError } from '../../db/client.js'

const token = '123456789:AAFakeTokenForTheTestsOnly_abcdefghij'

function failure(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return error
  }
  throw new Error('expected a ConfigError')
}

describe('what the operator reads', () => {
  it.each<Record<string, string>>([
    { PORT: '80.5' },
    { LOG_LEVEL: 'loud' },
    { ADMIN_IDS: '1,x' },
    { DATABASE_URL: 'db.internal:5432' },
    { TELEGRAM_API_ROOT: 'ftp://telegram' },
    { WEBHOOK_URL: 'https://bot.example.cn/telegram', BOT_TOKEN: token },
    { WEBHOOK_SECRET: 'has spaces!' },
    { WEBHOOK_URL: 'https://bot.example.cn/telegram', WEBHOOK_SECRET: 's' },
    { BOT_TOKEN: '12345' },
    { OUTBOX_RATE: '31' },
    { FEEDBACK_DIGEST_TIME: '9点' },
  ])('explains a bad setting in Chinese first, with the English after it: %o', (env) => {
    const error = failure(env)
    expect(configProblemInChinese(error.problem)).not.toBe('取值无效')
    const [chinese, english] = operatorMessages.configError(error).split('\n')
    expect(chinese).toMatch(new RegExp(`^暖新助手无法启动：环境变量 ${error.variable} \\p{Script=Han}`, 'u'))
    expect(english).toBe(error.message)
  })

  it('says in Chinese which process holds the database', () => {
    const text = operatorMessages.dataDirLocked(new DataDirLockedError('/srv/nuanxin/data/pglite', 4321))
    expect(text.split('\n')[0]).toBe(
      '暖新助手无法启动：/srv/nuanxin/data/pglite 里的数据库正被另一个进程（pid 4321）使用。请先停止那个进程，或把 DATA_DIR 设为另一个文件夹；如果并没有这样的进程在运行，请删除 /srv/nuanxin/data/pglite.lock。',
    )
    expect(text).toContain('is in use by another process (pid 4321)')
  })

  it('puts Chinese before English in every start-up and shutdown line', () => {
    for (const line of Object.values(operatorMessages).filter((value) => typeof value === 'string')) {
      expect(line).toMatch(/^\p{Script=Han}.* \/ [a-z]/u)
    }
  })
})
