/** One dispatched server-sent event. */
export interface SseEvent {
  /** `event:` field, `message` when absent. */
  event: string
  /** `data:` lines joined with "\n". */
  data: string
  /** Last `id:` seen on the stream so far. */
  id: string
}

/**
 * Incremental parser of the `text/event-stream` format (WHATWG HTML §9.2): feed it decoded text in chunks of any size;
 * it returns the events completed by that chunk. Comment lines (`: ping`) are reported through `onComment`.
 */
export class SseParser {
  private buffer = ''
  private pendingCR = false
  private firstChunk = true
  private eventType = ''
  private data: string[] = []
  private lastId = ''
  /** Reconnection time the server asked for with `retry:`, in ms. */
  retry: number | null = null
  onComment: ((text: string) => void) | null = null

  get lastEventId(): string {
    return this.lastId
  }

  feed(chunk: string): SseEvent[] {
    let text = chunk
    if (this.firstChunk && text.length > 0) {
      this.firstChunk = false
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    }
    // A CR that ended the previous chunk already ended a line; skip the LF of its CRLF.
    if (this.pendingCR && text.startsWith('\n')) text = text.slice(1)
    this.pendingCR = false

    const events: SseEvent[] = []
    this.buffer += text
    let start = 0
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i]
      if (c !== '\n' && c !== '\r') continue
      const line = this.buffer.slice(start, i)
      if (c === '\r') {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === '\n') i++
        } else {
          this.pendingCR = true
        }
      }
      start = i + 1
      const event = this.line(line)
      if (event) events.push(event)
    }
    this.buffer = this.buffer.slice(start)
    return events
  }

  private line(line: string): SseEvent | null {
    if (line === '') return this.dispatch()
    if (line.startsWith(':')) {
      this.onComment?.(line.slice(1).trimStart())
      return null
    }
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    let value = colon < 0 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    switch (field) {
      case 'event':
        this.eventType = value
        break
      case 'data':
        this.data.push(value)
        break
      case 'id':
        if (!value.includes('\0')) this.lastId = value
        break
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value)
        break
      default:
        break // unknown fields are ignored
    }
    return null
  }

  private dispatch(): SseEvent | null {
    const type = this.eventType || 'message'
    const data = this.data
    this.eventType = ''
    this.data = []
    if (data.length === 0) return null
    return { event: type, data: data.join('\n'), id: this.lastId }
  }
}
