// The dashboard: no framework, no CDN. Every word comes from the labels the server writes into the
// page (in the dashboard's language); all text is set with textContent, never innerHTML, so names
// from events cannot inject markup. The URL holds the whole state (filters, sort, open finding), so
// any view can be linked to, and messages and the digest link to a finding's own page.
'use strict';

const L = JSON.parse(document.getElementById('labels').textContent);
const FR = L.lang === 'fr';
const SVG = 'http://www.w3.org/2000/svg';
const COLORS = ['#0f6cbd', '#c4314b', '#107c10', '#8764b8', '#b35c00', '#038387', '#6b6b6b', '#e3008c', '#498205'];
const PRIORITY_COLORS = { P1: '#b10e1c', P2: '#a33a00', P3: '#7a5a00', P4: '#5c5c5c' };
const RANK = { P1: 1, P2: 2, P3: 3, P4: 4 };
const FILTERS = ['from', 'to', 'vault', 'code', 'priority', 'status'];
// The function key, when the data routes need one: read once from the fragment (#key=…), which the
// browser never sends to a server, and sent as the x-functions-key header, so `code` stays the
// error-code filter.
const key = new URLSearchParams(location.hash.slice(1)).get('key');

let current = { findings: [], summary: undefined, rpoHours: 24 };
let loaded = ''; // the filters the data on screen was loaded with
let opener; // what had the focus when the details opened

// ---------- words, numbers, times ----------

const plural = (forms, n) => ((FR ? n < 2 : n === 1) ? forms.one : forms.other);
const labelled = (label) => (FR ? `${label}\u00a0: ` : `${label}: `);
const pad = (n) => String(n).padStart(2, '0');
function formatTime(iso) {
  if (!iso) return L.unknown;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = FR
    ? `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`
    : `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}
function ago(hours) {
  if (hours === null || hours === undefined) return L.unknown;
  return hours >= 48 ? L.agoDays.replace('{n}', Math.round(hours / 24)) : L.agoHours.replace('{n}', Math.round(hours));
}

// ---------- the URL is the state ----------

function readState() {
  const p = new URLSearchParams(location.search);
  const state = {};
  for (const name of [...FILTERS, 'sort', 'dir', 'finding']) state[name] = p.get(name) || '';
  if (!['open', 'resolved', 'all'].includes(state.status)) state.status = 'open';
  return state;
}

function writeState(state, push) {
  const p = new URLSearchParams();
  for (const name of [...FILTERS, 'sort', 'dir', 'finding'])
    if (state[name] && !(name === 'status' && state[name] === 'open')) p.set(name, state[name]);
  const query = p.toString();
  // The fragment (#key=…) stays: it is the function key.
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`)
    history[push ? 'pushState' : 'replaceState'](null, '', url);
}

const filterKey = (state) => FILTERS.map((name) => state[name]).join('|');

// ---------- the API ----------

async function api(path, query) {
  const q = new URLSearchParams(query);
  const response = await fetch(`${path}?${q}`, key ? { headers: { 'x-functions-key': key } } : {});
  if (!response.ok) {
    let message = `HTTP ${response.status}`;
    try {
      const body = await response.json();
      if (body && body.error && body.error.message) message = body.error.message;
    } catch {
      // Not JSON: the status says enough.
    }
    if (response.status === 401) message = `HTTP 401: ${L.unauthorized}`;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

// ---------- DOM helpers ----------

function el(name, attrs = {}, text) {
  const node = ['svg', 'rect', 'text', 'line', 'g', 'title'].includes(name)
    ? document.createElementNS(SVG, name)
    : document.createElement(name);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}
const $ = (id) => document.getElementById(id);
function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}
function setStatus(text, error = false) {
  const status = $('status');
  status.textContent = text;
  status.classList.toggle('error', error);
}
function setMessage(text, error = false) {
  const message = $('message');
  message.hidden = !text;
  message.textContent = text || '';
  message.classList.toggle('error', error);
}

// ---------- loading ----------

async function load(state) {
  const form = $('filters');
  const table = $('findings');
  table.dataset.state = 'loading';
  document.querySelector('main').setAttribute('aria-busy', 'true');
  setStatus(L.loading);
  setMessage('');
  const query = { status: state.status };
  for (const name of ['from', 'to', 'vault', 'code', 'priority']) if (state[name]) query[name] = state[name];
  try {
    const [findings, summary] = await Promise.all([api('findings', query), api('summary', query)]);
    current = { findings: findings.items, summary, rpoHours: findings.rpoHours ?? 24 };
    loaded = filterKey(state);
    fillForm(form, state, summary, findings);
    $('findings-title').textContent = L.findingsTitle[state.status];
    renderTiles(state);
    renderTable(state);
    renderCharts();
    $('charts').hidden = false;
    const n = current.findings.length;
    setStatus(`${n} ${plural(L.shown, n)}`);
    if (n === 0) setMessage(L.empty);
    table.dataset.state = 'ready';
  } catch (error) {
    // The API's own message (a 400 says what was wrong with the filters), never empty charts.
    const text = `${L.error}${error.message}`;
    setStatus(text, true);
    setMessage(text, true);
    clear($('tiles'));
    clear(document.querySelector('#findings tbody'));
    $('charts').hidden = true;
    table.dataset.state = 'error';
  } finally {
    document.querySelector('main').removeAttribute('aria-busy');
  }
}

function fillForm(form, state, summary, findings) {
  form.elements.from.value = state.from || findings.from;
  form.elements.to.value = state.to || findings.to;
  // The options come with the data; a value from the URL is kept even if the range has none of it.
  fillSelect(form.elements.vault, summary.range.vaults, state.vault);
  fillSelect(form.elements.code, summary.range.codes, state.code);
  form.elements.priority.value = state.priority;
  form.elements.status.value = state.status;
  summarizeFilters(state);
}

/** On a phone the filters fold away; their summary says which are set. */
function summarizeFilters(state) {
  const set = ['vault', 'code', 'priority'].map((name) => state[name]).filter(Boolean);
  if (state.status !== 'open') set.push(L[state.status]);
  $('filter-summary').textContent = set.length ? `${L.filters} · ${set.join(' · ')}` : L.filters;
}

function fillSelect(select, values, wanted) {
  while (select.options.length > 1) select.remove(1);
  const all = [...values];
  if (wanted && !all.includes(wanted)) all.push(wanted);
  for (const value of all) select.appendChild(el('option', { value }, value));
  select.value = wanted || '';
}

// ---------- tiles: counted from the same rows as the table ----------

function renderTiles(state) {
  const box = $('tiles');
  clear(box);
  const rows = current.findings;
  const open = rows.filter((r) => r.status === 'open');
  const tiles = [];
  if (state.status !== 'resolved') {
    tiles.push(['open', open.length, L.tiles.open]);
    tiles.push(['p1', open.filter((r) => r.priority === 'P1').length, L.tiles.p1]);
    tiles.push([
      'late',
      open.filter((r) => r.hoursSinceLastSuccess !== null && r.hoursSinceLastSuccess > current.rpoHours).length,
      L.tiles.pastRpo,
    ]);
  }
  if (state.status !== 'open')
    tiles.push(['resolved', rows.filter((r) => r.status === 'resolved').length, L.tiles.resolved]);
  const jobs = current.summary.range.series.reduce(
    (sum, day) => sum + Object.values(day.byCode).reduce((a, b) => a + b, 0),
    0,
  );
  tiles.push(['jobs', jobs, L.tiles.failedJobs]);
  const list = el('ul', { class: 'tiles-list', role: 'list' });
  list.style.display = 'contents';
  for (const [name, n, forms] of tiles) {
    const tile = el('li', { class: `tile ${name}`, 'data-tile': name });
    tile.style.listStyle = 'none';
    tile.appendChild(el('div', { class: 'n' }, String(n)));
    tile.appendChild(el('div', { class: 'label' }, plural(forms, n)));
    list.appendChild(tile);
  }
  box.appendChild(list);
}

// ---------- the findings table ----------

const SORTS = {
  priority: (r) => RANK[r.priority],
  vm: (r) => (r.vmName || '').toLowerCase(),
  vault: (r) => (r.vaultName || '').toLowerCase(),
  code: (r) => r.code.toLowerCase(),
  status: (r) => r.status,
  since: (r) => r.firstFailedAt,
  lastSuccess: (r) => (r.hoursSinceLastSuccess === null ? -1 : r.hoursSinceLastSuccess),
  failures: (r) => r.occurrences,
};

function sorted(rows, state) {
  const by = SORTS[state.sort];
  if (!by) return rows; // the server's order: worst first (priority, then the oldest)
  const dir = state.dir === 'desc' ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = by(a.row);
      const y = by(b.row);
      return (x < y ? -1 : x > y ? 1 : 0) * dir || a.index - b.index;
    })
    .map((entry) => entry.row);
}

function findingHref(findingKey) {
  const state = readState();
  state.finding = findingKey;
  const p = new URLSearchParams();
  for (const name of [...FILTERS, 'sort', 'dir', 'finding'])
    if (state[name] && !(name === 'status' && state[name] === 'open')) p.set(name, state[name]);
  return `?${p}${location.hash}`;
}

function renderTable(state) {
  const body = document.querySelector('#findings tbody');
  clear(body);
  for (const th of document.querySelectorAll('#findings th')) {
    const name = th.dataset.sort;
    if (name === state.sort) th.setAttribute('aria-sort', state.dir === 'desc' ? 'descending' : 'ascending');
    else th.removeAttribute('aria-sort');
  }
  const c = L.columns;
  for (const row of sorted(current.findings, state)) {
    const tr = el('tr', { 'data-key': row.key, 'data-priority': row.priority, 'data-vault': row.vaultName || '' });
    const prio = el('td', { 'data-label': labelled(c.priority).trim() });
    prio.appendChild(el('span', { class: `prio ${row.priority}` }, row.priority));
    tr.appendChild(prio);
    const vm = el('td', { class: 'vm' });
    const link = el('a', { href: findingHref(row.key) }, row.vmName || '?');
    link.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      openFinding(row.key, link);
    });
    vm.appendChild(link);
    tr.appendChild(vm);
    tr.appendChild(el('td', { 'data-label': labelled(c.vault).trim() }, row.vaultName || '?'));
    tr.appendChild(el('td', { 'data-label': labelled(c.code).trim() }, row.code));
    tr.appendChild(
      el('td', { class: `status-${row.status}`, 'data-label': labelled(c.status).trim() }, L.statusValue[row.status]),
    );
    const since = el('td', { 'data-label': labelled(c.since).trim() });
    since.appendChild(
      el('time', { datetime: row.firstFailedAt, title: formatTime(row.firstFailedAt) }, formatTime(row.firstFailedAt)),
    );
    tr.appendChild(since);
    const late = row.hoursSinceLastSuccess !== null && row.hoursSinceLastSuccess > current.rpoHours;
    tr.appendChild(
      el(
        'td',
        { class: late && row.status === 'open' ? 'late' : undefined, 'data-label': labelled(c.lastSuccess).trim() },
        ago(row.hoursSinceLastSuccess),
      ),
    );
    tr.appendChild(el('td', { 'data-label': labelled(c.failures).trim() }, String(row.occurrences)));
    // The whole row opens the finding for a mouse; the link in it is what the keyboard reaches.
    tr.addEventListener('click', (event) => {
      if (event.target.closest('a')) return;
      openFinding(row.key, link);
    });
    body.appendChild(tr);
  }
}

function sortBy(name) {
  const state = readState();
  if (state.sort === name) state.dir = state.dir === 'desc' ? '' : 'desc';
  else {
    state.sort = name;
    state.dir = '';
  }
  writeState(state, false);
  renderTable(state);
  const th = document.querySelector(`#findings th[data-sort="${name}"]`);
  setStatus(
    `${current.findings.length} ${plural(L.shown, current.findings.length)} · ${L.sortBy} ${th.textContent.trim()}, ${
      state.dir === 'desc' ? L.sortedDescending : L.sortedAscending
    }`,
  );
}

// ---------- charts, each with its data table ----------

function size(svg) {
  const box = svg.getBoundingClientRect();
  return { w: Math.max(240, Math.round(box.width) || 300), h: Math.max(120, Math.round(box.height) || 200) };
}

function dataTable(table, headers, rows) {
  clear(table);
  const head = el('tr');
  for (const header of headers) head.appendChild(el('th', { scope: 'col' }, header));
  const thead = el('thead');
  thead.appendChild(head);
  table.appendChild(thead);
  const body = el('tbody');
  for (const row of rows) {
    const tr = el('tr');
    row.forEach((cell, i) => tr.appendChild(el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {}, String(cell))));
    body.appendChild(tr);
  }
  table.appendChild(body);
}

function stackedDays(series, codes) {
  const svg = $('chart-days');
  const legend = $('legend-days');
  clear(svg);
  clear(legend);
  const { w, h } = size(svg);
  svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
  const pad = { l: 28, b: 22, t: 8 };
  const totals = series.map((d) => Object.values(d.byCode).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const bw = (w - pad.l) / Math.max(1, series.length);
  svg.appendChild(el('text', { x: 2, y: pad.t + 10 }, String(max)));
  svg.appendChild(el('line', { x1: pad.l, y1: h - pad.b, x2: w, y2: h - pad.b, stroke: '#9aa7b4' }));
  const every = Math.ceil(series.length / Math.max(1, Math.floor(w / 44)));
  series.forEach((d, i) => {
    let y = h - pad.b;
    codes.forEach((code, c) => {
      const n = d.byCode[code] || 0;
      if (!n) return;
      const bh = ((h - pad.b - pad.t) * n) / max;
      y -= bh;
      const rect = el('rect', {
        x: pad.l + i * bw + 1,
        y,
        width: Math.max(2, bw - 2),
        height: bh,
        fill: COLORS[c % COLORS.length],
      });
      rect.appendChild(el('title', {}, `${d.day} ${code}: ${n}`));
      svg.appendChild(rect);
    });
    if (i % every === 0) svg.appendChild(el('text', { x: pad.l + i * bw + 1, y: h - 6 }, d.day.slice(5)));
  });
  codes.forEach((code, c) => {
    const item = el('span', {}, code);
    item.style.setProperty('--c', COLORS[c % COLORS.length]);
    legend.appendChild(item);
  });
  dataTable(
    $('table-days'),
    [L.day, L.jobs, L.code],
    series.map((d, i) => [
      d.day,
      totals[i],
      Object.entries(d.byCode)
        .map(([code, n]) => `${code} ${n}`)
        .join(', '),
    ]),
  );
}

/** Horizontal bars, each label on its own line above its bar, so no label is ever cut. */
function bars(svg, rows, color) {
  clear(svg);
  const { w } = size(svg);
  const row = 34;
  const h = Math.max(40, rows.length * row + 4);
  svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
  svg.style.height = `${h}px`;
  const max = Math.max(1, ...rows.map((r) => r.value));
  rows.forEach((r, i) => {
    const y = 4 + i * row;
    svg.appendChild(el('text', { x: 0, y: y + 11 }, r.label));
    const width = Math.max(r.value ? 2 : 0, ((w - 60) * r.value) / max);
    const rect = el('rect', {
      x: 0,
      y: y + 15,
      width,
      height: 12,
      fill: typeof color === 'function' ? color(r) : color,
    });
    rect.appendChild(el('title', {}, `${r.label}: ${r.display ?? r.value}`));
    svg.appendChild(rect);
    svg.appendChild(el('text', { x: width + 4, y: y + 25 }, String(r.display ?? r.value)));
  });
}

function renderCharts() {
  const range = current.summary.range;
  stackedDays(range.series, range.codes);

  const byPriority = ['P1', 'P2', 'P3', 'P4'].map((p) => ({
    label: p,
    value: current.findings.filter((r) => r.status === 'open' && r.priority === p).length,
  }));
  bars($('chart-priority'), byPriority, (r) => PRIORITY_COLORS[r.label]);
  dataTable(
    $('table-priority'),
    [L.priority, L.findings],
    byPriority.map((r) => [r.label, r.value]),
  );

  // Only VMs that failed more than once: ten bars of 1 say nothing.
  const vms = range.topVms.filter((v) => v.failedJobs > 1);
  $('chart-vms').hidden = vms.length === 0;
  $('vms-note').hidden = vms.length > 0;
  $('vms-note').textContent = L.noRepeat;
  bars(
    $('chart-vms'),
    vms.map((v) => ({ label: `${v.vmName} (${v.vaultName})`, value: v.failedJobs })),
    '#0f6cbd',
  );
  dataTable(
    $('table-vms'),
    [L.columns.vm, L.vault, L.jobs],
    range.topVms.map((v) => [v.vmName, v.vaultName, v.failedJobs]),
  );

  const lookups = range.lookups;
  $('lookup-rate').textContent =
    lookups.failureRate === null
      ? `(${L.noLookups})`
      : `${Math.round(lookups.failureRate * 100)} % (${lookups.failed}/${lookups.total})`;
  const probes = Object.entries(lookups.byProbe).map(([probe, counts]) => {
    const total = Object.entries(counts)
      .filter(([s]) => s !== 'skipped')
      .reduce((a, [, n]) => a + n, 0);
    const failed = total - (counts.ok || 0);
    return {
      label: L.probes[probe] || probe,
      value: total ? failed / total : 0,
      display: `${failed}/${total}`,
      failed,
      total,
    };
  });
  bars($('chart-lookups'), probes, '#b10e1c');
  dataTable(
    $('table-lookups'),
    [L.probe, L.failedOfTotal],
    probes.map((p) => [p.label, `${p.failed}/${p.total}`]),
  );
}

// ---------- a finding's own page ----------

async function openFinding(findingKey, from) {
  opener = from || document.activeElement;
  const state = readState();
  const pushed = state.finding !== findingKey;
  state.finding = findingKey;
  writeState(state, pushed);
  await showFinding(findingKey, true);
}

async function showFinding(findingKey, focus) {
  const panel = $('details');
  panel.hidden = false;
  for (const tr of document.querySelectorAll('#findings tbody tr'))
    tr.classList.toggle('selected', tr.dataset.key === findingKey);
  const title = $('details-title');
  title.textContent = L.loadingFinding;
  for (const id of ['details-action', 'details-why', 'details-lookups']) $(id).textContent = '';
  for (const id of ['details-meta', 'details-commands', 'details-causes']) clear($(id));
  $('details-self').href = `${location.pathname}${location.search}${location.hash}`;
  if (focus) title.focus();
  let finding;
  try {
    finding = await api(`findings/${encodeURIComponent(findingKey)}`, {});
  } catch (error) {
    title.textContent = error.status === 404 ? L.notFound : `${L.error}${error.message}`;
    return;
  }
  const event = finding.event;
  title.textContent = event.summary.headline;
  document.title = `${event.summary.headline} — ${L.pageTitle}`;
  const meta = $('details-meta');
  const fact = (label, value) => {
    meta.appendChild(el('dt', {}, label));
    meta.appendChild(el('dd', {}, value));
  };
  fact(
    L.columns.status,
    `${L.statusValue[finding.status]}${finding.resolvedAt ? ` (${formatTime(finding.resolvedAt)})` : ''}`,
  );
  fact(L.columns.priority, event.priority.level);
  fact(L.vault, event.job.vaultName || '?');
  fact(L.code, event.classification.code);
  fact(L.failingSince, formatTime(finding.firstFailedAt));
  fact(L.failures, String(finding.occurrences));
  $('details-action').textContent = event.summary.firstAction.text;
  const commands = $('details-commands');
  for (const shell of ['azure-cli', 'powershell']) {
    const mine = event.summary.firstAction.commands.filter((command) => command.shell === shell);
    if (mine.length === 0) continue;
    commands.appendChild(el('p', {}, L.shell[shell === 'azure-cli' ? 'cli' : 'powershell']));
    commands.appendChild(el('pre', {}, mine.map((command) => `# ${command.purpose}\n${command.text}`).join('\n')));
  }
  const causes = $('details-causes');
  for (const cause of event.causes) {
    const verdict = cause.causalVerdict || (cause.verdict === 'confirmed' ? 'implicated' : cause.verdict);
    const item = el('li');
    item.appendChild(el('span', {}, `${cause.title} — `));
    item.appendChild(el('span', { class: `verdict verdict-${verdict}` }, L.verdict[verdict] || verdict));
    // A condition present but not the cause stays one line.
    if (verdict !== 'present')
      for (const evidence of cause.evidence)
        if (evidence.unread !== true)
          item.appendChild(el('div', { class: 'evidence' }, `${labelled(L.found)}${evidence.summary}`));
    causes.appendChild(item);
  }
  const notChecked = event.lookups.filter((lookup) => lookup.status !== 'ok');
  $('details-lookups').textContent = notChecked.length
    ? `${labelled(L.notChecked)}${notChecked.map((l) => `${L.probes[l.probe] || l.probe}${l.error ? ` (${l.error})` : ''}`).join('; ')}`
    : '';
  $('details-why').textContent = event.priority.reasons.map((reason) => reason.text).join(' ');
  const link = $('details-link');
  link.href = /^https:\/\//.test(event.classification.link) ? event.classification.link : '#';
}

function closeFinding(push = true) {
  const panel = $('details');
  if (panel.hidden) return;
  panel.hidden = true;
  document.title = L.pageTitle;
  for (const tr of document.querySelectorAll('#findings tbody tr.selected')) tr.classList.remove('selected');
  const state = readState();
  if (state.finding) {
    state.finding = '';
    writeState(state, push);
  }
  // Back where the reader was: the row's link, or the list.
  const back =
    (opener && document.body.contains(opener) && opener) ||
    document.querySelector(`#findings a[href*="finding=${encodeURIComponent(state.finding)}"]`) ||
    $('findings-title');
  back.focus();
}

// ---------- wiring ----------

async function render(state, fromHistory) {
  if (filterKey(state) !== loaded) await load(state);
  else renderTable(state);
  if (state.finding) await showFinding(state.finding, !fromHistory);
  else closeFinding(false);
}

document.addEventListener('DOMContentLoaded', () => {
  const form = $('filters');
  // Folded on a phone, so the findings come first; always open on a wider screen.
  if (window.matchMedia('(max-width: 700px)').matches) $('filter-box').open = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const state = readState();
    for (const name of FILTERS) state[name] = form.elements[name].value;
    state.finding = '';
    writeState(state, true);
    render(state);
  });
  $('reset').addEventListener('click', () => {
    const state = { sort: '', dir: '', finding: '' };
    for (const name of FILTERS) state[name] = name === 'status' ? 'open' : '';
    writeState(state, true);
    render(state);
  });
  for (const th of document.querySelectorAll('#findings th'))
    th.querySelector('button').addEventListener('click', () => sortBy(th.dataset.sort));
  $('close').addEventListener('click', () => closeFinding());
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !$('details').hidden) {
      event.preventDefault();
      closeFinding();
    }
  });
  window.addEventListener('popstate', () => render(readState(), true));
  render(readState());
});
