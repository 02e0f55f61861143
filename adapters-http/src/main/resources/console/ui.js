// DOM helpers. Everything shown is built with createElement and textContent: no markup is ever
// parsed from data, so names and descriptions cannot inject anything.

let ids = 0;

/** A fresh id for label/control pairs. */
export function uid(prefix = 'f') {
  ids += 1;
  return `${prefix}-${ids}`;
}

/**
 * An element: h('a', {href: '#/x', class: 'c', onclick: fn}, 'text', child, [more]). Attributes
 * starting with "on" are listeners; true/false set or leave out boolean attributes.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.className = value;
    } else if (name === 'value') {
      el.value = value;
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A labelled control: the label names it, the hint describes it (aria-describedby). */
export function field(labelText, control, hint) {
  const id = control.id || uid('field');
  control.id = id;
  const parts = [h('label', { for: id }, labelText), control];
  if (hint) {
    const hintId = id + '-hint';
    const hintEl = h('span', { class: 'hint', id: hintId }, hint);
    control.setAttribute('aria-describedby', hintId);
    parts.push(hintEl);
  }
  return h('div', { class: 'field' }, parts);
}

export function option(value, text, selected) {
  return h('option', { value, selected: selected ? true : false }, text);
}

export function select(name, options, current) {
  return h(
    'select',
    { name },
    options.map(([value, text]) => option(value, text, value === current)),
  );
}

const notice = () => document.getElementById('notice');
const alertBox = () => document.getElementById('alert');

/** Says what happened (a polite live region). */
export function notify(message) {
  alertBox().textContent = '';
  notice().textContent = message;
}

/** Says what went wrong (an assertive live region), with the server's message. */
export function fail(what, error) {
  const reason = error ? (error.message || String(error)) : '';
  notice().textContent = '';
  const box = alertBox();
  box.textContent = reason ? `${what}: ${reason}` : what;
  box.scrollIntoView({ block: 'nearest' });
}

export function clearMessages() {
  notice().textContent = '';
  alertBox().textContent = '';
}

/** Runs work while the button says it is busy; answers whatever the work answers. */
export async function busy(button, work) {
  const label = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = label;
  }
}

/** A progress bar with a sentence; update(sent, total, text) or working(text) for unknown lengths. */
export function progress(text) {
  const bar = h('progress', { max: '100' });
  const label = h('span', { class: 'progress-text' }, text);
  const id = uid('progress');
  label.id = id;
  bar.setAttribute('aria-labelledby', id);
  const el = h('div', { class: 'progress', role: 'status' }, label, bar);
  return {
    el,
    update(sent, total, sentence) {
      if (total > 0) bar.value = Math.round((sent / total) * 100);
      else bar.removeAttribute('value');
      if (sentence) label.textContent = sentence;
    },
    working(sentence) {
      bar.removeAttribute('value');
      label.textContent = sentence;
    },
  };
}

/** Asks before something that cannot be undone; Escape or Cancel answers false. */
export function confirmAction(question, confirmLabel = 'Confirm') {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-text').textContent = question;
  document.getElementById('confirm-ok').textContent = confirmLabel;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.returnValue = 'cancel';
    dialog.showModal();
    document.getElementById('confirm-cancel').focus();
  });
}

export function formatDate(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatBytes(n) {
  if (n === null || n === undefined) return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

export function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/** A table with a header row; rows are arrays of cells (a cell is text, a node, or [node...]). */
export function table(caption, headers, rows, className = 'cards') {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: className },
      caption ? h('caption', caption) : null,
      h('thead', h('tr', headers.map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        rows.map((cells) => h('tr', cells.map((c, i) => h('td', { 'data-label': headers[i] }, c)))),
      ),
    ),
  );
}

/** The page's heading, focused after navigation so that screen readers announce the page. */
export function heading(text) {
  return h('h1', { tabindex: '-1' }, text);
}

export function json(value) {
  return JSON.stringify(value ?? {}, null, 2);
}

/**
 * The JSON object typed in a textarea; undefined (after saying why and focusing the field) when
 * it is not valid JSON or not an object.
 */
export function jsonObjectIn(textarea) {
  let value;
  try {
    value = JSON.parse(textarea.value);
  } catch (error) {
    fail('The params are not valid JSON', error);
    textarea.focus();
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail('The params must be a JSON object, like {"learning_rate": 0.01}');
    textarea.focus();
    return undefined;
  }
  return value;
}
