import { get, startSession } from '../api.js';
import { busy, clearMessages, fail, field, h, heading, notify } from '../ui.js';
import { go, takeSignOutReason } from '../nav.js';

export async function signInView() {
  const reason = takeSignOutReason();
  const key = h('input', {
    type: 'password',
    name: 'api_key',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
  });
  const submit = h('button', { type: 'submit' }, 'Sign in');
  const form = h(
    'form',
    { class: 'panel', 'aria-labelledby': 'signin-title' },
    field('API key', key, 'The administrator key printed when the server first started, or a key an administrator issued to you. It is kept in this tab only, until you sign out or close it.'),
    h('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = key.value.trim();
    if (!value) {
      fail('Enter an API key');
      key.focus();
      return;
    }
    await busy(submit, async () => {
      try {
        const answer = await get('/api/v1/me', { key: value });
        const user = answer.data.user;
        startSession(value, user);
        notify(`Signed in as ${user.name} (${user.email}).`);
        go('#/projects');
      } catch (error) {
        fail('Sign-in failed', error);
        key.select();
      }
    });
  });
  if (reason) fail(reason);
  else if (!document.getElementById('notice').textContent) clearMessages();
  return h(
    'div',
    { class: 'signin' },
    heading('Sign in to Atelier'),
    h('p', { class: 'sub', id: 'signin-title' }, 'Projects and workspaces for data and AI teams.'),
    form,
  );
}
