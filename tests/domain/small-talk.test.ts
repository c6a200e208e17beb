import { describe, expect, it } from 'vitest'
import { smallTalk, tooShortToSearch } from '../../domain/small-talk.js'

describe('smallTalk', () => {
  it.each([
    ['你好', 'greeting'],
    ['您好！', 'greeting'],
    ['Hello', 'greeting'],
    ['hi', 'greeting'],
    ['哈喽', 'greeting'],
    ['在吗？', 'greeting'],
    ['谢谢', 'thanks'],
    ['多谢了', 'thanks'],
    ['感谢', 'thanks'],
    ['🙏', 'thanks'],
    ['谢谢师傅', 'thanks'],
    ['好的收到，谢谢王老师', 'thanks'],
    ['好的呀，谢谢大家！', 'thanks'],
    ['好的', 'ack'],
    ['收到', 'ack'],
    ['OK', 'ack'],
    ['嗯嗯', 'ack'],
    ['👍', 'ack'],
    ['👍🏻👍🏻', 'ack'],
    ['好的👌', 'ack'],
  ] as const)('takes %s as %s', (text, kind) => {
    expect(smallTalk(text)).toBe(kind)
  })

  it.each(['春熙路', '雁塔区', '好利来', '好运街', '行政中心', '对外经贸大学', '王老师', '谢谢春熙路驿站', '肥城 老城', '1', '路'])(
    'leaves %s to the place search',
    (text) => {
      expect(smallTalk(text)).toBeUndefined()
    },
  )
})

describe('tooShortToSearch', () => {
  it.each(['1', '12345', '路', '。。', ' 8 '])('refuses %s', (text) => expect(tooShortToSearch(text)).toBe(true))
  it.each(['春熙', '雁塔区', '10号线', 'Wanda'])('accepts %s', (text) => expect(tooShortToSearch(text)).toBe(false))
})
