import { get } from '../api.js';
import { field, formatDate, h, heading, plural, select, table } from '../ui.js';
import { go } from '../nav.js';

const SORTS = [
  ['created_at', 'Created'],
  ['name', 'Name'],
  ['dataset_count', 'Datasets'],
];
const DIRECTIONS = [
  ['desc', 'Descending'],
  ['asc', 'Ascending'],
];
const SIZES = [
  ['10', '10 per page'],
  ['20', '20 per page'],
  ['50', '50 per page'],
];

function allowed(value, choices, fallback) {
  return choices.some(([v]) => v === value) ? value : fallback;
}

function hashFor(state) {
  const q = new URLSearchParams();
  if (state.search) q.set('search', state.search);
  q.set('sort', state.sort);
  q.set('dir', state.dir);
  q.set('limit', state.limit);
  if (state.offset > 0) q.set('offset', String(state.offset));
  return '#/projects?' + q.toString();
}

/** The caller's own and shared projects: search, sort, paging and the total. */
export async function projectsView({ params }) {
  const state = {
    search: (params.get('search') || '').trim(),
    sort: allowed(params.get('sort'), SORTS, 'created_at'),
    dir: allowed(params.get('dir'), DIRECTIONS, 'desc'),
    limit: allowed(params.get('limit'), SIZES, '20'),
    offset: Math.max(0, Number.parseInt(params.get('offset') || '0', 10) || 0),
  };
  const query = new URLSearchParams({
    limit: state.limit,
    offset: String(state.offset),
    sort_field: state.sort,
    sort_direction: state.dir,
  });
  if (state.search) query.set('search', state.search);
  const page = await get('/api/projects?' + query.toString());

  const search = h('input', { type: 'search', name: 'search', value: state.search, placeholder: 'Name or description' });
  const sort = select('sort', SORTS, state.sort);
  const dir = select('dir', DIRECTIONS, state.dir);
  const size = select('limit', SIZES, state.limit);
  const form = h(
    'form',
    { class: 'panel row', role: 'search', 'aria-label': 'Find projects' },
    field('Search projects', search),
    field('Sort by', sort),
    field('Order', dir),
    field('Page size', size),
    h('button', { type: 'submit' }, 'Apply'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go(hashFor({ search: search.value.trim(), sort: sort.value, dir: dir.value, limit: size.value, offset: 0 }));
  });

  const limit = Number(state.limit);
  const first = page.items.length ? state.offset + 1 : 0;
  const last = state.offset + page.items.length;
  let body;
  if (page.items.length === 0) {
    body = h(
      'p',
      { class: 'panel', id: 'projects-empty' },
      state.search
        ? `No project matches “${state.search}”.`
        : state.offset > 0
          ? 'There are no projects on this page.'
          : 'No projects yet. Create one by hand, or let Atelier draft one from a description and a few files.',
      ' ',
      h('a', { href: '#/new' }, 'Create a project'),
    );
  } else {
    body = table(
      `Projects ${first}–${last} of ${page.total}${state.search ? ` matching “${state.search}”` : ''}`,
      ['Name', 'Description', 'Status', 'Datasets', 'Created'],
      page.items.map((p) => [
        h('a', { href: `#/projects/${encodeURIComponent(p.id)}`, class: 'project-link' }, p.name),
        p.description ? clip(p.description, 120) : h('span', { class: 'muted' }, '—'),
        h('span', { class: `badge ${p.status}` }, p.status),
        String(p.dataset_count),
        formatDate(p.created_at),
      ]),
    );
    body.id = 'projects-table';
  }

  const pages = Math.max(1, Math.ceil(page.total / limit));
  const current = Math.floor(state.offset / limit) + 1;
  const pager = h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    state.offset > 0
      ? h('a', { class: 'button secondary', href: hashFor({ ...state, offset: Math.max(0, state.offset - limit) }), rel: 'prev' }, 'Previous page')
      : null,
    h('span', { id: 'page-status' }, `Page ${current} of ${pages} · ${plural(page.total, 'project', 'projects')}`),
    last < page.total
      ? h('a', { class: 'button secondary', href: hashFor({ ...state, offset: state.offset + limit }), rel: 'next' }, 'Next page')
      : null,
  );

  return h(
    'div',
    h(
      'div',
      { class: 'head' },
      heading('Projects'),
      h(
        'div',
        { class: 'actions' },
        h('a', { class: 'button', href: '#/new' }, 'New project'),
        h('a', { class: 'button secondary', href: '#/import' }, 'Import'),
      ),
    ),
    h('p', { class: 'sub' }, 'Your projects in every workspace, and the projects others share with you.'),
    form,
    body,
    pager,
  );
}

function clip(text, max) {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
