/**
 * Riders write to the bot as to a person: 「你好」, 「👍」, 「好的收到，谢谢王老师」 after a broadcast.
 * Such a message is small talk, not a place to search for. It is recognised only when the whole
 * message is made of these phrases (plus particles, punctuation, emoji and a way of addressing
 * someone), so that 「好利来」 or 「好运街」 are still searched.
 */
export type SmallTalk = 'greeting' | 'thanks' | 'ack'

const phrases: Record<SmallTalk, readonly string[]> = {
  greeting: [
    '你好',
    '您好',
    '你们好',
    '大家好',
    '早上好',
    '上午好',
    '中午好',
    '下午好',
    '晚上好',
    '早安',
    '午安',
    '晚安',
    '哈喽',
    '哈啰',
    '嗨',
    '在吗',
    '在嘛',
    '在么',
    '在不在',
    'hello',
    'hi',
    'hey',
    'morning',
  ],
  thanks: [
    '谢谢',
    '多谢',
    '感谢',
    '谢了',
    '谢啦',
    '谢',
    '辛苦了',
    '辛苦',
    '麻烦了',
    '麻烦你了',
    '太感谢了',
    'thank you',
    'thanks',
    'thx',
    '3q',
  ],
  ack: [
    '好的',
    '好滴',
    '好嘞',
    '好哒',
    '好吧',
    '好',
    '收到',
    '明白',
    '知道了',
    '晓得了',
    '了解',
    '懂了',
    '行',
    '可以',
    '没问题',
    '没事',
    '嗯嗯',
    '嗯',
    '哦哦',
    '哦',
    '噢',
    '对的',
    '对',
    '是的',
    '是',
    '妥',
    '棒',
    '赞',
    '不错',
    'okay',
    'ok',
    'yes',
    'got it',
  ],
}

/** Longest first, so that 「好的」 is one phrase and not 「好」 followed by something else. */
const vocabulary = (Object.entries(phrases) as [SmallTalk, readonly string[]][])
  .flatMap(([kind, list]) => list.map((phrase) => ({ kind, phrase })))
  .sort((a, b) => b.phrase.length - a.phrase.length)

/** Between and after phrases: whitespace, punctuation, symbols and emoji. */
const separators = /^(?:[\s\p{P}\p{S}\p{Extended_Pictographic}\p{Emoji_Modifier}]|\u200d|\ufe0f)+/u
/** Sentence particles, tried only where no phrase starts (「哈喽」 is a greeting, not 「哈」 + 「喽」). */
const particle = /^[啊呀啦哈哦喔嘛呢吧了的哒滴呐嘿哇]/u
const trailing = /(?:[\s\p{P}\p{S}\p{Extended_Pictographic}\p{Emoji_Modifier}啊呀啦哈哦喔嘛呢吧了的哒滴呐嘿哇]|\u200d|\ufe0f)+$/u
/** A way of addressing the other side: 「王老师」, 「师傅」, 「大家」. */
const addressee = /^\p{Script=Han}{0,3}(?:老师|师傅|师父|同志|领导|经理|主任|书记|站长|大哥|大姐|小哥|哥|姐|亲|兄弟|大家|你们|你|您)$/u
const thankEmoji = /🙏/u
const greetEmoji = /👋/u
const anyEmoji = /\p{Extended_Pictographic}/u

/** What kind of small talk `text` is, or undefined when it may be a place (or anything else). */
export function smallTalk(text: string): SmallTalk | undefined {
  let rest = text.normalize('NFKC').toLowerCase().trim()
  const kinds = new Set<SmallTalk>()
  const hadEmoji = anyEmoji.test(rest)
  if (thankEmoji.test(rest)) kinds.add('thanks')
  if (greetEmoji.test(rest)) kinds.add('greeting')
  for (;;) {
    rest = rest.replace(separators, '')
    const match = vocabulary.find(({ phrase }) => rest.startsWith(phrase))
    if (match !== undefined) {
      kinds.add(match.kind)
      rest = rest.slice(match.phrase.length)
    } else if (particle.test(rest)) rest = rest.slice(1)
    else break
  }
  rest = rest.replace(trailing, '')
  if (rest !== '' && !addressee.test(rest)) return undefined
  if (kinds.size === 0 && !hadEmoji) return undefined
  if (kinds.has('thanks')) return 'thanks'
  if (kinds.has('greeting')) return 'greeting'
  return 'ack'
}

/** Digits only, punctuation only, or a single character: nothing a place search could find. */
export const tooShortToSearch = (text: string): boolean => [...text.trim()].length < 2 || !/\p{L}/u.test(text)
