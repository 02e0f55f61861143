import { del, download, get, post, put, request, saveBlob, send, v1 } from '../api.js';
import {
  busy,
  confirmAction,
  fail,
  field,
  formatBytes,
  formatDate,
  h,
  heading,
  json,
  jsonObjectIn,
  notify,
  plural,
  progress,
  select,
  table,
} from '../ui.js';
import { go } from '../nav.js';

const RANK = { viewer: 1, editor: 2, admin: 3, owner: 4 };
const ROLES = ['viewer', 'editor', 'admin', 'owner'];

const at = (role, needed) => (RANK[role] || 0) >= RANK[needed];

/** One project: details, status, params and history, members, documents, timeline, export, delete. */
export async function projectView({ match }) {
  const id = decodeURIComponent(match[1]);
  const base = `/api/projects/${encodeURIComponent(id)}`;
  const [loaded, resource, params, members, documents, timeline, workspaces] = await Promise.all([
    v1('GET', `/api/v1/projects/load?project_id=${encodeURIComponent(id)}`),
    request('GET', base, { raw: true }).then(async (r) => ({ etag: r.headers.get('ETag'), body: await r.json() })),
    get(`${base}/params`),
    get(`${base}/members?limit=100`),
    get(`${base}/documents`),
    get(`${base}/timeline`),
    v1('GET', '/api/v1/workspaces/list'),
  ]);
  const project = { ...loaded, ...resource.body.project, etag: resource.etag };
  project.workspace = workspaces.find((w) => w.id === loaded.workspace_id) || null;
  const role = loaded.role;
  const refresh = () => go(`#/projects/${encodeURIComponent(id)}`);
  const ctx = { id, base, project, role, refresh };

  return h(
    'div',
    h(
      'div',
      { class: 'head' },
      h('div', heading(project.name), h('p', { class: 'sub' }, statusLine(project, role))),
      h('div', { class: 'actions' }, h('a', { class: 'button secondary', href: '#/projects' }, 'All projects')),
    ),
    h('div', { class: 'grid' }, detailsPanel(ctx), paramsPanel(ctx, params)),
    membersPanel(ctx, members),
    documentsPanel(ctx, documents),
    h('div', { class: 'grid' }, timelinePanel(timeline), movePanel(ctx)),
  );
}

function statusLine(project, role) {
  return [
    h('span', { class: `badge ${project.status}`, id: 'project-status' }, project.status),
    ` · ${project.type} · your role: `,
    h('strong', { id: 'project-role' }, role),
    ` · ${plural(project.dataset_count, 'dataset', 'datasets')}`,
  ];
}

function detailsPanel({ base, project, role, refresh }) {
  const meta = project.metadata || {};
  const tags = Array.isArray(meta.tags) ? meta.tags : [];
  const facts = h(
    'dl',
    { class: 'facts' },
    h('dt', 'Description'),
    h('dd', project.description || '—'),
    h('dt', 'Task kind'),
    h('dd', project.type),
    meta.domain ? [h('dt', 'Domain'), h('dd', String(meta.domain))] : null,
    tags.length ? [h('dt', 'Tags'), h('dd', h('span', { class: 'tags' }, tags.map((t) => h('span', { class: 'badge' }, String(t)))))] : null,
    meta.template_id ? [h('dt', 'Template'), h('dd', String(meta.template_id))] : null,
    h('dt', 'Workspace'),
    h(
      'dd',
      project.workspace
        ? h('a', { href: `#/workspaces/${encodeURIComponent(project.workspace_id)}` }, project.workspace.name)
        : 'a workspace of its owner',
    ),
    h('dt', 'Visible to'),
    h('dd', project.scope === 'organization' ? 'its members and your organization' : 'its members'),
    h('dt', 'Created'),
    h('dd', formatDate(project.created_at)),
    h('dt', 'Updated'),
    h('dd', formatDate(project.updated_at)),
  );
  const panel = h('section', { class: 'panel', 'aria-labelledby': 'details-title' }, h('h2', { id: 'details-title' }, 'Details'), facts);
  if (!at(role, 'editor')) return panel;

  const name = h('input', { type: 'text', name: 'name', value: project.name, required: true });
  const description = h('textarea', { name: 'description' });
  description.value = project.description || '';
  const save = h('button', { type: 'submit' }, 'Save changes');
  const form = h('form', { id: 'edit-form' }, h('h3', 'Edit'), field('Name', name), field('Description', description), h('div', { class: 'actions' }, save));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await busy(save, async () => {
      try {
        await put(base, { name: name.value, description: description.value }, { headers: { 'If-Match': project.etag } });
        notify(`Saved “${name.value.trim()}”.`);
        refresh();
      } catch (error) {
        fail('The project was not saved', error);
      }
    });
  });
  const archived = project.status === 'archived';
  const toggle = h('button', { type: 'button', class: 'secondary', id: 'archive-toggle' }, archived ? 'Bring back from the archive' : 'Archive');
  toggle.addEventListener('click', () =>
    busy(toggle, async () => {
      try {
        await post(`${base}/${archived ? 'unarchive' : 'archive'}`, {});
        notify(archived ? `“${project.name}” is active again.` : `“${project.name}” is archived.`);
        refresh();
      } catch (error) {
        fail('The status was not changed', error);
      }
    }),
  );
  panel.append(form, h('h3', 'Status'), h('p', { class: 'muted' }, archived ? 'Archived projects stay readable and can be brought back.' : 'Archiving keeps everything and marks the project as no longer in use.'), toggle);
  return panel;
}

function paramsPanel({ base, role, refresh }, params) {
  const current = params.current;
  const history = [...params.history].reverse();
  const panel = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'params-title' },
    h('h2', { id: 'params-title' }, 'Params'),
    h('p', { class: 'muted', id: 'params-version' }, current ? `Current version: ${current.version}` : 'No params yet.'),
    h('pre', { id: 'params-current' }, json(current ? current.params : {})),
  );
  if (at(role, 'editor')) {
    const text = h('textarea', { class: 'code', name: 'params', spellcheck: 'false' });
    text.value = json(current ? current.params : {});
    const instruction = h('input', { type: 'text', name: 'instruction' });
    const save = h('button', { type: 'submit' }, 'Save as a new version');
    const form = h('form', { id: 'params-form' }, field('New params (JSON object)', text), field('Note for this version (optional)', instruction), h('div', { class: 'actions' }, save));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const value = jsonObjectIn(text);
      if (value === undefined) return;
      await busy(save, async () => {
        try {
          const body = { params: value };
          if (instruction.value.trim()) body.instruction = instruction.value.trim();
          const answer = await put(`${base}/params`, body);
          notify(`Params saved as version ${answer.current.version}.`);
          refresh();
        } catch (error) {
          fail('The params were not saved', error);
        }
      });
    });
    panel.append(form);
  }
  panel.append(
    h('h3', `History (${plural(params.history.length, 'version', 'versions')})`),
    h(
      'div',
      { class: 'history', id: 'params-history' },
      history.map((v) =>
        h(
          'details',
          h('summary', `Version ${v.version} · ${formatDate(v.created_at)}${v.instruction ? ' · ' + v.instruction : ''}`),
          h('pre', json(v.params)),
        ),
      ),
    ),
  );
  return panel;
}

function membersPanel({ base, project, role, refresh }, members) {
  const manage = at(role, 'admin');
  const grantable = ROLES.filter((r) => RANK[r] <= RANK[role]);
  const rows = members.items.map((m) => {
    const ownerOfRecord = m.user_id === project.owner_id;
    let roleCell = h('span', { class: 'badge' }, m.role);
    const actions = [];
    if (manage && !ownerOfRecord && RANK[m.role] <= RANK[role]) {
      const change = select('role', grantable.map((r) => [r, r]), m.role);
      change.setAttribute('aria-label', `Role of ${m.email}`);
      change.addEventListener('change', async () => {
        change.disabled = true;
        try {
          await post(`${base}/members`, { email: m.email, role: change.value });
          notify(`${m.email} is now ${change.value}.`);
          refresh();
        } catch (error) {
          fail(`The role of ${m.email} was not changed`, error);
          change.value = m.role;
        } finally {
          change.disabled = false;
        }
      });
      roleCell = change;
      const remove = h('button', { type: 'button', class: 'link' }, 'Remove');
      remove.setAttribute('aria-label', `Remove ${m.email}`);
      remove.addEventListener('click', async () => {
        if (!(await confirmAction(`Remove ${m.email} from “${project.name}”? They lose access at once.`, 'Remove'))) return;
        try {
          await del(`${base}/members/${encodeURIComponent(m.user_id)}`);
          notify(`${m.email} was removed from the project.`);
          refresh();
        } catch (error) {
          fail(`${m.email} was not removed`, error);
        }
      });
      actions.push(remove);
    }
    return [
      m.name,
      m.email,
      ownerOfRecord ? [roleCell, h('span', { class: 'muted' }, ' (owner of record)')] : roleCell,
      formatDate(m.created_at),
      actions.length ? actions : h('span', { class: 'muted' }, '—'),
    ];
  });
  const panel = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'members-title' },
    h('h2', { id: 'members-title' }, 'Members'),
    h('p', { class: 'muted' }, manage ? 'You may grant roles up to your own.' : 'Only admins and owners of this project change its members.'),
    table(`${plural(members.total, 'member', 'members')}`, ['Name', 'Email', 'Role', 'Since', 'Actions'], rows),
  );
  panel.querySelector('table').id = 'members-table';
  if (manage) {
    const email = h('input', { type: 'email', name: 'email', required: true, autocomplete: 'off' });
    const newRole = select('role', grantable.map((r) => [r, r]), 'viewer');
    const add = h('button', { type: 'submit' }, 'Add member');
    const form = h('form', { class: 'row', id: 'add-member' }, field('Email of a registered user', email), field('Role', newRole), add);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      await busy(add, async () => {
        try {
          const answer = await post(`${base}/members`, { email: email.value.trim(), role: newRole.value });
          notify(`${answer.member.email} was added as ${answer.member.role}.`);
          refresh();
        } catch (error) {
          fail('The member was not added', error);
        }
      });
    });
    panel.append(h('h3', 'Add a member'), form);
  }
  return panel;
}

function documentsPanel({ base, role, refresh }, documents) {
  const panel = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'documents-title' },
    h('h2', { id: 'documents-title' }, 'Documents and datasets'),
  );
  if (documents.items.length === 0) {
    panel.append(h('p', { class: 'muted', id: 'documents-empty' }, 'No files yet.'));
  } else {
    const t = table(
      `${plural(documents.total, 'file', 'files')}`,
      ['File', 'Kind', 'Type', 'Size', 'Pages', 'Rows', 'Columns', 'Characters', 'Added'],
      documents.items.map((d) => [
        d.filename,
        d.dataset ? 'dataset' : 'document',
        d.media_type,
        formatBytes(d.size_bytes),
        d.pages ?? '—',
        d.rows ?? '—',
        d.columns ?? '—',
        `${d.characters}${d.truncated ? ' (truncated)' : ''}`,
        formatDate(d.created_at),
      ]),
    );
    t.querySelector('table').id = 'documents-table';
    panel.append(t);
  }
  if (at(role, 'editor')) {
    const files = h('input', { type: 'file', name: 'file', multiple: true });
    const upload = h('button', { type: 'submit' }, 'Upload');
    const slot = h('div');
    const form = h('form', { id: 'upload-form' }, field('Add files', files, 'CSV and spreadsheets become datasets; PDF, Word, text and other documents are read for their text.'), slot, h('div', { class: 'actions' }, upload));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const chosen = [...files.files];
      if (chosen.length === 0) {
        fail('Choose at least one file to upload');
        files.focus();
        return;
      }
      await busy(upload, async () => {
        const done = await attach(base, chosen, slot);
        if (done === chosen.length) {
          notify(`${plural(done, 'file', 'files')} uploaded.`);
          refresh();
        }
      });
    });
    panel.append(form);
  }
  return panel;
}

/** Uploads files one by one with progress; answers how many succeeded (stops at the first failure). */
export async function attach(base, files, slot) {
  const bar = progress('');
  slot.replaceChildren(bar.el);
  let done = 0;
  for (const file of files) {
    const n = `${done + 1} of ${files.length}`;
    bar.update(0, file.size, `Uploading ${file.name} (${n})…`);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      await send('POST', `${base}/datasets`, form, {
        onProgress: (sent, total) => bar.update(sent, total, `Uploading ${file.name} (${n})…`),
        onSent: () => bar.working(`Reading ${file.name} (${n})…`),
      });
      done += 1;
    } catch (error) {
      slot.replaceChildren();
      fail(`${file.name} was not added`, error);
      return done;
    }
  }
  slot.replaceChildren();
  return done;
}

function timelinePanel(timeline) {
  const events = [...timeline.events].reverse();
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'timeline-title' },
    h('h2', { id: 'timeline-title' }, 'Timeline'),
    h(
      'ol',
      { class: 'timeline', id: 'timeline', reversed: true },
      events.map((e) => {
        const details = Object.entries(e)
          .filter(([k]) => !['id', 'type', 'name', 'timestamp'].includes(k))
          .map(([k, v]) => `${k.replaceAll('_', ' ')}: ${typeof v === 'object' ? JSON.stringify(v) : v}`)
          .join(' · ');
        return h(
          'li',
          { 'data-type': e.type },
          h('div', h('strong', e.type.replaceAll('_', ' ')), ' — ', e.name),
          h('div', { class: 'when' }, formatDate(e.timestamp)),
          details ? h('div', { class: 'details' }, details) : null,
        );
      }),
    ),
  );
}

function movePanel({ id, base, project, role }) {
  const zip = h('button', { type: 'button', id: 'export-zip' }, 'Download ZIP archive');
  zip.addEventListener('click', () =>
    busy(zip, async () => {
      try {
        const file = await download('GET', `${base}/export`, `project-${id}.zip`);
        notify(`Exported “${project.name}” as ${file.name} (${formatBytes(file.size)}).`);
      } catch (error) {
        fail('The export failed', error);
      }
    }),
  );
  const jsonExport = h('button', { type: 'button', class: 'secondary', id: 'export-json' }, 'Download JSON export');
  jsonExport.addEventListener('click', () =>
    busy(jsonExport, async () => {
      try {
        const data = await v1('POST', '/api/v1/projects/export-project', { project_id: id });
        const file = saveBlob(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), `project-${id}.json`);
        notify(`Exported “${project.name}” as ${file.name} (${formatBytes(file.size)}).`);
      } catch (error) {
        fail('The export failed', error);
      }
    }),
  );
  const panel = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'move-title' },
    h('h2', { id: 'move-title' }, 'Export'),
    h('p', { class: 'muted' }, 'A ZIP archive holds the project, its params history and its files; import it here or on another Atelier. The JSON export is the v1 API’s format.'),
    h('div', { class: 'actions' }, zip, jsonExport),
  );
  if (role === 'owner') {
    const remove = h('button', { type: 'button', class: 'danger', id: 'delete-project' }, 'Delete project');
    remove.addEventListener('click', async () => {
      if (!(await confirmAction(`Delete “${project.name}” with its params, members, files and timeline? This cannot be undone.`, 'Delete'))) return;
      try {
        await del(base);
        notify(`“${project.name}” was deleted.`);
        go('#/projects');
      } catch (error) {
        fail('The project was not deleted', error);
      }
    });
    panel.append(h('h2', 'Delete'), h('p', { class: 'muted' }, 'Only the owner deletes a project.'), remove);
  }
  return panel;
}
