// The local web chat: simulated users talking to the bot through the Bot API emulator.
// Every string shown comes from /api/session, in the language picked with ?lang=; the user shown
// is kept in ?user= so that a reload or the language link stays with them.

import { getJson, postJson } from './api.js'
import { createChat } from './chat.js'
import { createFeedback } from './feedback.js'
import { createLocationSheet } from './location.js'
import { createMessageRenderer } from './messages.js'
import { createReplyKeyboard } from './reply-keyboard.js'
import { setupSheets } from './sheets.js'

const $ = (id) => document.getElementById(id)
const query = new URLSearchParams(window.location.search)

let session
let users = []
let userId = 0

function t(key, vars = {}) {
  const template = session?.strings[key] ?? key
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole))
}

function localize() {
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n)
  for (const node of document.querySelectorAll('[data-i18n-hint]')) node.placeholder = t(node.dataset.i18nHint)
  for (const node of document.querySelectorAll('[data-i18n-label]')) {
    node.setAttribute('aria-label', t(node.dataset.i18nLabel))
    node.title = t(node.dataset.i18nLabel)
  }
}

async function loadSession() {
  const lang = query.get('lang') ?? 'zh'
  for (let attempt = 0; ; attempt++) {
    try {
      return await getJson(`/api/session?lang=${encodeURIComponent(lang)}`)
    } catch {
      await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 500 * 2 ** attempt)))
    }
  }
}

async function start() {
  session = await loadSession()
  users = session.users
  document.documentElement.lang = session.locale === 'zh' ? 'zh-CN' : session.locale
  document.title = t('webchat-title')
  localize()
  $('bot-name').textContent = session.bot.first_name
  $('bot-avatar').textContent = [...session.bot.first_name][0] ?? ''

  const feedback = createFeedback(t)
  const currentUser = () => users.find((user) => user.id === userId)
  let chat
  const render = createMessageRenderer({
    t,
    locale: session.locale,
    onCommand: (command) => void chat.send({ text: command }),
    onCallback: (messageId, data, button) => void chat.pressInline(messageId, data, button),
    onCopy: (text) =>
      void navigator.clipboard
        ?.writeText(text)
        .then(() => feedback.toast(t('webchat-copied')))
        .catch(feedback.showError),
    onUnsupported: () => feedback.toast(t('webchat-unsupported-button')),
    onMediaLoad: () => chat.followNewest(),
  })
  const location = createLocationSheet({ t, cities: session.cities, send: (point) => chat.send({ location: point }) })
  let sheets
  const keyboard = createReplyKeyboard({
    t,
    onLocation: () => location.open(),
    onContact: () => sheets.openContact(),
    onText: (text) => void chat.send({ text }),
  })
  chat = createChat({ t, feedback, render, onKeyboard: (markup) => keyboard.set(markup), botUsername: session.bot.username })

  function showUser() {
    const blocked = currentUser()?.blocked === true
    $('current-user').textContent = currentUser()?.first_name ?? ''
    $('blocked-banner').hidden = !blocked
    for (const id of ['composer', 'attach-button', 'send-button']) $(id).disabled = blocked
    $('block-toggle').textContent = t(blocked ? 'webchat-unblock-bot' : 'webchat-block-bot')
    $('block-toggle').dataset.blocked = String(blocked)
    const other = session.locales.find((locale) => locale !== session.locale) ?? session.locale
    $('language-link').href = `?lang=${encodeURIComponent(other)}&user=${userId}`
    keyboard.setDisabled(blocked)
  }

  function switchUser(id) {
    userId = id
    const url = new URL(window.location.href)
    url.searchParams.set('user', String(id))
    window.history.replaceState(null, '', url)
    chat.open(id)
    showUser()
  }

  async function setBlocked(blocked) {
    try {
      const result = await postJson(`/api/chats/${userId}/blocked`, { blocked })
      const user = currentUser()
      if (user !== undefined) user.blocked = result.blocked
      showUser()
    } catch (error) {
      feedback.showError(error)
    }
  }

  const composer = $('composer')
  function setComposer(text) {
    composer.value = text
    composer.style.height = ''
    composer.style.height = `${Math.min(composer.scrollHeight, 140)}px`
  }
  async function submitComposer() {
    const text = composer.value
    if (text.trim() === '') return
    setComposer('')
    if (!(await chat.send({ text })) && composer.value === '') setComposer(text)
  }

  sheets = setupSheets({
    t,
    users: () => users,
    currentUserId: () => userId,
    switchUser: (id) => id !== userId && switchUser(id),
    async addUser(name) {
      try {
        const { id } = await postJson('/api/users', { first_name: name })
        users.push({ id, first_name: name, blocked: false })
        switchUser(id)
        return true
      } catch (error) {
        feedback.showError(error)
        return false
      }
    },
    sendContact: (phone) => chat.send({ contact: { phone_number: phone } }),
    toggleBlocked: () => setBlocked(currentUser()?.blocked !== true),
    openLocation: () => location.open(),
    // Text already typed goes along as the caption, as in Telegram's attach preview.
    async upload(file, kind) {
      const caption = composer.value.trim()
      if ((await chat.upload(file, kind, caption)) && caption !== '' && composer.value.trim() === caption) setComposer('')
    },
  })
  $('unblock-button').addEventListener('click', () => void setBlocked(false))
  $('composer-form').addEventListener('submit', (event) => {
    event.preventDefault()
    void submitComposer()
  })
  composer.addEventListener('keydown', (event) => {
    // Enter while an input method (pinyin) is composing picks a candidate: it must not send.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault()
      void submitComposer()
    }
  })
  composer.addEventListener('input', () => setComposer(composer.value))

  $('app').hidden = false
  const wanted = Number(query.get('user'))
  switchUser(users.some((user) => user.id === wanted) ? wanted : users[0].id)
}

void start()
