import { describe, expect, it } from 'vitest'
import { composeData, controlData, parseComposeData, parseControlData } from '../../../bot/features/broadcast/callback-data.js'

describe('broadcast callback data', () => {
  it('parses what the builders produce', () => {
    expect(parseComposeData(composeData.type('n'))).toEqual({ kind: 'type', type: 'n' })
    expect(parseComposeData(composeData.event(42))).toEqual({ kind: 'event', eventId: 42 })
    expect(parseComposeData(composeData.only('w'))).toEqual({ kind: 'only', only: 'w' })
    expect(parseComposeData(composeData.city(0))).toEqual({ kind: 'city', index: 0 })
    expect(parseComposeData(composeData.station(7))).toEqual({ kind: 'station', stationId: 7 })
    expect(parseComposeData(composeData.km(10))).toEqual({ kind: 'km', km: 10 })
    expect(parseComposeData(composeData.send)).toEqual({ kind: 'send' })
    expect(parseControlData(controlData('qy', 2_147_483_647))).toEqual({ kind: 'cancel-yes', broadcastId: 2_147_483_647 })
  })

  it.each(['b:t:x', 'b:t:', 'b:e:0', 'b:e:01', 'b:e:-1', 'b:e:1:2', 'b:o:all', 'b:ci:1000', 'b:ci:01', 'b:k:2', 'b:k:01', 'b:y:1', 'x:t:e', 'b:t:toString'])(
    'refuses %s as compose data',
    (data) => expect(parseComposeData(data)).toBeUndefined(),
  )

  it.each(['b:p', 'b:p:', 'b:p:0', 'b:p:2147483648', 'b:p:1:1', 'b:x:1', 'b:hasOwnProperty:1', 'b:t:e'])('refuses %s as control data', (data) =>
    expect(parseControlData(data)).toBeUndefined(),
  )
})
