import { del, v1 } from '../api.js';
import { busy, confirmAction, fail, field, formatDate, h, heading, notify, plural, table } from '../ui.js';
import { go } from '../nav.js';

const PAGE = 50;

// a key just issued, shown once when the page is drawn again (kept in memory only, never stored)
let pendingSecret = null;

/** A key shown once, with the warning that it will not be shown again. */
function secret(owner, token) {
  const copy = h('button', { type: 'button', class: 'secondary' }, 'Copy');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(token);
      notify('The key was copied to the clipboard.');
    } catch {
      fail('The browser did not allow copying; select the key and copy it by hand');
    }
  });
  return h(
    'div',
    { class: 'secret', id: 'new-key', role: 'status' },
    h('strong', `New API key for ${owner} — copy it now, it is shown only this once:`),
    h('code', { id: 'new-key-value' }, token),
    copy,
  );
}

/** Administrators: what the server runs with, users and their keys (issue, revoke), new users. */
export async function adminView({ params }) {
  const offset = Math.max(0, Number.parseInt(params.get('offset') || '0', 10) || 0);
  const [server, users] = await Promise.all([
    v1('GET', '/api/v1/admin/server'),
    v1('GET', `/api/v1/admin/users?limit=${PAGE}&offset=${offset}`),
  ]);
  const shown = h('div', { id: 'secret-slot' });
  const refresh = () => go(`#/admin${offset ? `?offset=${offset}` : ''}`);
  if (pendingSecret) {
    shown.append(secret(pendingSecret.owner, pendingSecret.token));
    pendingSecret = null;
  }
  const showOnce = (owner, token) => {
    pendingSecret = { owner, token };
    refresh();
  };

  const serverPanel = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'server-title' },
    h('h2', { id: 'server-title' }, 'This server'),
    h(
      'dl',
      { class: 'facts', id: 'server-facts' },
      h('dt', 'Atelier version'),
      h('dd', server.version),
      h('dt', 'Database'),
      h('dd', `${server.database} ${server.database_version}`),
      h('dt', 'Analyzer'),
      h('dd', server.analyzer.provider),
      h('dt', 'Model'),
      h('dd', server.analyzer.model || '—'),
    ),
  );

  const rows = users.users.map((u) => {
    const keys = h(
      'ul',
      { class: 'files' },
      u.keys.map((k) => {
        const revoke = h('button', { type: 'button', class: 'link' }, 'Revoke');
        revoke.setAttribute('aria-label', `Revoke key ${k.key_id} of ${u.email}`);
        revoke.addEventListener('click', async () => {
          if (!(await confirmAction(`Revoke key ${k.key_id} of ${u.email}? Whoever uses it is refused at once.`, 'Revoke'))) return;
          try {
            await del(`/api/v1/admin/keys/${encodeURIComponent(k.key_id)}`);
            notify(`Key ${k.key_id} of ${u.email} was revoked.`);
            refresh();
          } catch (error) {
            fail('The key was not revoked', error);
          }
        });
        return h(
          'li',
          { 'data-key': k.key_id },
          h('span', h('code', k.key_id), ' ', h('span', { class: `badge ${k.revoked ? 'revoked' : 'live'}` }, k.revoked ? 'revoked' : 'active'), h('span', { class: 'muted' }, ` · created ${formatDate(k.created_at)} · last used ${k.last_used_at ? formatDate(k.last_used_at) : 'never'}`)),
          k.revoked ? null : revoke,
        );
      }),
    );
    const issue = h('button', { type: 'button', class: 'secondary' }, 'Issue a new key');
    issue.setAttribute('aria-label', `Issue a new key for ${u.email}`);
    issue.addEventListener('click', () =>
      busy(issue, async () => {
        try {
          const data = await v1('POST', `/api/v1/admin/users/${encodeURIComponent(u.id)}/keys`, {});
          notify(`A new key was issued for ${u.email}.`);
          showOnce(u.email, data.api_key);
        } catch (error) {
          fail('No key was issued', error);
        }
      }),
    );
    return [
      [h('strong', u.name), h('br'), u.email],
      u.organization || '—',
      u.admin ? 'administrator' : 'user',
      keys,
      issue,
    ];
  });
  const list = table(`${plural(users.total, 'user', 'users')}`, ['User', 'Organization', 'Kind', 'API keys', 'Actions'], rows);
  list.querySelector('table').id = 'users-table';
  const pager = h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages of users' },
    offset > 0 ? h('a', { class: 'button secondary', href: `#/admin?offset=${Math.max(0, offset - PAGE)}` }, 'Previous page') : null,
    offset + users.users.length < users.total ? h('a', { class: 'button secondary', href: `#/admin?offset=${offset + PAGE}` }, 'Next page') : null,
  );

  const email = h('input', { type: 'email', name: 'email', required: true, autocomplete: 'off' });
  const name = h('input', { type: 'text', name: 'name', required: true });
  const organization = h('input', { type: 'text', name: 'organization' });
  const admin = h('input', { type: 'checkbox', name: 'admin', id: 'new-user-admin' });
  const create = h('button', { type: 'submit' }, 'Register user');
  const form = h(
    'form',
    { id: 'user-form' },
    h('div', { class: 'row' }, field('Email', email), field('Name', name), field('Organization (optional)', organization)),
    h('div', { class: 'field check' }, admin, h('label', { for: 'new-user-admin' }, 'Administrator (manages users and keys)')),
    h('div', { class: 'actions' }, create),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await busy(create, async () => {
      try {
        const body = { email: email.value.trim(), name: name.value.trim(), admin: admin.checked };
        if (organization.value.trim()) body.organization = organization.value.trim();
        const data = await v1('POST', '/api/v1/admin/users', body);
        notify(`${data.user.email} is registered.`);
        showOnce(data.user.email, data.api_key);
      } catch (error) {
        fail('The user was not registered', error);
      }
    });
  });

  return h(
    'div',
    heading('Administration'),
    shown,
    serverPanel,
    h('section', { class: 'panel', 'aria-labelledby': 'users-title' }, h('h2', { id: 'users-title' }, 'Users and API keys'), list, pager),
    h('section', { class: 'panel', 'aria-labelledby': 'new-user-title' }, h('h2', { id: 'new-user-title' }, 'Register a user'), form),
  );
}
