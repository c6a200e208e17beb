import { describe, expect, it } from 'vitest'
import { coverageSvg, rampIndex, renderPng, type CoverageMap } from '../../../bot/features/coverage/map.js'
import { cellCentre, cellOf } from '../../../domain/grid.js'

const origin = cellOf({ lat: 30.65, lng: 104.06 })
const labels: CoverageMap['labels'] = {
  title: '成都 · 哪里还缺驿站 <&>',
  subtitle: '最近 30 天',
  stations: '驿站',
  covered: '电动车 10 分钟内有营业驿站',
  gaps: '缺口：搜索次数',
  distance: (metres) => `${metres} 米`,
}
const map: CoverageMap = {
  cells: [
    { row: origin.row, col: origin.col, searches: 12, gap: true, rank: 1 },
    { row: origin.row + 4, col: origin.col + 2, searches: 3, gap: true, rank: 2 },
    { row: origin.row - 3, col: origin.col - 5, searches: 7, gap: false },
  ],
  stations: [cellCentre({ row: origin.row - 3, col: origin.col - 5 }), { lat: 39.9, lng: 116.4 }],
  labels,
}

const attributes = (svg: string, tag: string) =>
  [...svg.matchAll(new RegExp(`<${tag} ([^>]*)/?>`, 'g'))].map((match) =>
    Object.fromEntries([...(match[1] ?? '').matchAll(/([\w-]+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]])),
  )

describe('the coverage map', () => {
  it('draws each searched cell as a square: gaps on the red ramp by searches, covered cells grey', () => {
    const svg = coverageSvg(map)
    const cells = attributes(svg, 'rect').filter((rect) => rect.class === 'cell')
    // Covered first, then gaps from few searches to many, so the busiest stay on top.
    expect(cells.map((rect) => rect.fill)).toEqual(['#bdbdbd', '#ef6548', '#990000'])
    const busiest = cells.find((rect) => rect.fill === '#990000')
    expect(Number(busiest?.width)).toBeGreaterThan(10)
    expect(Math.abs(Number(busiest?.width) - Number(busiest?.height))).toBeLessThan(2)
  })

  it('numbers the ranked gaps, shows stations inside the map and leaves out those far away', () => {
    const svg = coverageSvg(map)
    const numbers = [...svg.matchAll(/class="rank"[^>]*>(\d+)<\/text>/g)].map((match) => match[1])
    expect(numbers).toEqual(['1', '2'])
    expect(attributes(svg, 'circle').filter((circle) => circle.class === 'station')).toHaveLength(1)
  })

  it('has a scale bar, a legend in the given words, and escapes text', () => {
    const svg = coverageSvg(map)
    expect(svg).toMatch(/>\d+ 米<\/text>/)
    expect(svg).toContain('电动车 10 分钟内有营业驿站')
    expect(svg).toContain('缺口：搜索次数')
    expect(svg).toContain('成都 · 哪里还缺驿站 &lt;&amp;&gt;')
    expect(svg).not.toContain('<&>')
  })

  it('shades by searches on a log scale from light to dark', () => {
    expect(rampIndex(1, 100)).toBe(0)
    expect(rampIndex(10, 100)).toBe(2)
    expect(rampIndex(100, 100)).toBe(4)
    expect(rampIndex(1, 1)).toBe(4)
  })

  it('renders to a PNG of the SVG’s size', async () => {
    const svg = coverageSvg(map)
    const png = await renderPng(svg)
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const width = png.readUInt32BE(16)
    const height = png.readUInt32BE(20)
    expect(width).toBe(Number(/width="(\d+)"/.exec(svg)?.[1]))
    expect(height).toBe(Number(/height="(\d+)"/.exec(svg)?.[1]))
    expect(height).toBeGreaterThan(400)
    expect(png.length).toBeGreaterThan(5_000)
  })
})
