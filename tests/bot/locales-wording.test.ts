import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { translate } from '../../bot/i18n.js'

const root = fileURLToPath(new URL('../../bot/locales/zh', import.meta.url))
// Fluent's own quoting ({""}, {" "}, {"\u000A"}) is syntax, not text people read.
const prose = (file: string) => readFileSync(`${root}/${file}`, 'utf8').replace(/\{\s*"[^"]*"\s*\}/g, '')

describe('Chinese wording in the feedback, broadcast and roles texts (item 20)', () => {
  it.each(['feedback.ftl', 'broadcast.ftl', 'roles.ftl'])('%s uses 「」 only, calls riders 骑手, and has no jargon', (file) => {
    const text = prose(file)
    expect(text).not.toMatch(/[“”"]/)
    expect(text).not.toContain('工人')
    expect(text).not.toContain('消息队列')
    expect(text).not.toMatch(/）（|？：|「[^」\n]*「/)
  })

  it('names what the rider sent on a ticket card attachment', () => {
    expect(translate('zh', 'feedback-media-caption', { number: 'N7KVN', kind: 'photo' })).toBe('#N7KVN 骑手发来的照片')
    expect(translate('zh', 'feedback-media-caption', { number: 'N7KVN', kind: 'voice' })).toBe('#N7KVN 骑手发来的语音')
  })

  it('never nests brackets when a scope is a station', () => {
    const scope = translate('zh', 'roles-scope-station', { name: '春熙路驿站' })
    expect(translate('zh', 'roles-confirm-remove-scope', { name: '王老师', scope })).not.toMatch(/「[^」]*「/)
    expect(translate('zh', 'broadcast-audience-event-all', { title: translate('zh', 'broadcast-audience-gone') })).not.toMatch(/）」|「（/)
  })
})
