// The dashboard: no framework, no CDN. Charts are SVG drawn here; all text is set with
// textContent, never innerHTML, so names from events cannot inject markup.
'use strict';

const COLORS = [
  '#0f6cbd',
  '#da3b01',
  '#107c10',
  '#8764b8',
  '#c50f1f',
  '#00b7c3',
  '#b58900',
  '#6b6b6b',
  '#e3008c',
  '#498205',
  '#ca5010',
  '#4f6bed',
  '#8e562e',
  '#038387',
];
const PRIORITY_COLORS = { P1: '#c50f1f', P2: '#da3b01', P3: '#b58900', P4: '#6b6b6b' };
const SVG = 'http://www.w3.org/2000/svg';
const params = new URLSearchParams(location.search);
// The function key, when the data routes need one: read once from the fragment (#key=…), which the
// browser never sends to a server, and sent as the x-functions-key header, so `code` stays the
// error-code filter.
const key = new URLSearchParams(location.hash.slice(1)).get('key');
let next;

function api(path, query) {
  const q = new URLSearchParams(query);
  return fetch(`${path}?${q}`, key ? { headers: { 'x-functions-key': key } } : {}).then((response) => {
    if (response.status === 401 && !key)
      throw new Error(`${path}: HTTP 401: open the page as …/api/dashboard#key=<function key>`);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  });
}

function el(name, attrs = {}, text) {
  const node =
    name === 'svg' || ['rect', 'text', 'line', 'g', 'title'].includes(name)
      ? document.createElementNS(SVG, name)
      : document.createElement(name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

function size(svg) {
  const box = svg.getBoundingClientRect();
  return { w: Math.max(320, box.width), h: Math.max(180, box.height) };
}

function stackedDays(svg, legend, series, codes) {
  clear(svg);
  clear(legend);
  const { w, h } = size(svg);
  svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
  const pad = { l: 30, b: 28, t: 8 };
  const totals = series.map((d) => Object.values(d.byCode).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const bw = (w - pad.l) / Math.max(1, series.length);
  svg.appendChild(el('text', { x: 2, y: pad.t + 10 }, String(max)));
  svg.appendChild(el('line', { x1: pad.l, y1: h - pad.b, x2: w, y2: h - pad.b, stroke: '#9aa7b4' }));
  series.forEach((d, i) => {
    let y = h - pad.b;
    codes.forEach((code, c) => {
      const n = d.byCode[code] || 0;
      if (!n) return;
      const bh = ((h - pad.b - pad.t) * n) / max;
      y -= bh;
      const rect = el('rect', {
        x: pad.l + i * bw + 2,
        y,
        width: Math.max(2, bw - 4),
        height: bh,
        fill: COLORS[c % COLORS.length],
        'data-code': code,
      });
      rect.appendChild(el('title', {}, `${d.day} ${code}: ${n}`));
      svg.appendChild(rect);
    });
    if (series.length <= 16 || i % 2 === 0)
      svg.appendChild(el('text', { x: pad.l + i * bw + 2, y: h - 10 }, d.day.slice(5)));
  });
  codes.forEach((code, c) => {
    const item = el('span', {}, code);
    item.style.setProperty('--c', COLORS[c % COLORS.length]);
    legend.appendChild(item);
  });
}

function bars(svg, rows, color) {
  clear(svg);
  const { w, h } = size(svg);
  svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
  const label = 150;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const bh = Math.min(26, (h - 10) / Math.max(1, rows.length));
  rows.forEach((r, i) => {
    const y = 5 + i * bh;
    svg.appendChild(el('text', { x: 0, y: y + bh * 0.65 }, r.label.length > 24 ? `${r.label.slice(0, 23)}…` : r.label));
    const width = ((w - label - 40) * r.value) / max;
    const rect = el('rect', {
      x: label,
      y: y + 2,
      width: Math.max(r.value ? 2 : 0, width),
      height: bh - 4,
      fill: typeof color === 'function' ? color(r) : color,
    });
    rect.appendChild(el('title', {}, `${r.label}: ${r.value}`));
    svg.appendChild(rect);
    svg.appendChild(el('text', { x: label + width + 4, y: y + bh * 0.65 }, String(r.display ?? r.value)));
  });
  if (rows.length === 0) svg.appendChild(el('text', { x: 10, y: 20 }, 'Nothing to show'));
}

function figures(day) {
  const box = document.getElementById('figures');
  clear(box);
  const t = day.totals;
  [
    [t.failedJobs, `failed jobs on ${day.day}`],
    [t.findings, 'findings'],
    [t.newFindings, 'new'],
    [t.recurringFindings, 'recurring'],
    [t.resolved, 'resolved'],
    [t.openNow, 'open now'],
    [day.atRisk.length, 'past the RPO'],
  ].forEach(([n, label]) => {
    const figure = el('div', { class: 'figure' });
    figure.appendChild(el('div', { class: 'n' }, String(n)));
    figure.appendChild(el('div', { class: 'label' }, label));
    box.appendChild(figure);
  });
}

function fillSelect(select, values) {
  const current = select.value;
  while (select.options.length > 1) select.remove(1);
  for (const value of values) select.appendChild(el('option', { value }, value));
  select.value = values.includes(current) ? current : '';
}

function filters() {
  const data = new FormData(document.getElementById('filters'));
  const query = {};
  for (const [k, v] of data.entries()) if (v !== '' && !(k === 'status' && v === 'all')) query[k] = v;
  return query;
}

async function loadSummary() {
  const { from, to } = filters();
  const summary = await api('summary', { ...(from && { from }), ...(to && { to }) });
  const form = document.getElementById('filters');
  form.elements.from.value = summary.range.from;
  form.elements.to.value = summary.range.to;
  fillSelect(form.elements.vault, summary.range.vaults);
  fillSelect(form.elements.code, summary.range.codes);
  figures(summary.day);
  stackedDays(
    document.getElementById('chart-days'),
    document.getElementById('legend-days'),
    summary.range.series,
    summary.range.codes,
  );
  bars(
    document.getElementById('chart-priority'),
    ['P1', 'P2', 'P3', 'P4'].map((p) => ({ label: p, value: summary.range.openByPriority[p] })),
    (r) => PRIORITY_COLORS[r.label],
  );
  bars(
    document.getElementById('chart-vms'),
    summary.range.topVms.map((v) => ({ label: `${v.vmName} (${v.vaultName})`, value: v.failedJobs })),
    '#0f6cbd',
  );
  const lookups = summary.range.lookups;
  document.getElementById('lookup-rate').textContent =
    lookups.failureRate === null ? '(no lookups)' : `${Math.round(lookups.failureRate * 100)} % of ${lookups.total}`;
  bars(
    document.getElementById('chart-lookups'),
    Object.entries(lookups.byProbe).map(([probe, counts]) => {
      const total = Object.entries(counts)
        .filter(([s]) => s !== 'skipped')
        .reduce((a, [, n]) => a + n, 0);
      const failed = total - (counts.ok || 0);
      return { label: probe, value: total ? failed / total : 0, display: `${failed}/${total}` };
    }),
    '#c50f1f',
  );
}

async function loadEvents(append) {
  const status = document.getElementById('status');
  const body = document.querySelector('#events tbody');
  const table = document.getElementById('events');
  if (!append) {
    clear(body);
    next = undefined;
  }
  table.dataset.state = 'loading';
  status.textContent = 'Loading…';
  const page = await api('events', { ...filters(), limit: 50, ...(append && next && { continuationToken: next }) });
  for (const item of page.items) {
    const row = el('tr', { 'data-day': item.day, 'data-id': item.id, 'data-vault': item.vaultName });
    row.appendChild(el('td', {}, (item.startedAt || item.day).replace('T', ' ').slice(0, 16)));
    row.appendChild(el('td', { class: item.priority.toLowerCase() }, item.priority));
    row.appendChild(el('td', {}, item.vmName));
    row.appendChild(el('td', {}, item.vaultName));
    row.appendChild(el('td', {}, item.code));
    row.appendChild(el('td', {}, item.headline));
    row.addEventListener('click', () => showDetails(item.day, item.id));
    body.appendChild(row);
  }
  next = page.continuationToken;
  document.getElementById('more').hidden = !next;
  status.textContent = `${body.rows.length} shown${next ? ', more available' : ''}`;
  table.dataset.state = 'ready';
}

const VERDICT_WORDS = {
  implicated: 'implicated',
  present: 'present, not the cause',
  ruled_out: 'ruled out',
  unknown: 'not determined',
};

async function showDetails(day, id) {
  const event = await api(`events/${day}/${encodeURIComponent(id)}`, {});
  document.getElementById('details-title').textContent = event.summary.headline;
  document.getElementById('details-action').textContent = event.summary.firstAction.text;
  document.getElementById('details-commands').textContent = event.summary.firstAction.commands
    .filter((c) => c.shell === 'azure-cli')
    .map((c) => `# ${c.purpose}\n${c.text}`)
    .join('\n');
  const causes = document.getElementById('details-causes');
  clear(causes);
  for (const cause of event.causes) {
    const item = el('li');
    item.appendChild(el('span', {}, `${cause.title} — `));
    // Schema 1.1 says whether the state explains this failure; a 1.0 event's "confirmed" reads implicated.
    const verdict = cause.causalVerdict ?? (cause.verdict === 'confirmed' ? 'implicated' : cause.verdict);
    item.appendChild(el('span', { class: `verdict-${verdict}` }, VERDICT_WORDS[verdict] ?? verdict));
    // A condition present but not the cause stays one line.
    if (verdict !== 'present') for (const evidence of cause.evidence) item.appendChild(el('div', {}, evidence.summary));
    causes.appendChild(item);
  }
  const link = document.getElementById('details-link');
  link.href = /^https:\/\//.test(event.classification.link) ? event.classification.link : '#';
  document.getElementById('details').hidden = false;
}

function report(error) {
  document.getElementById('status').textContent = `Could not load: ${error.message}`;
}

document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('filters');
  for (const name of ['from', 'to', 'vault', 'code', 'priority', 'status'])
    if (params.get(name)) form.elements[name].value = params.get(name);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    loadSummary()
      .then(() => loadEvents(false))
      .catch(report);
  });
  document.getElementById('more').addEventListener('click', () => loadEvents(true).catch(report));
  document.getElementById('close').addEventListener('click', () => {
    document.getElementById('details').hidden = true;
  });
  loadSummary()
    .then(() => loadEvents(false))
    .catch(report);
});
