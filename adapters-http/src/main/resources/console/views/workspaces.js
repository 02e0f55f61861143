import { download, v1 } from '../api.js';
import { busy, fail, field, formatBytes, formatDate, h, heading, notify, plural, select, table } from '../ui.js';
import { go } from '../nav.js';

/** The caller's workspaces, and a form to create one. */
export async function workspacesView() {
  const workspaces = await v1('GET', '/api/v1/workspaces/list');
  const name = h('input', { type: 'text', name: 'name', required: true });
  const description = h('input', { type: 'text', name: 'description' });
  const create = h('button', { type: 'submit' }, 'Create workspace');
  const form = h('form', { class: 'row', id: 'workspace-form' }, field('Name', name), field('Description', description), create);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await busy(create, async () => {
      try {
        const data = await v1('POST', '/api/v1/workspaces/save', { name: name.value, description: description.value });
        notify(`Workspace “${data.workspace.name}” created.`);
        go(`#/workspaces/${encodeURIComponent(data.workspace_id)}`);
      } catch (error) {
        fail('The workspace was not created', error);
      }
    });
  });
  const list = table(
    `${plural(workspaces.length, 'workspace', 'workspaces')}`,
    ['Name', 'Description', 'Created'],
    workspaces.map((w) => [
      [h('a', { href: `#/workspaces/${encodeURIComponent(w.id)}` }, w.name), w.is_default ? h('span', { class: 'muted' }, ' (default)') : null],
      w.description || '—',
      formatDate(w.created_at),
    ]),
  );
  list.querySelector('table').id = 'workspaces-table';
  return h(
    'div',
    h('div', { class: 'head' }, heading('Workspaces'), h('div', { class: 'actions' }, h('a', { class: 'button secondary', href: '#/import' }, 'Import a workspace'))),
    h('p', { class: 'sub' }, 'Workspaces group your projects. Your default workspace is made on first use.'),
    h('section', { class: 'panel' }, list),
    h('section', { class: 'panel', 'aria-labelledby': 'new-ws' }, h('h2', { id: 'new-ws' }, 'New workspace'), form),
  );
}

/** One workspace: its projects, a project created in it, and its export. */
export async function workspaceView({ match }) {
  const id = decodeURIComponent(match[1]);
  const path = encodeURIComponent(id);
  const [workspace, projects] = await Promise.all([
    v1('GET', `/api/v1/workspaces/${path}/load`),
    v1('GET', `/api/v1/projects/${path}/list?limit=500`),
  ]);
  const list = projects.length
    ? table(
        `${plural(workspace.project_count, 'project', 'projects')} in this workspace`,
        ['Name', 'Type', 'Status', 'Updated'],
        projects.map((p) => [
          h('a', { href: `#/projects/${encodeURIComponent(p.id)}` }, p.name),
          p.type,
          h('span', { class: `badge ${p.status}` }, p.status),
          formatDate(p.updated_at),
        ]),
      )
    : h('p', { class: 'muted' }, 'No projects in this workspace yet.');

  const name = h('input', { type: 'text', name: 'name', required: true });
  const add = h('button', { type: 'submit' }, 'Create project here');
  const form = h('form', { class: 'row', id: 'workspace-project-form' }, field('Project name', name), add);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await busy(add, async () => {
      try {
        const data = await v1('POST', `/api/v1/projects/${path}/save`, { project: { name: name.value } });
        notify(`Project “${data.project.name}” created in ${workspace.name}.`);
        go(`#/projects/${encodeURIComponent(data.project_id)}`);
      } catch (error) {
        fail('The project was not created', error);
      }
    });
  });

  const scope = select('scope', [['user', 'My projects'], ['organization', 'My projects and my organization’s']], 'user');
  const exportButton = h('button', { type: 'button', id: 'export-workspace' }, 'Download workspace export');
  exportButton.addEventListener('click', () =>
    busy(exportButton, async () => {
      try {
        const file = await download('POST', `/api/v1/projects/${path}/export-workspace`, `workspace-${id}.json`, { scope: scope.value });
        notify(`Exported “${workspace.name}” as ${file.name} (${formatBytes(file.size)}).`);
      } catch (error) {
        fail('The export failed', error);
      }
    }),
  );

  return h(
    'div',
    h('div', { class: 'head' }, heading(workspace.name), h('div', { class: 'actions' }, h('a', { class: 'button secondary', href: '#/workspaces' }, 'All workspaces'))),
    h('p', { class: 'sub' }, `${workspace.description || 'No description.'} · created ${formatDate(workspace.created_at)}${workspace.is_default ? ' · your default workspace' : ''}`),
    h('section', { class: 'panel', 'aria-labelledby': 'ws-projects' }, h('h2', { id: 'ws-projects' }, 'Projects'), list, h('h3', 'New project in this workspace'), form),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'ws-export' },
      h('h2', { id: 'ws-export' }, 'Export'),
      h('p', { class: 'muted' }, 'One JSON file with the workspace and its projects; import it on the Import page, here or on another Atelier.'),
      h('div', { class: 'row' }, field('Include', scope), exportButton),
    ),
  );
}
