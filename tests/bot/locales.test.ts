import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../bot/locales', import.meta.url))
const files = (locale: string) =>
  readdirSync(`${root}/${locale}`)
    .filter((name) => name.endsWith('.ftl'))
    .sort()
const ids = (locale: string, file: string) =>
  [...readFileSync(`${root}/${locale}/${file}`, 'utf8').matchAll(/^([a-z][\w-]*) =/gm)].map((match) => match[1])

describe('locale files', () => {
  it('has the same files for Chinese and English', () => {
    expect(files('en')).toEqual(files('zh'))
  })

  it.each(files('zh'))('%s defines the same message ids in Chinese and English, each once', (file) => {
    const zh = ids('zh', file)
    expect(new Set(zh).size).toBe(zh.length)
    expect(ids('en', file).sort()).toEqual([...zh].sort())
  })

  it('never defines one id in two files', () => {
    const all = files('zh').flatMap((file) => ids('zh', file))
    expect(all.length).toBe(new Set(all).size)
  })
})
