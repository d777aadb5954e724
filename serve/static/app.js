// laborsim explorer: the page's script. It asks the server for the
// parameters (/api/meta), keeps two scenarios A and B as the exact text of
// every parameter, streams runs (/api/run, server-sent events read with
// fetch so that a refused run shows the server's one-line message) into
// uPlot charts, and draws sweeps through the server's charts.
'use strict';

const $ = (id) => document.getElementById(id);

// The live charts: their names are those of 'laborsim run --plot', whose
// PNG and SVG the server draws for download. Each line's label is its
// column's in the server's table of metrics (/api/meta).
const CHARTS = [
  { id: 'labor-share', title: 'Factor shares of GDP', cols: ['labor_share', 'trad_capital_share', 'ai_share'] },
  { id: 'unemployment-vacancies', title: 'Unemployment and vacancies (rate)', cols: ['unemployment_rate', 'vacancy_rate'] },
  { id: 'wages', title: 'Wages (output per year)', cols: ['mean_wage', 'median_wage'] },
  { id: 'inequality', title: 'Inequality (Gini)', cols: ['wage_gini', 'income_gini', 'wealth_gini'] },
  { id: 'ai-adoption', title: 'AI agents deployed (log)', cols: ['ai_agents_deployed'], log: true },
  { id: 'ai-price', title: 'Price of AI, output per agent-month (log)', cols: ['ai_price', 'ai_cost'], log: true },
];

// The metrics of the final-step table.
const FINAL = ['gdp', 'labor_share', 'capital_share', 'ai_share', 'unemployment_rate', 'vacancy_rate', 'mean_wage',
  'median_wage', 'wage_gini', 'income_gini', 'wealth_gini', 'ai_agents_deployed', 'ai_task_share', 'ai_price', 'ai_frontier'];

const COLORS = ['#1f5fbf', '#d9480f', '#2b8a3e', '#862e9c'];

// The page's state, open to tests as window.explorer.
const X = {
  meta: null,
  params: { A: {}, B: {} },   // every parameter's text, by scenario
  values: { A: null, B: null }, // as the server canonicalises them (/api/check)
  errors: { A: '', B: '' },
  editing: 'A',
  compare: false,
  runs: { A: newRun(), B: newRun() },
  abort: { A: null, B: null, sweep: null },
  client: Math.random().toString(36).slice(2),
  charts: [],
  sweep: { file: '', info: null, state: 'idle' },
};
window.explorer = X;

function newRun() { return { rows: [], steps: 0, state: 'idle', command: '', message: '' }; }
function scenarios() { return X.compare ? ['A', 'B'] : ['A']; }
// col is the index of a column in a step's row, column its entry in the
// server's table of metrics: name, label, unit and description.
function col(name) { return X.meta.columns.findIndex(c => c.name === name); }
function column(name) { return X.meta.columns[col(name)]; }
function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
  }
  e.append(...kids);
  return e;
}

// ---- parameters --------------------------------------------------------

function query(sc, extra = {}) {
  const q = new URLSearchParams();
  for (const p of X.meta.params) q.set(p.name, X.params[sc][p.name]);
  for (const [k, v] of Object.entries(extra)) q.append(k, v);
  return q.toString();
}

function defaults() {
  const d = {};
  for (const p of X.meta.params) d[p.name] = p.default;
  return d;
}

function buildForm() {
  const form = $('params');
  let fs = null, group = '';
  for (const p of X.meta.params) {
    if (p.group !== group) {
      group = p.group;
      fs = el('fieldset', {}, el('legend', { text: group }));
      form.append(fs);
    }
    const tip = `${p.usage || p.name}\ndefault ${p.default} · flag --${p.name}`;
    const row = el('div', { class: 'param', id: 'p-' + p.name, title: tip });
    const label = el('label', { for: 'f-' + p.name, text: p.name });
    let slider = el('span');
    let field;
    if (p.kind === 'bool') {
      field = el('input', { type: 'checkbox', id: 'f-' + p.name, 'data-name': p.name });
      field.addEventListener('change', () => setParam(p.name, field.checked ? 'true' : 'false'));
    } else {
      field = el('input', { type: 'text', id: 'f-' + p.name, 'data-name': p.name, inputmode: 'decimal' });
      field.addEventListener('input', () => { setParam(p.name, field.value.trim()); syncSlider(p); });
      if (p.slider) {
        slider = el('input', { type: 'range', id: 's-' + p.name, 'data-name': p.name, step: 'any' });
        if (p.log) { slider.min = '0'; slider.max = String(Math.log10(p.max)); } else { slider.min = p.min; slider.max = p.max; }
        slider.addEventListener('input', () => {
          const v = sliderValue(p, Number(slider.value));
          field.value = v;
          setParam(p.name, v);
        });
      }
    }
    row.append(label, slider, field);
    fs.append(row);
  }
}

// sliderValue is the parameter's text at a slider position: a whole number
// for counts (log sliders 1 to the cap), three significant digits otherwise.
function sliderValue(p, pos) {
  if (p.log) return String(Math.max(1, Math.round(10 ** pos)));
  if (p.kind === 'int' || p.kind === 'uint') return String(Math.round(pos));
  return String(Number(pos.toPrecision(3)));
}

function syncSlider(p) {
  const s = $('s-' + p.name);
  const v = Number(X.params[X.editing][p.name]);
  if (!s || !Number.isFinite(v)) return;
  s.value = p.log ? String(Math.log10(Math.max(1, v))) : String(v);
}

function renderForm() {
  const vals = X.params[X.editing];
  for (const p of X.meta.params) {
    const f = $('f-' + p.name);
    if (p.kind === 'bool') f.checked = vals[p.name] === 'true'; else if (document.activeElement !== f) f.value = vals[p.name];
    syncSlider(p);
  }
  markChanged();
  $('editing').innerHTML = `Editing scenario <b>${X.editing}</b>. Hover a name for its meaning, unit and default.`;
  for (const b of document.querySelectorAll('#tabs button[data-sc]')) b.classList.toggle('on', b.dataset.sc === X.editing);
}

function markChanged() {
  const vals = X.params[X.editing], canon = X.values[X.editing];
  for (const p of X.meta.params) {
    const v = canon ? canon[p.name] : vals[p.name];
    $('p-' + p.name).classList.toggle('changed', v !== p.default);
  }
}

function setParam(name, value) {
  X.params[X.editing][name] = value;
  changed(X.editing);
}

const checkTimers = {};
function changed(sc) {
  writeHash();
  clearTimeout(checkTimers[sc]);
  checkTimers[sc] = setTimeout(() => check(sc), 150);
}

// check asks the server whether a scenario is valid, and for its command
// line; the answer draws the command, the error and the A/B differences.
async function check(sc) {
  const resp = await fetch('/api/check?' + query(sc));
  const err = $('err' + sc);
  for (const r of document.querySelectorAll('.param.bad')) r.classList.remove('bad');
  if (!resp.ok) {
    X.errors[sc] = (await resp.text()).trim();
    err.textContent = X.errors[sc];
    const m = X.errors[sc].match(/--([a-z-]+)/);
    if (m && sc === X.editing && $('p-' + m[1])) $('p-' + m[1]).classList.add('bad');
    return false;
  }
  const d = await resp.json();
  X.errors[sc] = '';
  err.textContent = '';
  X.values[sc] = d.values;
  $('cmd' + sc).textContent = d.command;
  if (sc === X.editing) markChanged();
  renderDiff();
  renderLinks();
  return true;
}

function renderDiff() {
  const box = $('diff');
  if (!X.compare || !X.values.A || !X.values.B) { box.hidden = true; return; }
  const diffs = X.meta.params.filter(p => X.values.A[p.name] !== X.values.B[p.name]);
  box.hidden = false;
  box.replaceChildren(diffs.length === 0 ? 'A and B have the same parameters.' : 'B differs from A in: ');
  diffs.forEach((p, i) => {
    const s = el('span', { class: 'd', 'data-name': p.name });
    s.append(el('b', { text: '--' + p.name }), ` ${X.values.A[p.name]} → ${X.values.B[p.name]}`);
    box.append(i ? ', ' : '', s);
  });
}

function renderLinks() {
  for (const sc of ['A', 'B']) {
    $('csv' + sc).href = '/api/run.csv?' + query(sc);
    $('csv' + sc).setAttribute('download', `laborsim-${sc}.csv`);
    $('json' + sc).href = '/api/run.json?' + query(sc);
    $('json' + sc).setAttribute('download', `laborsim-${sc}.json`);
  }
  for (const c of X.charts) {
    for (const a of c.card.querySelectorAll('a[data-format]')) {
      a.href = `/api/chart/${c.spec.id}?format=${a.dataset.format}&` + query(a.dataset.sc);
      a.setAttribute('download', `${c.spec.id}-${a.dataset.sc}.${a.dataset.format}`);
    }
  }
}

// ---- the shareable link -------------------------------------------------

function writeHash() {
  const q = new URLSearchParams();
  for (const sc of scenarios()) {
    for (const p of X.meta.params) q.set(sc.toLowerCase() + '.' + p.name, X.params[sc][p.name]);
  }
  if (X.compare) q.set('compare', '1');
  history.replaceState(null, '', '#' + q.toString());
}

function readHash() {
  const q = new URLSearchParams(location.hash.slice(1));
  for (const [k, v] of q) {
    const [sc, name] = [k.slice(0, 2), k.slice(2)];
    if ((sc === 'a.' || sc === 'b.') && name in X.params.A) X.params[sc === 'a.' ? 'A' : 'B'][name] = v;
  }
  if (q.get('compare') === '1') setCompare(true, false);
}

// ---- runs -----------------------------------------------------------------

// stream reads a server-sent event stream with fetch, calling the handler
// of each event's name with its parsed data. A refused request throws the
// server's message.
async function stream(url, handlers, signal) {
  const resp = await fetch(url, { signal });
  if (!resp.ok) throw new Error((await resp.text()).trim());
  const reader = resp.body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buf += value;
    let i;
    while ((i = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, i);
      buf = buf.slice(i + 2);
      let name = 'message', data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) name = line.slice(7);
        else if (line.startsWith('data: ')) data += line.slice(6);
      }
      if (handlers[name]) handlers[name](JSON.parse(data));
    }
  }
}

function run() {
  stopRuns(false);
  buildCharts();
  renderFinal();
  for (const sc of scenarios()) startRun(sc);
}

function startRun(sc) {
  const r = X.runs[sc] = newRun();
  r.state = 'running';
  const ctl = X.abort[sc] = new AbortController();
  setStatus();
  stream('/api/run?' + query(sc, { client: X.client + '-' + sc }), {
    start: (d) => { r.steps = d.steps; r.command = d.command; },
    step: (row) => { r.rows.push(row); scheduleDraw(); },
    done: () => { r.state = 'done'; },
    stopped: () => { r.state = 'stopped'; },
    failed: (d) => { r.state = 'error'; r.message = d.message; },
  }, ctl.signal).catch((e) => {
    if (r.state !== 'running') return;
    r.state = ctl.signal.aborted ? 'stopped' : 'error';
    r.message = ctl.signal.aborted ? '' : e.message;
  }).finally(() => {
    if (r.state === 'running') { r.state = 'error'; r.message = 'the stream ended early'; }
    if (X.abort[sc] === ctl) X.abort[sc] = null;
    draw();
    renderFinal();
    setStatus();
  });
}

function stopRuns(tell) {
  for (const sc of ['A', 'B']) {
    if (X.abort[sc]) X.abort[sc].abort();
    if (tell) fetch('/api/stop?client=' + X.client + '-' + sc, { method: 'POST' });
  }
}

function setStatus() {
  const st = $('status');
  const runs = scenarios().map(sc => [sc, X.runs[sc]]);
  const running = runs.some(([, r]) => r.state === 'running');
  const failed = runs.find(([, r]) => r.state === 'error');
  $('stop').disabled = !running;
  if (running) {
    st.dataset.state = 'running';
    st.textContent = 'running ' + runs.map(([sc, r]) => `${sc} ${r.rows.length}/${r.steps || '…'}`).join(' · ');
  } else if (failed) {
    st.dataset.state = 'error';
    st.textContent = `${failed[0]}: ${failed[1].message}`;
  } else if (runs.some(([, r]) => r.state === 'stopped')) {
    st.dataset.state = 'stopped';
    st.textContent = 'stopped at ' + runs.map(([sc, r]) => `${sc} step ${r.rows.length}`).join(' · ');
  } else if (runs.every(([, r]) => r.state === 'done')) {
    st.dataset.state = 'done';
    st.textContent = 'done: ' + runs.map(([sc, r]) => `${sc} ${r.rows.length} steps`).join(' · ');
  }
}

// ---- charts ---------------------------------------------------------------

function buildCharts() {
  for (const c of X.charts) c.u.destroy();
  const box = $('charts');
  box.replaceChildren();
  const scs = scenarios();
  X.charts = CHARTS.map((spec) => {
    const links = el('small');
    for (const sc of scs) {
      for (const f of ['png', 'svg']) links.append(el('a', { 'data-sc': sc, 'data-format': f, text: (X.compare ? sc + ' ' : '') + f.toUpperCase() }));
    }
    const card = el('div', { class: 'card', id: 'chart-' + spec.id }, el('h3', {}, el('span', { text: spec.title }), links));
    box.append(card);
    const series = [{ label: 'year' }];
    for (const sc of scs) {
      spec.cols.forEach((c, i) => series.push({
        label: column(c).label + (X.compare ? ' ' + sc : ''), stroke: COLORS[i], width: 1.5, spanGaps: true, points: { show: false },
        dash: sc === 'B' ? [6, 4] : undefined,
      }));
    }
    const opts = {
      width: Math.max(300, card.clientWidth - 16), height: 220, series,
      scales: { x: { time: false }, y: spec.log ? { distr: 3 } : {} },
      axes: [
        { values: (u, ticks) => ticks.map(v => String(Number(v.toFixed(2)))) },
        { size: 60, values: (u, ticks) => ticks.map(spec.log ? logTick(ticks) : tick) },
      ],
      cursor: { drag: { x: false, y: false } },
      legend: { live: false },
    };
    const u = new uPlot(opts, series.map(() => []), card);
    return { spec, u, card, scs };
  });
  renderLinks();
}

let drawPending = false;
function scheduleDraw() {
  if (drawPending) return;
  drawPending = true;
  requestAnimationFrame(() => { drawPending = false; draw(); setStatus(); });
}

// chartData aligns the scenarios on the union of their years.
function chartData(c) {
  const yi = col('year');
  const years = new Set();
  for (const sc of c.scs) for (const r of X.runs[sc].rows) years.add(r[yi]);
  const xs = [...years].sort((a, b) => a - b);
  const at = new Map(xs.map((x, i) => [x, i]));
  const data = [xs];
  for (const sc of c.scs) {
    for (const name of c.spec.cols) {
      const k = col(name), ys = new Array(xs.length).fill(null);
      for (const r of X.runs[sc].rows) ys[at.get(r[yi])] = c.spec.log && !(r[k] > 0) ? null : r[k];
      data.push(ys);
    }
  }
  return data;
}

function draw() {
  for (const c of X.charts) c.u.setData(chartData(c));
}

// tick labels a y axis: plain numbers where they are short, else powers.
function tick(v) {
  if (v == null) return '';
  const a = Math.abs(v);
  if (a === 0 || (a >= 1e-3 && a < 1e6)) return String(Number(v.toPrecision(3)));
  return v.toExponential(0).replace('e+', 'e');
}

// logTick labels the powers of ten of a log axis, every other one when
// they span more than eight decades.
function logTick(ticks) {
  const ds = ticks.filter(v => v > 0).map(Math.log10);
  const every = Math.max(...ds) - Math.min(...ds) > 8 ? 2 : 1;
  return (v) => {
    const d = Math.log10(v);
    return Math.abs(d - Math.round(d)) < 1e-9 && Math.round(d) % every === 0 ? tick(v) : '';
  };
}

function fmt(v) {
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e6) ? v.toExponential(3) : String(Number(v.toPrecision(4)));
}

function renderFinal() {
  const body = $('final').tBodies[0];
  body.replaceChildren();
  for (const th of document.querySelectorAll('.colB')) th.hidden = !X.compare;
  for (const name of FINAL) {
    const c = column(name);
    const tr = el('tr', {}, el('td', { text: c.label, title: `${c.description} (${c.unit})` }));
    for (const sc of scenarios()) {
      const rows = X.runs[sc].rows, td = el('td', { 'data-sc': sc, 'data-metric': name });
      if (rows.length) {
        const v = rows[rows.length - 1][col(name)];
        td.textContent = fmt(v);
        td.dataset.value = String(v);
      }
      tr.append(td);
    }
    body.append(tr);
  }
}

// ---- A/B --------------------------------------------------------------------

function setCompare(on, copy = true) {
  X.compare = on;
  $('compare').checked = on;
  $('tabB').hidden = !on;
  $('copyAB').hidden = !on;
  $('cmdBrow').hidden = !on;
  $('dlB').hidden = !on;
  if (on && copy && !X.values.B) X.params.B = { ...X.params.A };
  if (!on) edit('A');
  if (on) check('B');
  renderDiff();
  writeHash();
}

function edit(sc) {
  X.editing = sc;
  renderForm();
}

// ---- presets ------------------------------------------------------------------

function buildPresets() {
  const sel = $('preset');
  for (const p of X.meta.presets) {
    sel.append(el('option', { value: p.name, title: p.description, text: `${p.name} (${p.source})` }));
  }
  sel.addEventListener('change', () => {
    const p = X.meta.presets.find(p => p.name === sel.value);
    X.params[X.editing] = { ...defaults(), ...(p ? p.settings : {}) };
    if (p && p.vary.length) {
      $('vary').value = p.vary.join('; ');
      $('replicates').value = p.replicates || 3;
      $('perDecade').value = p.perDecade || 1;
    }
    renderForm();
    changed(X.editing);
  });
}

// ---- sweeps ---------------------------------------------------------------------

async function loadFiles(select) {
  const d = await (await fetch('/api/files')).json();
  const sel = $('files'), keep = [...sel.options].filter(o => o.dataset.stored);
  sel.replaceChildren(...keep, ...d.files.map(f => el('option', { value: f, text: f })));
  if (select) sel.value = select;
}

function addStored(id, label) {
  const o = el('option', { value: id, text: label, 'data-stored': '1' });
  $('files').prepend(o);
  $('files').value = id;
}

async function openResults(file) {
  $('sweepErr').textContent = '';
  const resp = await fetch('/api/results?file=' + encodeURIComponent(file));
  if (!resp.ok) { $('sweepErr').textContent = (await resp.text()).trim(); return; }
  const info = await resp.json();
  X.sweep.file = file;
  X.sweep.info = info;
  const opts = (names) => names.map(n => el('option', { value: n, text: n }));
  $('sx').replaceChildren(...opts(info.varied.length ? info.varied : X.meta.params.map(p => p.name)));
  $('sy').replaceChildren(...opts(info.metrics));
  $('sy').value = 'labor_share';
  $('sby').replaceChildren(el('option', { value: '', text: 'none' }), ...opts(info.varied));
  $('sweepInfo').textContent = `${info.runs} runs at ${info.points} points` + (info.notes.length ? ' · ' + info.notes.join('; ') : '');
  $('sweepAxes').hidden = false;
  await drawSweep();
}

function sweepQuery(format) {
  const q = new URLSearchParams({ file: X.sweep.file, x: $('sx').value, y: $('sy').value, format });
  if ($('sby').value) q.set('by', $('sby').value);
  if ($('sband').checked) q.set('band', 'true');
  return q.toString();
}

async function drawSweep() {
  const img = $('sweepChart');
  img.removeAttribute('data-ready');
  const resp = await fetch('/api/sweep-chart?' + sweepQuery('svg'));
  if (!resp.ok) { $('sweepErr').textContent = (await resp.text()).trim(); img.hidden = true; return; }
  $('sweepErr').textContent = '';
  if (img.src.startsWith('blob:')) URL.revokeObjectURL(img.src);
  img.src = URL.createObjectURL(await resp.blob());
  await img.decode();
  img.hidden = false;
  img.dataset.ready = X.sweep.file;
  $('sweepPNG').href = '/api/sweep-chart?' + sweepQuery('png');
  $('sweepPNG').setAttribute('download', 'sweep.png');
  $('sweepSVG').href = '/api/sweep-chart?' + sweepQuery('svg');
  $('sweepSVG').setAttribute('download', 'sweep.svg');
  $('sweepCSV').href = '/api/results.csv?file=' + encodeURIComponent(X.sweep.file);
  $('sweepCSV').setAttribute('download', 'results.csv');
}

async function upload(file) {
  $('sweepErr').textContent = '';
  const resp = await fetch('/api/upload?name=' + encodeURIComponent(file.name), { method: 'POST', body: file });
  if (!resp.ok) { $('sweepErr').textContent = (await resp.text()).trim(); return; }
  const d = await resp.json();
  addStored(d.file, `${file.name} (uploaded)`);
  await openResults(d.file);
}

function startSweep() {
  if (X.abort.sweep) X.abort.sweep.abort();
  const ctl = X.abort.sweep = new AbortController();
  const extra = { client: X.client + '-sweep', replicates: $('replicates').value, 'per-decade': $('perDecade').value };
  let q = query('A', extra);
  for (const v of $('vary').value.split(';').map(s => s.trim()).filter(Boolean)) q += '&vary=' + encodeURIComponent(v);
  const prog = $('sweepProgress'), st = $('sweepStatus');
  X.sweep.state = 'running';
  $('sweepErr').textContent = '';
  $('stopSweep').disabled = false;
  st.textContent = 'starting…';
  stream('/api/sweep?' + q, {
    start: (d) => { prog.max = d.runs; prog.value = 0; st.textContent = `0/${d.runs} runs`; },
    progress: (d) => { prog.value = d.done; st.textContent = `${d.done}/${d.runs} runs`; },
    done: (d) => {
      X.sweep.state = 'done';
      st.textContent = `done: ${d.runs} runs`;
      addStored(d.file, `sweep of ${$('vary').value} (${d.file})`);
      openResults(d.file);
    },
    stopped: (d) => { X.sweep.state = 'stopped'; st.textContent = `stopped after ${d.done} runs`; },
    failed: (d) => { X.sweep.state = 'error'; $('sweepErr').textContent = d.message; },
  }, ctl.signal).catch((e) => {
    X.sweep.state = ctl.signal.aborted ? 'stopped' : 'error';
    if (!ctl.signal.aborted) { $('sweepErr').textContent = e.message; st.textContent = ''; }
  }).finally(() => { $('stopSweep').disabled = true; });
}

// ---- start ------------------------------------------------------------------------

async function main() {
  X.meta = await (await fetch('/api/meta')).json();
  X.params.A = defaults();
  X.params.B = defaults();
  buildForm();
  buildPresets();
  readHash();
  renderForm();
  check('A');
  buildCharts();
  renderFinal();

  $('run').addEventListener('click', run);
  $('stop').addEventListener('click', () => stopRuns(true));
  $('compare').addEventListener('change', () => setCompare($('compare').checked));
  $('copyAB').addEventListener('click', () => { X.params.B = { ...X.params.A }; renderForm(); changed('B'); });
  for (const b of document.querySelectorAll('#tabs button[data-sc]')) b.addEventListener('click', () => edit(b.dataset.sc));
  $('share').addEventListener('click', async () => {
    writeHash();
    try { await navigator.clipboard.writeText(location.href); $('share').textContent = 'Link copied'; } catch { $('share').textContent = 'Link in address bar'; }
    setTimeout(() => { $('share').textContent = 'Copy link'; }, 2000);
  });
  $('openFile').addEventListener('click', () => openResults($('files').value));
  $('upload').addEventListener('change', () => { if ($('upload').files[0]) upload($('upload').files[0]); });
  $('startSweep').addEventListener('click', startSweep);
  $('stopSweep').addEventListener('click', () => {
    if (X.abort.sweep) X.abort.sweep.abort();
    fetch('/api/stop?client=' + X.client + '-sweep', { method: 'POST' });
  });
  for (const id of ['sx', 'sy', 'sby', 'sband']) $(id).addEventListener('change', drawSweep);
  window.addEventListener('resize', () => { for (const c of X.charts) c.u.setSize({ width: Math.max(300, c.card.clientWidth - 16), height: 220 }); });
  await loadFiles();
  document.body.dataset.ready = '1';
}

main();
