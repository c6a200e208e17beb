import { createRequire } from 'node:module'
import { inflateSync } from 'node:zlib'
import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { qrPng } from '../../../bot/features/events/check-in-qr.js'

// qrcode's own PNG renderer, before encoding: its RGBA canvas is what the bot used to send.
const require = createRequire(import.meta.url)
const qrcodePng = require('qrcode/lib/renderer/png.js') as {
  render: (qr: ReturnType<typeof QRCode.create>, options: object) => { width: number; height: number; data: Buffer }
}

/** Reads the PNG chunks back: size, format, and one boolean per pixel (true = dark). */
function decode(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  let offset = 8
  let header: Buffer | undefined
  const idat: Buffer[] = []
  while (offset < png.length) {
    const length = png.readUInt32BE(offset)
    const type = png.toString('latin1', offset + 4, offset + 8)
    const body = png.subarray(offset + 8, offset + 8 + length)
    if (type === 'IHDR') header = body
    if (type === 'IDAT') idat.push(body)
    offset += 12 + length
  }
  if (header === undefined) throw new Error('no IHDR')
  const width = header.readUInt32BE(0)
  const height = header.readUInt32BE(4)
  expect([...header.subarray(8)]).toEqual([1, 0, 0, 0, 0])
  const raw = inflateSync(Buffer.concat(idat))
  const stride = Math.ceil(width / 8) + 1
  const dark = (x: number, y: number) => ((raw[y * stride + 1 + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) === 0
  for (let y = 0; y < height; y++) expect(raw[y * stride]).toBe(0)
  return { width, height, dark }
}

describe('check-in QR', () => {
  it.each([
    ['https://t.me/nuanxin_test_bot?start=ci_ABCDEF', 360, 2],
    ['https://t.me/a_much_longer_bot_username_for_a_bigger_code_bot?start=ci_Z9Z9Z9', 360, 2],
    ['ci_23456', 100, 4],
  ])('draws the same pixels as the qrcode library (%s, %i px, margin %i)', (text, width, margin) => {
    const expected = qrcodePng.render(QRCode.create(text, {}), { width, margin })
    const image = decode(qrPng(text, { width, margin }))
    expect([image.width, image.height]).toEqual([expected.width, expected.height])
    let differing = 0
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        const expectedDark = expected.data[(y * expected.width + x) * 4] === 0
        if (image.dark(x, y) !== expectedDark) differing++
      }
    }
    expect(differing).toBe(0)
  })
})
