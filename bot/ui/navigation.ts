import { InlineKeyboard } from 'grammy'
import { navigationLinks, type Point } from '../../domain/geo.js'
import type { Translate } from '../i18n.js'

/**
 * One button per map app riders use (Amap, Baidu, Tencent), each opening the place in the
 * coordinate system and link form that app documents. Stations and events both navigate with it.
 */
export function mapKeyboard(t: Translate, place: Point & { name: string; address?: string }): InlineKeyboard {
  const links = navigationLinks(place)
  return new InlineKeyboard()
    .url(t('navigate-amap'), links.amap)
    .row()
    .url(t('navigate-baidu'), links.baidu)
    .row()
    .url(t('navigate-tencent'), links.tencent)
    .row()
}
