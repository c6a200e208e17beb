// One simulated user's private chat with the bot: the history from /api/chats/:id, live changes
// from its Server-Sent Events stream, and what the user sends and presses.

import { getJson, postForm, postJson } from './api.js'

const $ = (id) => document.getElementById(id)
const STREAM_EVENTS = ['message', 'edit', 'delete', 'keyboard', 'callback_answer', 'chat_action']
const TYPING_MS = 5000
const CALLBACK_SPINNER_MS = 10_000

/**
 * @param {{
 *   t: (key: string, vars?: Record<string, string>) => string,
 *   feedback: ReturnType<typeof import('./feedback.js').createFeedback>,
 *   render: (message: any) => HTMLElement,
 *   onKeyboard: (markup: any) => void,
 *   botUsername: string,
 * }} options
 */
export function createChat({ t, feedback, render, onKeyboard, botUsername }) {
  const list = $('message-list')
  const scroller = $('messages')
  let userId = 0
  /** message_id → Message of the chat shown. */
  let messages = new Map()
  let source
  /** Stream events that arrive while the history loads, replayed on top of it. */
  let buffered
  let historyRun = 0
  let stickToBottom = true
  let typingTimer
  const pendingCallbacks = new Map()
  const earlyAnswers = new Set()

  const rowFor = (id) => list.querySelector(`[data-message-id="${id}"]`)

  function scrollToBottom() {
    scroller.scrollTop = scroller.scrollHeight
    stickToBottom = true
  }

  function emptyState() {
    const card = document.createElement('div')
    card.className = 'empty-state'
    card.dataset.testid = 'empty-state'
    const title = document.createElement('div')
    title.className = 'empty-title'
    title.textContent = t('webchat-title')
    const subtitle = document.createElement('div')
    subtitle.className = 'empty-subtitle'
    subtitle.textContent = t('webchat-subtitle')
    const start = document.createElement('button')
    start.type = 'button'
    start.className = 'empty-start'
    start.dataset.testid = 'empty-start'
    start.textContent = t('webchat-empty')
    start.addEventListener('click', () => void send({ text: '/start' }))
    card.append(title, subtitle, start)
    return card
  }

  function renderAll() {
    const sorted = [...messages.values()].sort((a, b) => a.message_id - b.message_id)
    list.replaceChildren(...(sorted.length > 0 ? sorted.map(render) : [emptyState()]))
  }

  function upsertRow(message) {
    list.querySelector('[data-testid="empty-state"]')?.remove()
    const row = render(message)
    const existing = rowFor(message.message_id)
    if (existing !== null) return existing.replaceWith(row)
    const after = [...list.children].find((child) => Number(child.dataset.messageId) > message.message_id)
    list.insertBefore(row, after ?? null)
  }

  function apply(event, live) {
    if (event.type === 'message' || event.type === 'edit') {
      messages.set(event.message.message_id, event.message)
      if (event.type === 'message' && event.message.from?.is_bot === true) stopTyping()
      if (!live) return
      const follow = event.type === 'message' || stickToBottom
      upsertRow(event.message)
      if (follow) scrollToBottom()
    } else if (event.type === 'delete') {
      messages.delete(event.message_id)
      if (!live) return
      rowFor(event.message_id)?.remove()
      if (messages.size === 0) renderAll()
    } else if (event.type === 'keyboard') {
      if (live) onKeyboard(event.keyboard)
    }
  }

  function receive(event) {
    if (event.type === 'callback_answer') return answerCallback(event)
    if (event.type === 'chat_action') return showTyping()
    if (buffered !== undefined) buffered.push(event)
    else apply(event, true)
  }

  async function loadHistory() {
    const run = ++historyRun
    buffered = []
    let history
    try {
      history = await getJson(`/api/chats/${userId}`)
    } catch {
      // The stream reports the outage and reconnects, which loads the history again; until
      // then, show what did arrive.
      if (run !== historyRun) return
      const events = buffered
      buffered = undefined
      for (const event of events) apply(event, true)
      return
    }
    if (run !== historyRun) return
    messages = new Map(history.messages.map((message) => [message.message_id, message]))
    let keyboard = history.keyboard
    const events = buffered
    buffered = undefined
    for (const event of events) {
      apply(event, false)
      if (event.type === 'keyboard') keyboard = event.keyboard
    }
    renderAll()
    onKeyboard(keyboard)
    scrollToBottom()
  }

  function connect() {
    const stream = new EventSource(`/api/chats/${userId}/stream`)
    source = stream
    const current = () => source === stream
    stream.addEventListener('open', () => {
      if (!current()) return
      $('connection-banner').hidden = true
      void loadHistory()
    })
    stream.addEventListener('error', () => {
      if (!current()) return
      $('connection-banner').hidden = false
      // CLOSED means the browser gave up (an error status); CONNECTING retries by itself.
      if (stream.readyState === EventSource.CLOSED) setTimeout(() => current() && connect(), 2000)
    })
    for (const type of STREAM_EVENTS) {
      stream.addEventListener(type, (event) => {
        if (current()) receive(JSON.parse(event.data))
      })
    }
  }

  function showTyping() {
    $('bot-status').textContent = t('webchat-bot-typing')
    $('bot-status').dataset.typing = 'true'
    $('typing').hidden = false
    if (stickToBottom) scrollToBottom()
    clearTimeout(typingTimer)
    typingTimer = setTimeout(stopTyping, TYPING_MS)
  }

  function stopTyping() {
    clearTimeout(typingTimer)
    $('bot-status').textContent = `@${botUsername}`
    $('bot-status').dataset.typing = 'false'
    $('typing').hidden = true
  }

  /** Posts what the current user sends; shows the error and resolves false when the emulator refuses. */
  async function deliver(post) {
    try {
      const { message } = await post(`/api/chats/${userId}/messages`)
      if (message.chat.id === userId) receive({ type: 'message', message })
      return true
    } catch (error) {
      feedback.showError(error)
      return false
    }
  }

  const send = (body) => deliver((path) => postJson(path, body))

  function upload(file, kind, caption) {
    const form = new FormData()
    form.append('kind', kind)
    if (caption !== '') form.append('caption', caption)
    form.append('file', file, file.name)
    return deliver((path) => postForm(path, form))
  }

  async function pressInline(messageId, data, button) {
    if (button.classList.contains('is-pending')) return
    button.classList.add('is-pending')
    try {
      const { callback_query_id: id } = await postJson(`/api/chats/${userId}/callback`, { message_id: messageId, data })
      if (earlyAnswers.delete(id)) return button.classList.remove('is-pending')
      pendingCallbacks.set(id, button)
      setTimeout(() => {
        if (pendingCallbacks.get(id) !== button) return
        pendingCallbacks.delete(id)
        button.classList.remove('is-pending')
      }, CALLBACK_SPINNER_MS)
    } catch (error) {
      button.classList.remove('is-pending')
      feedback.showError(error)
    }
  }

  function answerCallback(event) {
    const button = pendingCallbacks.get(event.callback_query_id)
    if (button === undefined) {
      // Answered before our POST returned (or pressed in another tab): remember it, briefly.
      if (earlyAnswers.size > 50) earlyAnswers.clear()
      earlyAnswers.add(event.callback_query_id)
    }
    pendingCallbacks.delete(event.callback_query_id)
    button?.classList.remove('is-pending')
    if (event.text) {
      if (event.show_alert) feedback.showAlert(event.text)
      else feedback.toast(event.text)
    }
  }

  scroller.addEventListener('scroll', () => {
    stickToBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80
  })
  // The reply keyboard and the typing row change the visible height: stay at the newest message.
  new ResizeObserver(() => stickToBottom && scrollToBottom()).observe(scroller)

  return {
    /** Shows `id`'s chat: drops the old stream, then streams and loads the new one. */
    open(id) {
      source?.close()
      source = undefined
      userId = id
      messages = new Map()
      buffered = undefined
      historyRun++
      pendingCallbacks.clear()
      stopTyping()
      list.replaceChildren()
      list.dataset.userId = String(id)
      onKeyboard(null)
      connect()
    },
    send,
    upload,
    pressInline,
    /** After an image loads: keep the newest message in view if it was. */
    followNewest: () => stickToBottom && scrollToBottom(),
  }
}
