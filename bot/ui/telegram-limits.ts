/** Telegram's limits, in one place (https://core.telegram.org/bots/api). */

/** Characters of a message's text, after entities are parsed. */
export const MESSAGE_LIMIT = 4096
/** Characters of a photo's caption. */
export const CAPTION_LIMIT = 1024
/** Bytes of a button's callback data (a Chinese character takes 3). */
export const CALLBACK_DATA_BYTES = 64
