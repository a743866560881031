import { buildUrl, commonHeaders, handleUnauthorized, toApiError } from './api'
import { SseParser, type SseEvent } from './sse-parser'

export type { SseEvent }

export interface EventStreamOptions {
  onEvent: (event: SseEvent) => void
  /** Connected (again). `reconnected` is true from the second connection on. */
  onOpen?: (reconnected: boolean) => void
  /** The connection failed or ended; `willRetry` tells whether another attempt follows. */
  onError?: (error: unknown, willRetry: boolean) => void
  /** First reconnection delay in ms (doubles up to maxRetryMs). */
  retryMs?: number
  maxRetryMs?: number
}

export interface EventStream {
  close(): void
}

/**
 * Opens a server-sent event stream with fetch so that the bearer token and Accept-Language go along (EventSource
 * cannot send headers). Reconnects with back-off and `Last-Event-ID`; stops on 401 (and logs out) or any other 4xx.
 */
export function openEventStream(path: string, options: EventStreamOptions): EventStream {
  const controller = new AbortController()
  const baseDelay = options.retryMs ?? 2000
  const maxDelay = options.maxRetryMs ?? 30000
  let closed = false
  let delay = baseDelay
  let lastEventId = ''
  let connections = 0

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms)
      controller.signal.addEventListener('abort', () => {
        clearTimeout(timer)
        resolve()
      })
    })

  async function connectOnce(): Promise<'retry' | 'stop'> {
    const headers: Record<string, string> = {
      ...commonHeaders(true),
      Accept: 'text/event-stream',
      'Cache-Control': 'no-cache',
    }
    if (lastEventId) headers['Last-Event-ID'] = lastEventId
    const sentToken = 'Authorization' in headers
    const res = await fetch(buildUrl(path), { headers, signal: controller.signal, cache: 'no-store' })
    if (res.status === 401) {
      if (sentToken) handleUnauthorized()
      options.onError?.(await toApiError(res), false)
      return 'stop'
    }
    if (!res.ok || !res.body) {
      const error = await toApiError(res)
      const retry = res.status >= 500 || res.status === 429 || res.status === 408
      options.onError?.(error, retry)
      return retry ? 'retry' : 'stop'
    }
    options.onOpen?.(connections++ > 0)
    delay = baseDelay
    const parser = new SseParser()
    const reader = res.body.getReader()
    const decoder = new TextDecoder('utf-8')
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      for (const event of parser.feed(decoder.decode(value, { stream: true }))) {
        lastEventId = event.id
        try {
          options.onEvent(event)
        } catch (e) {
          console.error('SSE handler failed', e)
        }
      }
      if (parser.retry !== null) delay = parser.retry
    }
    options.onError?.(new Error('stream ended'), !closed)
    return 'retry'
  }

  void (async () => {
    while (!closed) {
      try {
        if ((await connectOnce()) === 'stop') return
      } catch (e) {
        if (closed) return
        options.onError?.(e, true)
      }
      if (closed) return
      await sleep(delay)
      delay = Math.min(delay * 2, maxDelay)
    }
  })()

  return {
    close() {
      closed = true
      controller.abort()
    },
  }
}
