import { describe, expect, it } from 'vitest'
import type { CallbackDefinition } from '../../../bot/callbacks/codec.js'
import { allCallbacks, callbackNamespaces } from '../../../bot/callbacks/index.js'

/** Data every definition packs from its fields' sample values. */
function samplesOf(definition: CallbackDefinition): string[] {
  const fields = Object.entries(definition.fields)
  const rounds = Math.max(1, ...fields.map(([, field]) => field.samples.length))
  const packed = new Set<string>()
  for (let round = 0; round < rounds; round++) {
    const values = Object.fromEntries(fields.map(([name, field]) => [name, field.samples[round % field.samples.length]]))
    if (definition.fits(values)) packed.add(definition.pack(values))
  }
  return [...packed]
}

// One of each builder's data from before the codec (buttons still on people's phones after an upgrade).
const beforeTheCodec = [
  ...['e:l:1', 'e:v:5', 'e:r:5', 'e:n:5', 'e:q:5', 'e:c:5', 'e:cc:5', 'e:ck', 'e:a:5', 'e:d:5', 'e:del', 'e:dely', 'e:deln'],
  ...['e:s:5', 'e:o:1', 'e:p:1', 'e:pd', 'e:y', 'e:no', 'e:sy', 'e:sn', 'e:u', 'e:un', 'e:x'],
  ...['ea:l', 'ea:n', 'ea:v:5', 'ea:a:publish:5', 'ea:f:title:5', 'ea:c:stop', 'ea:c:kind:meal', 'ea:k:ABC123'],
  ...['f:w:s:5', 'f:w:q', 'f:w:e', 'f:w:e:5', 'f:w:c', 'f:w:c:成都', 'f:w:k:need', 'f:w:a:1', 'f:i', 'f:t', 'f:l', 'f:o:5', 'f:s:5:c'],
  ...['f:h:5:123456789012', 'f:m:5', 'f:y:5', 'f:a:5', 'f:v:5', 'f:e', 'f:e:5'],
  ...['b:t:e', 'b:e:5', 'b:o:a', 'b:ci:1', 'b:s:5', 'b:k:3', 'b:y', 'b:m', 'b:a', 'b:x', 'b:p:5', 'b:u:5', 'b:q:5', 'b:qy:5', 'b:qn:5'],
  ...['r:ia', 'r:ic', 'r:ic:成都市', 'r:is', 'r:is:5', 'r:t', 'r:rs:5', 'r:rsy:5', 'r:d:5', 'r:dy:5'],
  ...['qh:p0', 'qh:off', 'qh:custom', 'qh:lang', 'lang:zh', 'n:30.65732,104.06581:0:1', 'n:s5:0:1', 'v:5', 'p:5'],
]

describe('callback registry', () => {
  it('gives every definition its own prefix, in its feature namespace', () => {
    const prefixes = allCallbacks.map((definition) => definition.prefix)
    expect(new Set(prefixes).size).toBe(prefixes.length)
    for (const [namespace, groups] of Object.entries(callbackNamespaces)) {
      for (const group of groups) {
        for (const definition of Object.values(group)) expect(definition.namespace, definition.prefix).toBe(namespace)
      }
    }
  })

  it('has no two filters that match the same packed data', () => {
    let checked = 0
    for (const definition of allCallbacks) {
      for (const data of samplesOf(definition)) {
        const matching = allCallbacks.filter((other) => other.filter.test(data)).map((other) => other.prefix)
        expect(matching, data).toEqual([definition.prefix])
        expect(definition.unpack(data), data).toBeDefined()
        checked++
      }
    }
    expect(checked).toBeGreaterThan(allCallbacks.length)
  })

  it('reads no button from before the codec as an action (only the hub kept its data)', () => {
    for (const data of beforeTheCodec) {
      expect(
        allCallbacks.filter((definition) => definition.filter.test(data)).map((definition) => definition.prefix),
        data,
      ).toEqual([])
    }
    expect(allCallbacks.filter((definition) => definition.namespace === 'hub').map((definition) => definition.pack({}))).toEqual([
      'hub:events',
      'hub:checkin',
      'hub:broadcast',
      'hub:inbox',
      'hub:team',
    ])
  })
})
