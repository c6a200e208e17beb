// The bottom sheets (native <dialog>s): attach, share contact, switch user, and the menu with
// block/unblock and the language link. The location sheet has its own module.

const $ = (id) => document.getElementById(id)

/**
 * @param {{
 *   t: (key: string) => string,
 *   users: () => Array<{ id: number, first_name: string, blocked: boolean }>,
 *   currentUserId: () => number,
 *   switchUser: (id: number) => void,
 *   addUser: (name: string) => Promise<boolean>,
 *   sendContact: (phone: string) => Promise<boolean>,
 *   toggleBlocked: () => Promise<void>,
 *   upload: (file: File, kind: 'photo' | 'document' | 'voice') => Promise<void>,
 *   openLocation: () => void,
 * }} options
 */
export function setupSheets(options) {
  const { t } = options

  for (const dialog of document.querySelectorAll('dialog.sheet')) {
    // A click on the dialog itself (not its body) is a click on the backdrop.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close()
    })
  }
  for (const button of document.querySelectorAll('[data-close]')) {
    button.addEventListener('click', () => button.closest('dialog')?.close())
  }

  // Attach: the sheet only chooses which file picker to open, or the location sheet (Telegram's
  // 📎 has a location item too, and the bot's prompts say "📎 → 位置").
  $('attach-button').addEventListener('click', () => $('attach-sheet').showModal())
  $('attach-location').addEventListener('click', () => {
    $('attach-sheet').close()
    options.openLocation()
  })
  for (const kind of ['photo', 'document', 'voice']) {
    $(`attach-${kind}`).addEventListener('click', () => {
      $('attach-sheet').close()
      $(`file-${kind}`).click()
    })
    $(`file-${kind}`).addEventListener('change', (event) => {
      const input = event.target
      const file = input.files?.[0]
      input.value = ''
      if (file !== undefined) void options.upload(file, kind)
    })
  }

  // Contact
  const contactError = $('contact-error')
  $('contact-form').addEventListener('submit', async (event) => {
    event.preventDefault()
    const phone = $('contact-input').value.trim()
    const valid = /^\+?[\d\s()-]{5,24}$/.test(phone)
    contactError.hidden = valid
    contactError.textContent = valid ? '' : t('webchat-contact-bad')
    if (valid && (await options.sendContact(phone))) $('contact-sheet').close()
  })

  // Users
  function renderUsers() {
    const list = $('user-list')
    list.replaceChildren()
    for (const user of options.users()) {
      const button = document.createElement('button')
      button.type = 'button'
      button.className = 'user-option'
      button.dataset.testid = 'user-option'
      button.dataset.userId = String(user.id)
      if (user.id === options.currentUserId()) button.setAttribute('aria-current', 'true')
      const avatar = document.createElement('span')
      avatar.className = 'user-avatar'
      avatar.setAttribute('aria-hidden', 'true')
      avatar.textContent = [...user.first_name][0] ?? ''
      avatar.dataset.hue = String(user.id % 6)
      const name = document.createElement('span')
      name.className = 'user-name'
      name.textContent = user.first_name
      button.append(avatar, name)
      button.addEventListener('click', () => {
        $('users-sheet').close()
        options.switchUser(user.id)
      })
      list.append(button)
    }
  }
  $('user-switcher').addEventListener('click', () => {
    renderUsers()
    $('new-user-name').value = ''
    $('users-sheet').showModal()
  })
  $('add-user-form').addEventListener('submit', async (event) => {
    event.preventDefault()
    const name = $('new-user-name').value.trim()
    if (name === '') return $('new-user-name').focus()
    if (await options.addUser(name)) $('users-sheet').close()
  })

  // Menu
  $('menu-button').addEventListener('click', () => $('menu-sheet').showModal())
  $('block-toggle').addEventListener('click', async () => {
    await options.toggleBlocked()
    $('menu-sheet').close()
  })

  return {
    openContact() {
      $('contact-input').value = ''
      contactError.hidden = true
      $('contact-sheet').showModal()
    },
  }
}
