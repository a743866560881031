import { reactive, watch } from 'vue'
import { errorMessage } from './api'
import { notificationApi } from './endpoints'
import { session } from './session'
import { openEventStream, type EventStream } from './sse'
import type { Notification } from './types'

const PAGE_SIZE = 20

/** The signed-in user's inbox, shared by every page of an app; kept current by the SSE stream. */
export const inbox = reactive({
  items: [] as Notification[],
  total: 0,
  unread: 0,
  nextPage: 0,
  loading: false,
  finished: false,
  /** Why the last load failed; '' when it did not. */
  error: '',
  /** The live stream is connected. */
  live: false,
})

type Listener = (n: Notification) => void
const listeners = new Set<Listener>()
let stream: EventStream | null = null
let generation = 0
/** Notifications received over the stream, oldest first: see loadPage. */
let streamed: Notification[] = []

/** Called for every notification that arrives over the stream (e.g. to show a toast). */
export function onNewNotification(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function reset(): void {
  inbox.items = []
  inbox.total = 0
  inbox.unread = 0
  inbox.nextPage = 0
  inbox.loading = false
  inbox.finished = false
  inbox.error = ''
  inbox.live = false
  streamed = []
}

async function loadPage(page: number): Promise<void> {
  const gen = generation
  const streamedBefore = streamed.length
  inbox.loading = true
  inbox.error = ''
  try {
    const res = await notificationApi.list({ page, size: PAGE_SIZE })
    if (gen !== generation) return
    const items = res.items ?? []
    // Page 0 replaces the list, but what the stream delivered while it was on its way may be missing from it.
    let newer: Notification[] = []
    if (page === 0) {
      const ids = new Set(items.map((n) => n.id))
      newer = streamed.slice(streamedBefore).filter((n) => !ids.has(n.id)).reverse()
      inbox.items = [...newer, ...items]
    } else {
      const known = new Set(inbox.items.map((n) => n.id))
      inbox.items.push(...items.filter((n) => !known.has(n.id)))
    }
    inbox.total = res.total != null ? res.total + newer.length : inbox.items.length
    inbox.unread =
      res.unread != null ? res.unread + newer.filter((n) => !n.readAt).length : inbox.items.filter((n) => !n.readAt).length
    inbox.nextPage = page + 1
    inbox.finished = items.length < PAGE_SIZE || inbox.items.length >= inbox.total
  } catch (e) {
    if (gen !== generation) return
    // Lists show this and stop loading by themselves until the user retries.
    inbox.error = errorMessage(e)
  } finally {
    if (gen === generation) inbox.loading = false
  }
}

export function refreshInbox(): Promise<void> {
  inbox.finished = false
  return loadPage(0)
}

export function loadMoreInbox(): Promise<void> {
  if (inbox.finished || !session.token) {
    inbox.loading = false
    return Promise.resolve()
  }
  return loadPage(inbox.nextPage)
}

function received(n: Notification): void {
  const i = inbox.items.findIndex((x) => x.id === n.id)
  if (i >= 0) {
    const wasUnread = !inbox.items[i].readAt
    inbox.items[i] = n
    if (wasUnread && n.readAt) inbox.unread = Math.max(0, inbox.unread - 1)
    return
  }
  streamed.push(n)
  inbox.items.unshift(n)
  inbox.total += 1
  if (!n.readAt) inbox.unread += 1
  listeners.forEach((l) => l(n))
}

function start(): void {
  if (stream) return
  generation++
  void refreshInbox()
  stream = openEventStream(notificationApi.streamPath, {
    onEvent(event) {
      if (event.event !== 'notification') return
      try {
        received(JSON.parse(event.data) as Notification)
      } catch {
        // Not JSON: nothing to show.
      }
    },
    onOpen() {
      inbox.live = true
      // What arrived between the first page's answer and this connection (or while it was down) is in no event:
      // load the first page again.
      void refreshInbox()
    },
    onError() {
      inbox.live = false
    },
  })
}

function stop(): void {
  stream?.close()
  stream = null
  generation++
  reset()
}

export async function markRead(n: Notification): Promise<void> {
  if (n.readAt) return
  const readAt = new Date().toISOString()
  n.readAt = readAt
  inbox.unread = Math.max(0, inbox.unread - 1)
  try {
    await notificationApi.markRead(n.id)
  } catch (e) {
    if (n.readAt === readAt) {
      n.readAt = null
      inbox.unread += 1
    }
    throw e
  }
}

export async function markAllRead(): Promise<void> {
  await notificationApi.markAllRead()
  const now = new Date().toISOString()
  inbox.items.forEach((n) => {
    if (!n.readAt) n.readAt = now
  })
  inbox.unread = 0
}

/** Starts the inbox and its live stream while someone is signed in; call once from the app's root component. */
export function useInboxLifecycle(): void {
  watch(
    () => session.token,
    (token, previous) => {
      if (token && token !== previous) {
        stop()
        start()
      } else if (!token) {
        stop()
      }
    },
    { immediate: true },
  )
}
