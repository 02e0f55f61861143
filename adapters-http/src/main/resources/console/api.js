// Atelier's public API as the console uses it: the API key from this tab's session storage in an
// Authorization header (never in a URL or a cookie), and every error turned into the server's own
// message whatever the dialect (problem+json "detail", v1 envelope "message", labeling "error").

const KEY = 'atelier.apiKey';
const USER = 'atelier.user';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

let unauthorizedHandler = () => {};

/** Called with the server's message when a signed-in request answers 401. */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

export function apiKey() {
  return sessionStorage.getItem(KEY);
}

export function currentUser() {
  const raw = sessionStorage.getItem(USER);
  try {
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

export function startSession(key, user) {
  sessionStorage.setItem(KEY, key);
  sessionStorage.setItem(USER, JSON.stringify(user));
}

export function endSession() {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(USER);
}

/** The server's message in an error answer, or a sentence about the status when there is none. */
export function messageOf(status, statusText, text) {
  if (text) {
    try {
      const body = JSON.parse(text);
      if (body && typeof body.detail === 'string' && body.detail) return body.detail;
      if (body && typeof body.message === 'string' && body.message) return body.message;
      if (body && typeof body.error === 'string' && body.error) return body.error;
      if (body && typeof body.title === 'string' && body.title) return body.title;
    } catch {
      // not JSON: fall through to the status line
    }
  }
  if (status === 413) return 'the file is larger than the server accepts';
  return `the server answered ${status}${statusText ? ' ' + statusText : ''}`;
}

function failed(status, message, signedIn) {
  if (status === 401 && signedIn) {
    unauthorizedHandler(message);
  }
  return new ApiError(status, message);
}

const UNREACHABLE = 'the server could not be reached; check that Atelier is running and try again';

/**
 * One request. {json} sends a JSON body; {body} sends anything fetch takes; {key} uses that key
 * instead of the session's (sign-in); {raw} answers the Response itself (downloads).
 */
export async function request(method, path, options = {}) {
  const headers = new Headers(options.headers || {});
  const key = options.key || apiKey();
  if (key) headers.set('Authorization', 'Bearer ' + key);
  headers.set('Accept', 'application/json, application/problem+json;q=0.9, */*;q=0.5');
  let body = options.body;
  if (options.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(options.json);
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body, cache: 'no-store', credentials: 'omit' });
  } catch {
    throw new ApiError(0, UNREACHABLE);
  }
  if (!response.ok) {
    const text = await response.text();
    throw failed(response.status, messageOf(response.status, response.statusText, text), !options.key);
  }
  if (options.raw) return response;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const get = (path, options) => request('GET', path, options);
export const post = (path, json, options = {}) => request('POST', path, { ...options, json });
export const put = (path, json, options = {}) => request('PUT', path, { ...options, json });
export const del = (path, options) => request('DELETE', path, options);

/** The data of a v1 envelope. */
export async function v1(method, path, json) {
  const answer = await request(method, path, json === undefined ? {} : { json });
  return answer ? answer.data : null;
}

/**
 * A request whose body may take a while to send (files): XMLHttpRequest, because fetch cannot
 * report upload progress. onProgress(sent, total) while sending, then onSent() while the server works.
 */
export function send(method, path, body, { contentType, onProgress, onSent } = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    const key = apiKey();
    if (key) xhr.setRequestHeader('Authorization', 'Bearer ' + key);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json;q=0.9');
    if (contentType) xhr.setRequestHeader('Content-Type', contentType);
    xhr.upload.onprogress = (e) => onProgress && onProgress(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.upload.onload = () => onSent && onSent();
    xhr.onerror = () => reject(new ApiError(0, UNREACHABLE));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(xhr.responseText ? JSON.parse(xhr.responseText) : null);
        } catch {
          reject(new ApiError(xhr.status, 'the server answered something that is not JSON'));
        }
      } else {
        reject(failed(xhr.status, messageOf(xhr.status, xhr.statusText, xhr.responseText), true));
      }
    };
    xhr.send(body);
  });
}

/** Saves a blob as a file: a temporary object URL clicked by a link (no key in any URL). */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { name, size: blob.size };
}

/** Downloads an answer as a file, under the name the server gives it or {fallbackName}. */
export async function download(method, path, fallbackName, json) {
  const response = await request(method, path, json === undefined ? { raw: true } : { raw: true, json });
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename="?([^";]+)"?/i.exec(disposition);
  return saveBlob(blob, match ? match[1] : fallbackName);
}
