import { currentLocale, t } from './i18n'
import { clearSession, currentToken } from './session'

/** One field error of an RFC 9457 problem. */
export interface FieldError {
  field: string
  message: string
}

/** The RFC 9457 `application/problem+json` body the back end sends for every error. */
export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
  errors?: FieldError[]
  [extension: string]: unknown
}

/** A failed API call. `message` is the problem's human `detail` (already in the request's language). */
export class ApiError extends Error {
  readonly status: number
  readonly type: string
  readonly title: string
  readonly detail: string
  readonly fieldErrors: FieldError[]
  readonly problem: Problem | null

  constructor(status: number, problem: Problem | null, fallback: string) {
    const detail = problem?.detail || problem?.title || fallback
    super(detail)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
    this.type = problem?.type ?? 'about:blank'
    this.title = problem?.title ?? ''
    this.detail = detail
    this.fieldErrors = Array.isArray(problem?.errors) ? problem.errors : []
  }

  /** Field errors by field name (first message wins), for forms. */
  fieldMessages(): Record<string, string> {
    const out: Record<string, string> = {}
    for (const e of this.fieldErrors) if (e.field && !(e.field in out)) out[e.field] = e.message
    return out
  }
}

/** A message for anything a call can throw. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error && e.message) return e.message
  return t('common.networkError')
}

type QueryValue = string | number | boolean | null | undefined
/** A query; an array value repeats the parameter (`code=a&code=b`). */
type Query = Record<string, QueryValue | readonly QueryValue[]>

export interface RequestOptions {
  query?: Query
  body?: unknown
  signal?: AbortSignal
  headers?: Record<string, string>
  /** Send the bearer token (default true). Login sends none. */
  auth?: boolean
}

export type UnauthorizedHandler = () => void
let unauthorizedHandler: UnauthorizedHandler | null = null

/** Each app routes to its own login page when the server rejects the token. */
export function onUnauthorized(handler: UnauthorizedHandler): void {
  unauthorizedHandler = handler
}

/** Called when a request that carried a token came back 401: forget the token and go to login. */
export function handleUnauthorized(): void {
  clearSession()
  unauthorizedHandler?.()
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [k, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v === undefined || v === null || v === '') continue
      params.append(k, String(v))
    }
  }
  const qs = params.toString()
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path
}

/** Headers every call sends: the bearer token (when there is one) and the UI language. */
export function commonHeaders(auth = true): Record<string, string> {
  const headers: Record<string, string> = { 'Accept-Language': currentLocale.value }
  const token = auth ? currentToken() : null
  if (token) headers.Authorization = `Bearer ${token}`
  return headers
}

/** Turns a non-2xx response into an ApiError, reading a problem+json (or any JSON) body when there is one. */
export async function toApiError(res: Response): Promise<ApiError> {
  let problem: Problem | null = null
  const type = res.headers.get('Content-Type') ?? ''
  if (type.includes('json')) {
    try {
      const body: unknown = await res.json()
      if (body && typeof body === 'object') problem = body as Problem
    } catch {
      problem = null
    }
  }
  return new ApiError(res.status, problem, t('common.requestFailed', { status: res.status }))
}

/** Sends a call and returns the 2xx response; anything else throws an ApiError (a 401 on a call with a token logs out). */
async function send(method: string, path: string, options: RequestOptions, accept: string): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: accept,
    ...commonHeaders(options.auth ?? true),
    ...options.headers,
  }
  let body: BodyInit | undefined
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  const sentToken = 'Authorization' in headers

  let res: Response
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      signal: options.signal,
      credentials: 'same-origin',
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError(0, null, t('common.networkError'))
  }

  if (!res.ok) {
    const error = await toApiError(res)
    if (res.status === 401 && sentToken) handleUnauthorized()
    throw error
  }
  return res
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, options, 'application/json, application/problem+json')
  if (res.status === 204 || res.status === 205) return undefined as T
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

/** A file the server sent: its bytes and the name from `Content-Disposition` (null when it gave none). */
export interface DownloadedFile {
  blob: Blob
  filename: string | null
}

/** `attachment; filename*=UTF-8''%E5%81%A5.pdf` / `filename="record.pdf"` → the file name. */
export function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(disposition)
  if (star) {
    try {
      return decodeURIComponent(star[2].trim().replace(/^"|"$/g, ''))
    } catch {
      // a malformed encoding: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition)
  const name = plain ? (plain[2] ?? plain[1]).trim() : ''
  return name || null
}

/**
 * GETs a file with the session's bearer token (a plain link cannot send it). `accept` is what the file may be;
 * problem+json errors become ApiErrors as for every call.
 */
export async function download(path: string, options: RequestOptions & { accept?: string } = {}): Promise<DownloadedFile> {
  const res = await send('GET', path, options, `${options.accept ?? '*/*'}, application/problem+json`)
  return { blob: await res.blob(), filename: filenameOf(res.headers.get('Content-Disposition')) }
}

/** Saves a blob as a file through a temporary object URL (the browser's own download). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
  download,
}
