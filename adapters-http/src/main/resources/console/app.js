// The console's entry point: a router over the URL's fragment (#/projects/…), the signed-in
// session, and the header. Every page is a view module that answers an element.
import { apiKey, currentUser, endSession, onUnauthorized } from './api.js';
import { clearMessages, fail, h, notify } from './ui.js';
import { go, setSignOutReason } from './nav.js';
import { signInView } from './views/signin.js';
import { projectsView } from './views/projects.js';
import { projectView } from './views/project.js';
import { createView } from './views/create.js';
import { importView } from './views/import.js';
import { workspacesView, workspaceView } from './views/workspaces.js';
import { adminView } from './views/admin.js';

const routes = [
  [/^\/signin$/, signInView, 'Sign in', null],
  [/^\/projects$/, projectsView, 'Projects', 'projects'],
  [/^\/projects\/([^/]+)$/, projectView, 'Project', 'projects'],
  [/^\/new$/, createView, 'New project', 'new'],
  [/^\/import$/, importView, 'Import', 'import'],
  [/^\/workspaces$/, workspacesView, 'Workspaces', 'workspaces'],
  [/^\/workspaces\/([^/]+)$/, workspaceView, 'Workspace', 'workspaces'],
  [/^\/admin$/, adminView, 'Administration', 'admin'],
];

let rendering = 0;

function updateHeader(section) {
  const user = currentUser();
  const signedIn = Boolean(apiKey() && user);
  document.getElementById('nav').hidden = !signedIn;
  document.getElementById('who').hidden = !signedIn;
  document.getElementById('nav-admin').hidden = !(signedIn && user.admin);
  if (signedIn) {
    document.getElementById('who-name').textContent = `${user.name} (${user.email})`;
  }
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.section === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

async function render() {
  const raw = location.hash.slice(1);
  if (!raw.startsWith('/')) {
    if (raw === '') location.replace('#/projects');
    return;
  }
  const [path, query] = raw.split('?');
  const params = new URLSearchParams(query || '');
  const main = document.getElementById('main');
  const found = routes.find(([pattern]) => pattern.test(path));
  if (!apiKey() && path !== '/signin') {
    location.replace('#/signin');
    return;
  }
  if (apiKey() && path === '/signin') {
    location.replace('#/projects');
    return;
  }
  const ticket = ++rendering;
  if (!found) {
    updateHeader(null);
    main.replaceChildren(h('h1', 'Page not found'), h('p', h('a', { href: '#/projects' }, 'Back to the projects')));
    return;
  }
  const [pattern, view, title, section] = found;
  updateHeader(section);
  main.setAttribute('aria-busy', 'true');
  main.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  let content;
  try {
    content = await view({ params, match: pattern.exec(path), go });
  } catch (error) {
    if (error && error.status === 401) return; // the unauthorized handler has moved on already
    content = h(
      'div',
      { class: 'error-page' },
      h('h1', { tabindex: '-1' }, error && error.status === 403 ? 'Not allowed' : 'This page could not be shown'),
      h('p', { class: 'alert', role: 'alert' }, error ? error.message : 'unknown error'),
      h('p', h('a', { href: '#/projects' }, 'Back to the projects')),
    );
  }
  if (ticket !== rendering) return;
  main.removeAttribute('aria-busy');
  main.replaceChildren(content);
  const heading = main.querySelector('h1');
  document.title = `${heading ? heading.textContent : title} · Atelier`;
  if (heading) heading.focus();
}

onUnauthorized((message) => {
  endSession();
  setSignOutReason(`You were signed out because the server refused your API key (${message}). Sign in again.`);
  clearMessages();
  location.hash = '#/signin';
});

document.getElementById('sign-out').addEventListener('click', () => {
  endSession();
  notify('Signed out. The API key was removed from this tab.');
  location.hash = '#/signin';
});

window.addEventListener('hashchange', () => {
  render().catch((e) => fail('The page could not be shown', e));
});
window.addEventListener('unhandledrejection', (event) => {
  if (event.reason && event.reason.status === 401) return;
  fail('Something went wrong', event.reason);
});
render().catch((e) => fail('The page could not be shown', e));
