// The reply keyboard (the latest ReplyKeyboardMarkup the bot sent), shown above the composer like
// Telegram's: request_location and request_contact buttons open their sheets, others send their text.

const $ = (id) => document.getElementById(id)

/**
 * @param {{
 *   t: (key: string) => string,
 *   onLocation: () => void,
 *   onContact: () => void,
 *   onText: (text: string) => void,
 * }} options
 */
export function createReplyKeyboard({ t, onLocation, onContact, onText }) {
  let keyboard = null
  let folded = false
  let disabled = false

  function render() {
    const container = $('reply-keyboard')
    const toggle = $('keyboard-toggle')
    container.replaceChildren()
    $('composer').placeholder = keyboard?.input_field_placeholder || t('webchat-input-hint')
    toggle.hidden = keyboard === null || disabled
    toggle.setAttribute('aria-pressed', String(keyboard !== null && !folded))
    container.hidden = keyboard === null || disabled || folded
    if (container.hidden) return
    container.classList.toggle('is-resized', keyboard.resize_keyboard === true)
    for (const row of keyboard.keyboard) {
      const line = document.createElement('div')
      line.className = 'reply-row'
      for (const button of row) {
        const node = document.createElement('button')
        node.type = 'button'
        node.className = 'reply-button'
        node.dataset.testid = 'reply-button'
        node.textContent = button.text
        if (button.request_location) node.dataset.request = 'location'
        else if (button.request_contact) node.dataset.request = 'contact'
        node.addEventListener('click', () => press(button))
        line.append(node)
      }
      container.append(line)
    }
  }

  function press(button) {
    if (keyboard?.one_time_keyboard) {
      folded = true
      render()
    }
    if (button.request_location) onLocation()
    else if (button.request_contact) onContact()
    else onText(button.text)
  }

  $('keyboard-toggle').addEventListener('click', () => {
    folded = !folded
    render()
  })

  return {
    /** A new keyboard (or null: none) unfolds, as in Telegram. */
    set(markup) {
      keyboard = markup !== null && Array.isArray(markup?.keyboard) ? markup : null
      folded = false
      render()
    },
    /** While the user has blocked the bot there is nothing to press. */
    setDisabled(value) {
      disabled = value
      render()
    },
  }
}
