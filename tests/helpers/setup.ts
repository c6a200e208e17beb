import { afterAll, afterEach } from 'vitest'
import { takeRefusals } from './telegram-checks.js'

// Fails a test whose bot sent something Telegram refuses (too long, bad HTML, callback data over
// 64 bytes…), even when the bot handled the 400 the fake answered with.
function failOnRefusals() {
  const refused = takeRefusals()
  if (refused.length > 0) throw new Error(`The bot sent requests Telegram would refuse:\n${refused.map((line) => `  ${line}`).join('\n')}`)
}

afterEach(failOnRefusals)
afterAll(failOnRefusals)
