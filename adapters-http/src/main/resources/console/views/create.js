import { post, send, v1 } from '../api.js';
import { busy, clearMessages, fail, field, formatBytes, h, heading, json, jsonObjectIn, notify, option, plural, progress, select, table } from '../ui.js';
import { go } from '../nav.js';
import { attach } from './project.js';

/** Create a project by hand, or from a description and files with the analyzer's draft to review first. */
export async function createView() {
  const [workspaces, templates] = await Promise.all([
    v1('GET', '/api/v1/workspaces/list'),
    v1('GET', '/api/v1/projects/list-templates'),
  ]);
  // the draft to review takes the page's full width, below both ways of creating
  const review = h('div', { id: 'draft-review' });
  return h(
    'div',
    heading('New project'),
    h('p', { class: 'sub' }, 'Describe the project and drop a few files: Atelier drafts its name, description, task kind, domain, tags, template and params for you to review. Or fill it in yourself.'),
    h('div', { class: 'grid' }, fromContextPanel(templates, review), byHandPanel(workspaces)),
    review,
  );
}

function byHandPanel(workspaces) {
  const name = h('input', { type: 'text', name: 'name', required: true });
  const description = h('textarea', { name: 'description' });
  const defaultWorkspace = workspaces.find((w) => w.is_default);
  const workspace = select(
    'workspace',
    [['default', defaultWorkspace ? `${defaultWorkspace.name} (default)` : 'My default workspace'], ...workspaces.filter((w) => !w.is_default).map((w) => [w.id, w.name])],
    'default',
  );
  const scope = select('scope', [['user', 'Its members only'], ['organization', 'Its members and my organization']], 'user');
  const create = h('button', { type: 'submit' }, 'Create project');
  const form = h(
    'form',
    { id: 'create-form' },
    field('Name', name, 'Up to 200 characters, unique among your projects in the workspace.'),
    field('Description', description),
    field('Workspace', workspace),
    field('Visible to', scope),
    h('div', { class: 'actions' }, create),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await busy(create, async () => {
      try {
        const data = await v1('POST', `/api/v1/projects/${encodeURIComponent(workspace.value)}/save`, {
          project: { name: name.value, description: description.value, scope: scope.value },
        });
        notify(`Project “${data.project.name}” created.`);
        go(`#/projects/${encodeURIComponent(data.project_id)}`);
      } catch (error) {
        fail('The project was not created', error);
      }
    });
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'by-hand-title' }, h('h2', { id: 'by-hand-title' }, 'By hand'), form);
}

function fromContextPanel(templates, review) {
  const files = [];
  const context = h('textarea', { name: 'context', rows: '5' });
  const input = h('input', { type: 'file', name: 'files', multiple: true, id: 'context-files' });
  const list = h('ul', { class: 'files', id: 'chosen-files', 'aria-live': 'polite' });
  const drop = h(
    'div',
    { class: 'drop', id: 'drop-zone' },
    h('p', 'Drop files here, or choose them:'),
    h('label', { for: 'context-files', class: 'hint' }, 'Files to read (PDF, CSV, spreadsheets, Word, text)'),
    input,
    list,
  );
  const analyse = h('button', { type: 'submit' }, 'Draft the project');
  const slot = h('div', { id: 'analysis-progress' });
  const form = h(
    'form',
    { id: 'context-form' },
    field('What is the project about?', context, 'A sentence or two; optional when you add files.'),
    drop,
    slot,
    h('div', { class: 'actions' }, analyse),
  );

  const showFiles = () => {
    list.replaceChildren(
      ...files.map((file, i) => {
        const remove = h('button', { type: 'button', class: 'link' }, 'Remove');
        remove.setAttribute('aria-label', `Remove ${file.name}`);
        remove.addEventListener('click', () => {
          files.splice(i, 1);
          showFiles();
        });
        return h('li', h('span', `${file.name} · ${formatBytes(file.size)}`), remove);
      }),
    );
  };
  const add = (chosen) => {
    for (const file of chosen) {
      if (!files.some((f) => f.name === file.name && f.size === file.size)) files.push(file);
    }
    showFiles();
  };
  input.addEventListener('change', () => {
    add([...input.files]);
    input.value = '';
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    add([...event.dataTransfer.files]);
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!context.value.trim() && files.length === 0) {
      fail('Describe the project, add at least one file, or both');
      context.focus();
      return;
    }
    clearMessages();
    review.replaceChildren();
    await busy(analyse, async () => {
      const bar = progress(files.length ? 'Sending the files…' : 'Drafting the project…');
      slot.replaceChildren(bar.el);
      const body = new FormData();
      body.append('context', context.value);
      for (const file of files) body.append('files', file, file.name);
      try {
        const answer = await send('POST', '/api/projects/analyze', body, {
          onProgress: (sent, total) => bar.update(sent, total, `Sending ${plural(files.length, 'file', 'files')}…`),
          onSent: () => bar.working(files.length ? `Reading ${plural(files.length, 'file', 'files')} and drafting the project…` : 'Drafting the project…'),
        });
        slot.replaceChildren();
        review.replaceChildren(reviewPanel(answer, [...files], templates, () => {
          review.replaceChildren();
          notify('Draft discarded: nothing was saved.');
          analyse.focus();
        }));
        notify('Here is the draft. Nothing is saved until you create the project.');
        review.querySelector('h2').focus();
      } catch (error) {
        slot.replaceChildren();
        fail('No draft could be made', error);
      }
    });
  });
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'context-title' },
    h('h2', { id: 'context-title' }, 'From a description and files'),
    form,
  );
}

const number = (v) => (v === null || v === undefined ? null : Number(v).toFixed(2));

/**
 * "Analyzer: forecasting, confidence 0.71 · runner-up regression (0.52)" from an analysis score;
 * says so when nothing cleared the analyzer's threshold, or when the provider gave no score.
 */
function scoreText(score) {
  if (!score) return 'no score from this analyzer';
  const parts = [];
  const confidence = number(score.score);
  if (score.label === null || score.label === undefined) {
    parts.push(`Analyzer: nothing cleared its threshold${confidence ? ` (best ${confidence})` : ''}`);
  } else {
    parts.push(`Analyzer: ${score.label}${confidence ? `, confidence ${confidence}` : ', no score from the provider'}`);
  }
  if (score.runner_up) {
    const second = number(score.runner_up_score);
    parts.push(`runner-up ${score.runner_up}${second ? ` (${second})` : ''}`);
  }
  return parts.join(' · ');
}

function scored(labelText, control, score) {
  const f = field(labelText, control);
  const id = `${control.id}-score`;
  f.append(h('span', { class: 'score', id }, scoreText(score)));
  control.setAttribute('aria-describedby', id);
  return f;
}

function reviewPanel(answer, files, templates, discard) {
  const { draft, analysis, documents } = answer;
  const name = h('input', { type: 'text', name: 'name', value: draft.name, required: true, id: 'draft-name' });
  const description = h('textarea', { name: 'description', id: 'draft-description' });
  description.value = draft.description || '';
  const type = h('input', { type: 'text', name: 'type', value: draft.type || '', id: 'draft-type' });
  const domain = h('input', { type: 'text', name: 'domain', value: draft.domain || '', id: 'draft-domain' });
  const tags = h('input', { type: 'text', name: 'tags', value: (draft.tags || []).join(', '), id: 'draft-tags' });
  const template = h(
    'select',
    { name: 'template', id: 'draft-template' },
    option('', 'No template', !draft.template_id),
    templates.map((t) => option(t.id, `${t.name} (${t.category})`, t.id === draft.template_id)),
  );
  const params = h('textarea', { class: 'code', name: 'params', id: 'draft-params', spellcheck: 'false' });
  params.value = json(draft.params);
  const confirm = h('button', { type: 'submit', id: 'draft-confirm' }, files.length ? `Create project and attach ${plural(files.length, 'file', 'files')}` : 'Create project');
  const discardButton = h('button', { type: 'button', class: 'secondary', id: 'draft-discard' }, 'Discard draft');
  discardButton.addEventListener('click', discard);
  const slot = h('div');

  const by = `${analysis.provider}${analysis.model ? ` (${analysis.model})` : ''}`;
  const form = h(
    'form',
    { id: 'draft-form' },
    h(
      'div',
      { class: 'grid' },
      h('div', field('Name', name), field('Description', description), field('Tags', tags, 'Separated by commas.')),
      h('div', scored('Task kind', type, analysis.task_kind), scored('Domain', domain, analysis.domain), scored('Template', template, analysis.template)),
    ),
    field('Params (JSON object)', params),
    slot,
    h('div', { class: 'actions' }, confirm, discardButton),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = jsonObjectIn(params);
    if (values === undefined) return;
    await busy(confirm, async () => {
      discardButton.disabled = true;
      try {
        const created = await post('/api/projects', {
          name: name.value,
          description: description.value,
          type: type.value.trim() || null,
          metadata: {
            tags: tags.value.split(',').map((t) => t.trim()).filter(Boolean),
            domain: domain.value.trim() || null,
            template_id: template.value || null,
          },
          params: values,
        });
        const base = `/api/projects/${encodeURIComponent(created.project_id)}`;
        const attached = await attach(base, files, slot);
        const target = `#/projects/${encodeURIComponent(created.project_id)}`;
        if (attached === files.length) {
          notify(`Project “${created.project.name}” created${files.length ? ` with ${plural(attached, 'file', 'files')} attached` : ''}.`);
          go(target);
        } else {
          // the failure is already said; the project exists, so show it
          setTimeout(() => go(target), 0);
        }
      } catch (error) {
        fail('The project was not created', error);
      } finally {
        discardButton.disabled = false;
      }
    });
  });

  const panel = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'draft-title' },
    h('h2', { id: 'draft-title', tabindex: '-1' }, 'Review the draft'),
    h('p', { class: 'muted', id: 'draft-by' }, `Drafted by ${by}. Edit anything, then create the project or discard the draft.`),
    analysis.fallback ? h('p', { class: 'warning' }, `The configured provider did not answer, so the offline analyzer drafted this${analysis.reason ? `: ${analysis.reason}` : '.'}`) : null,
  );
  if (documents.length) {
    const t = table(
      `Read from ${plural(documents.length, 'file', 'files')}`,
      ['File', 'Type', 'Size', 'Pages', 'Rows', 'Columns', 'Characters'],
      documents.map((d) => [d.filename, d.media_type, formatBytes(d.size_bytes), d.pages ?? '—', d.rows ?? '—', d.columns ?? '—', `${d.characters}${d.truncated ? ' (truncated)' : ''}`]),
    );
    t.querySelector('table').id = 'draft-documents';
    panel.append(t);
  }
  panel.append(form);
  return panel;
}
