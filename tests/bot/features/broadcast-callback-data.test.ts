import { describe, expect, it } from 'vitest'
import { composeActionOf, composeCallbacks, controlCallbacks } from '../../../bot/callbacks/broadcast.js'
import { unpackAny } from '../../../bot/callbacks/codec.js'

const controlActionOf = (data: string) => unpackAny(data, controlCallbacks)

describe('broadcast callback data', () => {
  it('parses what the builders produce', () => {
    expect(composeActionOf(composeCallbacks.type.pack({ type: 'near' }))).toEqual({ kind: 'type', type: 'near' })
    expect(composeActionOf(composeCallbacks.event.pack({ eventId: 42 }))).toEqual({ kind: 'event', eventId: 42 })
    expect(composeActionOf(composeCallbacks.only.pack({ only: 'waitlisted' }))).toEqual({ kind: 'only', only: 'waitlisted' })
    expect(composeActionOf(composeCallbacks.city.pack({ index: 0 }))).toEqual({ kind: 'city', index: 0 })
    expect(composeActionOf(composeCallbacks.station.pack({ stationId: 7 }))).toEqual({ kind: 'station', stationId: 7 })
    expect(composeActionOf(composeCallbacks.km.pack({ km: 10 }))).toEqual({ kind: 'km', km: 10 })
    expect(composeActionOf(composeCallbacks.send.pack())).toEqual({ kind: 'send' })
    expect(controlActionOf(controlCallbacks.cancelYes.pack({ broadcastId: 2_147_483_647 }))).toEqual({
      kind: 'cancelYes',
      broadcastId: 2_147_483_647,
    })
  })

  it.each([
    'bc:type:x',
    'bc:type:',
    'bc:event:0',
    'bc:event:01',
    'bc:event:-1',
    'bc:event:1:2',
    'bc:only:a',
    'bc:city:1000',
    'bc:city:01',
    'bc:km:2',
    'bc:km:01',
    'bc:send:1',
    'x:type:event',
    'bc:type:toString',
  ])('refuses %s as compose data', (data) => expect(composeActionOf(data)).toBeUndefined())

  it.each(['bc:pause', 'bc:pause:', 'bc:pause:0', 'bc:pause:2147483648', 'bc:pause:1:1', 'bc:x:1', 'bc:hasOwnProperty:1', 'bc:type:event'])(
    'refuses %s as control data',
    (data) => expect(controlActionOf(data)).toBeUndefined(),
  )
})
