import type { Update, User } from 'grammy/types'
import { describe, expect, it } from 'vitest'
import { requireUserId } from '../../bot/context.js'

const update = { update_id: 41 } as Update

describe('requireUserId', () => {
  it('gives the sender of the update', () => {
    expect(requireUserId({ from: { id: 7 } as User, update })).toBe(7)
  })

  it('fails, naming the update, instead of acting for user 0 when there is no sender', () => {
    expect(() => requireUserId({ from: undefined, update })).toThrow('update 41 has no sender')
  })
})
