import { send } from '../api.js';
import { busy, fail, field, h, heading, notify, plural, progress } from '../ui.js';
import { go } from '../nav.js';

/** The data of an export file: a v1 envelope's data, or the export object itself. */
function exportData(parsed) {
  if (parsed && typeof parsed === 'object' && parsed.data && typeof parsed.data === 'object' && parsed.status) {
    return parsed.data;
  }
  return parsed;
}

async function isZip(file) {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return head.length >= 2 && head[0] === 0x50 && head[1] === 0x4b;
}

/** Import a project ZIP archive, a project JSON export, or a workspace JSON export. */
export async function importView() {
  const input = h('input', { type: 'file', name: 'file', accept: '.zip,.json,application/zip,application/json', id: 'import-file' });
  const submit = h('button', { type: 'submit' }, 'Import');
  const slot = h('div');
  const form = h(
    'form',
    { class: 'panel', id: 'import-form' },
    field('Export file', input, 'A project’s ZIP archive, or a JSON export of a project or a workspace, from this Atelier or another one.'),
    slot,
    h('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = input.files[0];
    if (!file) {
      fail('Choose an export file to import');
      input.focus();
      return;
    }
    await busy(submit, async () => {
      const bar = progress(`Sending ${file.name}…`);
      slot.replaceChildren(bar.el);
      const track = {
        onProgress: (sent, total) => bar.update(sent, total, `Sending ${file.name}…`),
        onSent: () => bar.working(`Importing ${file.name}…`),
      };
      try {
        if (await isZip(file)) {
          const answer = await send('POST', '/api/projects/import', file, { ...track, contentType: 'application/zip' });
          notify(`Imported “${answer.project.name}” from ${file.name} as a new project.`);
          go(`#/projects/${encodeURIComponent(answer.project_id)}`);
          return;
        }
        let data;
        try {
          data = exportData(JSON.parse(await file.text()));
        } catch {
          throw new Error(`${file.name} is neither a ZIP archive nor a JSON export`);
        }
        const format = data && data.format;
        if (format === 'atelier.workspace') {
          const body = JSON.stringify({ export_data: data });
          const answer = await send('POST', '/api/v1/projects/import-workspace', body, { ...track, contentType: 'application/json' });
          const summary = answer.data.summary || {};
          notify(`Imported ${plural(summary.projects_imported ?? 0, 'project', 'projects')} from ${file.name} into your default workspace.`);
          go(summary.workspace_id ? `#/workspaces/${encodeURIComponent(summary.workspace_id)}` : '#/workspaces');
        } else {
          const body = JSON.stringify({ export_data: data });
          const answer = await send('POST', '/api/v1/projects/import-project', body, { ...track, contentType: 'application/json' });
          notify(`Imported “${answer.data.project.name}” from ${file.name} as a new project.`);
          go(`#/projects/${encodeURIComponent(answer.data.new_project_id)}`);
        }
      } catch (error) {
        fail('The import failed', error);
      } finally {
        slot.replaceChildren();
      }
    });
  });
  return h(
    'div',
    heading('Import'),
    h('p', { class: 'sub' }, 'An import always makes new projects (new ids; a taken name gets a suffix). Nothing existing is overwritten.'),
    form,
  );
}
