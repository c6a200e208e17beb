import { describe, expect, it } from 'vitest'
import { coordinate, defineCallback, flag, id, int, intIn, oneOf, optional, text, unpackAny } from '../../../bot/callbacks/codec.js'

const view = defineCallback('ev:view', { eventId: id() })
const status = defineCallback('fb:status', { ticketId: id(), status: oneOf(['in_progress', 'answered', 'closed']) })
const city = defineCallback('ro:city', { city: text(40) })

describe('callback codec', () => {
  it('packs and unpacks typed values', () => {
    expect(view.pack({ eventId: 12 })).toBe('ev:view:12')
    expect(view.unpack('ev:view:12')).toEqual({ eventId: 12 })
    expect(status.unpack(status.pack({ ticketId: 3, status: 'closed' }))).toEqual({ ticketId: 3, status: 'closed' })
    const anonymous = defineCallback('fb:anon', { anonymous: flag() })
    expect(anonymous.unpack(anonymous.pack({ anonymous: true }))).toEqual({ anonymous: true })
    const near = defineCallback('st:near', { lat: coordinate(90), lng: coordinate(180) })
    expect(near.pack({ lat: 30.657321, lng: -104.0658 })).toBe('st:near:30.65732:-104.06580')
    expect(defineCallback('se:off').pack()).toBe('se:off')
  })

  it('refuses to pack a value out of range, outside its enum, or data over 64 bytes', () => {
    expect(() => view.pack({ eventId: 0 })).toThrow(RangeError)
    expect(() => view.pack({ eventId: 2 ** 31 })).toThrow(RangeError)
    expect(() => view.pack({ eventId: 1.5 })).toThrow(RangeError)
    expect(() => defineCallback('bc:km', { km: intIn([1, 3]) }).pack({ km: 2 as 1 })).toThrow(RangeError)
    expect(() => status.pack({ ticketId: 1, status: 'open' as 'closed' })).toThrow(RangeError)
    expect(() => city.pack({ city: 'a:b' })).toThrow(RangeError)
    // 8 bytes of prefix + 19 Chinese characters (57 bytes) = 65 bytes.
    expect(city.fits({ city: '很'.repeat(18) })).toBe(true)
    expect(city.fits({ city: '很'.repeat(19) })).toBe(false)
    expect(() => city.pack({ city: '很'.repeat(19) })).toThrow(/64 bytes/)
  })

  it.each([
    'ev:view',
    'ev:view:',
    'ev:view:0',
    'ev:view:012',
    'ev:view:-1',
    'ev:view:1.5',
    'ev:view:2147483648',
    'ev:view:1:2',
    'ev:views:1',
    'xev:view:1',
    ' ev:view:1',
    'ev:view:1 ',
    'ev:view:constructor',
    'ev:view:__proto__',
  ])('refuses %j', (data) => expect(view.unpack(data)).toBeUndefined())

  it('accepts only its own enum words, never inherited names', () => {
    for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'CLOSED', 'closed ']) {
      expect(status.unpack(`fb:status:1:${word}`), word).toBeUndefined()
    }
    const picked = unpackAny('fb:status:1:__proto__', { status, view })
    expect(picked).toBeUndefined()
  })

  it('keeps the whole data within 64 bytes when unpacking too', () => {
    expect(city.unpack(`ro:city:${'很'.repeat(19)}`)).toBeUndefined()
    expect(city.unpack(`ro:city:${'很'.repeat(18)}`)).toEqual({ city: '很'.repeat(18) })
    expect(city.unpack('ro:city: 成都')).toBeUndefined()
  })

  it('lets trailing optional fields be left out, and only those', () => {
    const start = defineCallback('fb:new', { eventId: optional(id()) })
    expect(start.pack()).toBe('fb:new')
    expect(start.pack({ eventId: 4 })).toBe('fb:new:4')
    expect(start.unpack('fb:new')).toEqual({})
    expect(start.unpack('fb:new:4')).toEqual({ eventId: 4 })
    expect(start.unpack('fb:new:')).toBeUndefined()
    expect(() => defineCallback('ea:bad', { a: optional(id()), b: id() })).toThrow(/optional/)
  })

  it('filters exactly the shape it packs, for composer.callbackQuery', () => {
    expect(view.filter.test(view.pack({ eventId: 7 }))).toBe(true)
    expect(view.filter.test('ev:view:7:8')).toBe(false)
    expect(view.filter.test('ev:view-x:7')).toBe(false)
    const ranged = defineCallback('ev:list', { page: int(0, 100) })
    // The shape passes the filter; the range is `unpack`'s, so the handler passes it on.
    expect(ranged.filter.test('ev:list:101')).toBe(true)
    expect(ranged.unpack('ev:list:101')).toBeUndefined()
  })

  it('insists on a namespaced prefix', () => {
    expect(() => defineCallback('view', {})).toThrow(/namespace/)
    expect(() => defineCallback('ev:view:x', {})).toThrow(/namespace/)
    expect(() => defineCallback('EV:view', {})).toThrow(/namespace/)
  })

  it('tells which of several definitions the data is', () => {
    expect(unpackAny('ev:view:3', { view, status })).toEqual({ kind: 'view', eventId: 3 })
    expect(unpackAny('fb:status:3:answered', { view, status })).toEqual({ kind: 'status', ticketId: 3, status: 'answered' })
    expect(unpackAny(undefined, { view })).toBeUndefined()
  })
})
