import { InlineKeyboard } from 'grammy'
import { coverageCallbacks, coveragePeriods, type CoveragePeriod } from '../../callbacks/coverage.js'
import type { Translate } from '../../i18n.js'

/** The city as the button carries it: none for the searches far from every station. */
const cityField = (city: string) => (city === '' ? {} : { city })

/** Areas can be offered only when their name fits in a button's data (a city name does). */
const fitsButton = (city: string): boolean => coverageCallbacks.show.fits({ days: 30, ...cityField(city) })

export function citiesKeyboard(t: Translate, cities: readonly { city: string; label: string; searches: number }[]): InlineKeyboard {
  const buttons = cities
    .filter(({ city }) => fitsButton(city))
    .map(({ city, label, searches }) =>
      InlineKeyboard.text(
        t('coverage-button-city', { city: label, searches }),
        coverageCallbacks.show.pack({ days: 30, ...cityField(city) }),
      ),
    )
  const rows: ReturnType<typeof InlineKeyboard.text>[][] = []
  for (let index = 0; index < buttons.length; index += 2) rows.push(buttons.slice(index, index + 2))
  return InlineKeyboard.from(rows)
}

/** 7 / 30 / 90 days for the same area, and back to the areas when there are several. */
export function periodKeyboard(t: Translate, city: string, days: CoveragePeriod, severalCities: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard()
  for (const period of coveragePeriods)
    keyboard.text(
      t('coverage-button-period', { days: period, current: period === days ? 'yes' : 'no' }),
      coverageCallbacks.show.pack({ days: period, ...cityField(city) }),
    )
  if (severalCities) keyboard.row().text(t('coverage-button-cities'), coverageCallbacks.cities.pack())
  return keyboard
}
