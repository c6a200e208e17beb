import { describe, expect, it } from 'vitest'
import { translatorFor } from '../../../bot/i18n.js'
import { markup, tHtml } from '../../../bot/ui/html.js'

const t = translatorFor('zh')

describe('tHtml', () => {
  it('escapes every string variable, so a name with tags shows as text', () => {
    const text = tHtml(t, 'events-cancelled', { title: '<b>夜校</b> & 读书会' })
    expect(text).toContain('&lt;b&gt;夜校&lt;/b&gt; &amp; 读书会')
    expect(text).not.toContain('<b>夜校')
  })

  it('keeps the locale’s own tags and passes numbers through for Fluent to select on', () => {
    const text = tHtml(t, 'eventadmin-cancelled', { title: 'A<B', notified: 3 })
    expect(text).toBe(t('eventadmin-cancelled', { title: 'A&lt;B', notified: 3 }))
  })

  it('puts in what is marked as markup as it is, and escapes the rest', () => {
    const text = tHtml(t, 'feedback-line-reply', { when: '12-01 09:00', body: markup('<i>已读</i>'), name: '<script>' })
    expect(text).toContain('<i>已读</i>')
    expect(text).toContain('&lt;script&gt;')
  })
})
