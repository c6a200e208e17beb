// Short feedback: a toast (callback answers, errors) and an alert (callback answers with show_alert).

import { ApiFailure, NETWORK_FAILURE } from './api.js'

const $ = (id) => document.getElementById(id)

/** @param {(key: string, vars?: Record<string, string>) => string} t */
export function createFeedback(t) {
  let timer

  function toast(text, kind = 'info') {
    const node = $('toast')
    node.textContent = text
    node.dataset.kind = kind
    node.hidden = false
    clearTimeout(timer)
    timer = setTimeout(() => (node.hidden = true), kind === 'error' ? 6000 : 3500)
  }

  return {
    toast,
    /** "Could not send: {reason}", with the emulator's description as the reason. */
    showError(error) {
      const reason =
        error instanceof ApiFailure
          ? error.status === NETWORK_FAILURE
            ? t('webchat-network-error')
            : error.reason
          : String(error?.message ?? error)
      toast(t('webchat-error', { reason }), 'error')
    },
    showAlert(text) {
      $('alert-text').textContent = text
      if (!$('alert-dialog').open) $('alert-dialog').showModal()
    },
  }
}
