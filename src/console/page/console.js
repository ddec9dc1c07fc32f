// The development console's page: plain DOM, no framework. Everything the app or an event says is put in
// the page as text (textContent), never as HTML. The token comes from this page's URL.
const token = new URLSearchParams(location.search).get('token') ?? '';
const $ = (id) => document.getElementById(id);
const state = { samples: [], last: null, inspectTimer: 0 };

/** An element with attributes and children (strings become text nodes). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (value !== false && value != null) el.setAttribute(key, value === true ? '' : value);
  }
  el.append(...children.flat().filter((c) => c != null && c !== false));
  return el;
}

async function api(path, body) {
  const init = { headers: { 'x-console-token': token } };
  if (body !== undefined) Object.assign(init, { method: 'POST', body: JSON.stringify(body), headers: { ...init.headers, 'content-type': 'application/json' } });
  const res = await fetch(path, init);
  const json = await res.json();
  if (!res.ok) throw Object.assign(new Error(json.error?.message ?? `HTTP ${res.status}`), { code: json.error?.code });
  return json;
}

/** The editor's JSON; when it is not JSON, the JSON inside it (a CloudWatch log line: time, request id, level, then the event). */
function parseEvent(text) {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const start = text.search(/[{[]/);
    const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
    if (start > 0 && end > start) {
      try {
        return { value: JSON.parse(text.slice(start, end + 1)), note: 'The JSON was taken from a log line.' };
      } catch {}
    }
    return { error: text.trim() === '' ? 'Empty: pick a sample, load a file or paste an event.' : `Not JSON: ${error.message}` };
  }
}

function parseOptions() {
  const text = $('options').value.trim();
  if (text === '') return { value: {} };
  try {
    const value = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'Options: expected an object, e.g. {"routes": {"com.amazonaws.sqs.*": "/jobs"}}' };
    return { value };
  } catch (error) {
    return { error: `Options are not JSON: ${error.message}` };
  }
}

const mode = () => document.querySelector('input[name=mode]:checked').value;
const via = () => document.querySelector('input[name=via]:checked').value;

function invalid(el, message, note) {
  el.setAttribute('aria-invalid', String(message != null));
  return message ?? note ?? '';
}

/** Validate as you type; once valid, ask the server which path routeFor gives (and the CloudEvents in record mode). */
function validate() {
  const parsed = parseEvent($('editor').value);
  const options = parseOptions();
  $('validity').textContent = invalid($('editor'), parsed.error, parsed.note ?? (parsed.error ? '' : 'Valid JSON.'));
  $('options-validity').textContent = invalid($('options'), options.error);
  $('send').disabled = parsed.error !== undefined || options.error !== undefined;
  clearTimeout(state.inspectTimer);
  if (parsed.error || options.error) return null;
  state.inspectTimer = setTimeout(() => inspect(parsed.value, options.value), 150);
  return { event: parsed.value, options: options.value };
}

async function inspect(event, options) {
  try {
    const found = await api('/api/inspect', { event, mode: mode(), options });
    $('route-path').textContent = found.recognised ? found.path : `${found.fallback} (not a recognised event: request.path)`;
    $('ce-preview').hidden = !found.cloudEvents;
    if (found.cloudEvents) {
      $('ce-count').textContent = String(found.cloudEvents.length);
      $('ce-json').textContent = JSON.stringify(found.cloudEvents, null, 2);
    }
  } catch (error) {
    $('route-path').textContent = `– (${error.message})`;
  }
}

function setEvent(value, name) {
  $('editor').value = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  for (const b of document.querySelectorAll('#samples button')) b.setAttribute('aria-current', String(b.dataset.name === name));
  validate();
}

function renderSamples() {
  const query = $('search').value.trim().toLowerCase();
  const groups = new Map();
  for (const s of state.samples) {
    if (query && !`${s.name} ${s.source} ${s.description}`.toLowerCase().includes(query)) continue;
    if (!groups.has(s.source)) groups.set(s.source, []);
    groups.get(s.source).push(s);
  }
  $('samples').replaceChildren(
    ...[...groups].map(([source, list]) =>
      h('li', {}, h('h3', {}, source), h('ul', {}, list.map((s) => h('li', {}, h('button', { type: 'button', 'data-name': s.name, onclick: () => pickSample(s.name) }, s.name, h('small', {}, s.description)))))),
    ),
  );
  if (groups.size === 0) $('samples').append(h('li', { class: 'note' }, `No sample matches "${query}".`));
}

async function pickSample(name) {
  setEvent(await api(`/api/samples/${encodeURIComponent(name)}`), name);
}

/** A body for people: JSON pretty-printed, text as is, binary as hex. */
function showBody(part) {
  if (!part || part.body === '') return h('p', { class: 'note' }, '(empty body)');
  if (part.isBase64Encoded) {
    const bytes = Uint8Array.from(atob(part.body), (c) => c.charCodeAt(0));
    const lines = [];
    for (let i = 0; i < Math.min(bytes.length, 4096); i += 16) {
      lines.push(`${i.toString(16).padStart(6, '0')}  ${[...bytes.slice(i, i + 16)].map((b) => b.toString(16).padStart(2, '0')).join(' ')}`);
    }
    return h('pre', {}, `${bytes.length} bytes (binary, hex)\n${lines.join('\n')}${bytes.length > 4096 ? '\n…' : ''}`);
  }
  try {
    return h('pre', {}, JSON.stringify(JSON.parse(part.body), null, 2));
  } catch {
    return h('pre', {}, part.body);
  }
}

/** Header rows; CloudEvents attributes (ce-*) shown percent-decoded as the HTTP binding encodes them. */
function showHeaders(headers) {
  const rows = Object.entries(headers).map(([name, value]) => {
    let shown = Array.isArray(value) ? value.join(', ') : String(value);
    if (name.startsWith('ce-')) {
      try {
        shown = decodeURIComponent(shown);
      } catch {}
    }
    return h('tr', {}, h('th', { scope: 'row' }, name), h('td', {}, shown));
  });
  return h('table', {}, h('tbody', {}, rows));
}

function showOutcome(outcome) {
  state.last = outcome;
  const back = new Set(outcome.returned);
  const verdict = h('div', { class: `verdict ${outcome.handled ? 'ok' : 'bad'}` },
    h('p', {}, h('strong', {}, outcome.handled ? 'Accepted' : 'Failed'), ': ', outcome.reason, '.'),
    outcome.returned.length > 0 ? h('p', {}, `Back to the queue (delivered again): ${outcome.returned.join(', ')}`) : null,
    outcome.error && !outcome.handled ? h('p', {}, outcome.error.statusCode ? 'Lambda gets an error: the event is retried, then kept by the dead-letter queue or failure destination.' : outcome.error.message) : null,
    h('p', { class: 'note' }, `${outcome.deliveries.length} request${outcome.deliveries.length === 1 ? '' : 's'} in ${outcome.durationMs} ms`));
  $('verdict').replaceChildren(verdict);
  $('timeline').replaceChildren(
    ...outcome.deliveries.map((d, i) => {
      const status = d.response?.statusCode;
      const id = d.request.headers['ce-id'];
      return h('li', {},
        h('details', {},
          h('summary', {},
            h('span', {}, `#${i + 1}`), h('strong', {}, d.request.method), h('code', {}, d.request.path),
            h('span', { class: `status ${status >= 200 && status < 300 ? 'ok' : 'bad'}` }, status ?? d.error?.code ?? 'no answer'),
            h('span', {}, `${outcome.durationsMs[i] ?? '?'} ms`),
            id !== undefined && back.has(String(id)) ? h('span', { class: 'back' }, 'back to the queue') : null),
          h('div', { class: 'detail' },
            h('h4', {}, 'Request headers'), showHeaders(d.request.headers), h('h4', {}, 'Request body'), showBody(d.request),
            d.response ? [h('h4', {}, `Response ${d.response.statusCode}`), showHeaders(d.response.headers), showBody(d.response)] : h('p', { class: 'back' }, d.error?.message ?? ''))));
    }),
  );
  if (outcome.deliveries.length === 0) $('timeline').append(h('li', { class: 'note' }, 'The app received no request.'));
  $('result-box').hidden = false;
  $('result-json').textContent = JSON.stringify(outcome.error ?? outcome.result ?? null, null, 2);
  $('copy-test').disabled = $('copy-cli').disabled = false;
}

async function send(request) {
  const sentFrom = document.activeElement;
  $('send').disabled = true;
  $('verdict').replaceChildren(h('p', { class: 'note' }, 'Sending…'));
  try {
    showOutcome(await api('/api/send', request));
    await loadHistory();
  } catch (error) {
    $('verdict').replaceChildren(h('div', { class: 'verdict bad' }, h('p', {}, h('strong', {}, 'Not sent'), ': ', error.message)));
  } finally {
    $('send').disabled = false;
    // Disabling the focused Send button dropped the focus to the body: a keyboard user gets it back.
    if (document.activeElement === document.body && sentFrom === $('send')) sentFrom.focus();
  }
}

function sendEditor() {
  const valid = validate();
  if (valid) send({ event: valid.event, mode: mode(), options: valid.options, via: via() });
}

async function loadHistory() {
  const entries = await api('/api/history');
  // The list is rebuilt: the focus (a Re-send pressed from the keyboard) moves to the same entry's button.
  const focused = $('history').contains(document.activeElement) ? document.activeElement.getAttribute('aria-label') : null;
  $('history').replaceChildren(
    ...entries.reverse().map((e) =>
      h('li', {},
        h('div', {}, h('strong', {}, `#${e.id} `), h('code', {}, e.summary.path), ` ${e.send.mode ?? 'event'} · `, h('span', { class: `status ${e.summary.handled ? 'ok' : 'bad'}` }, e.summary.handled ? 'accepted' : 'failed')),
        h('div', { class: 'note' }, `${new Date(e.at).toLocaleTimeString()} · ${e.summary.statuses.join(' ') || 'no request'}`),
        h('div', { class: 'toolbar' },
          h('button', { type: 'button', 'aria-label': `Re-send #${e.id}`, onclick: () => send(e.send) }, 'Re-send'),
          h('button', { type: 'button', 'aria-label': `Edit #${e.id}`, onclick: () => editEntry(e) }, 'Edit')))),
  );
  if (entries.length === 0) $('history').append(h('li', { class: 'note' }, 'No send yet.'));
  if (focused) $('history').querySelector(`[aria-label="${focused}"]`)?.focus();
}

function editEntry(entry) {
  document.querySelector(`input[name=mode][value=${entry.send.mode ?? 'event'}]`).checked = true;
  $('options').value = JSON.stringify(entry.send.options ?? {}, null, 2);
  setEvent(entry.send.event);
  $('editor').focus();
}

async function copy(kind) {
  const text = state.last.snippets[kind];
  $('snippet').hidden = false;
  $('snippet').textContent = text;
  try {
    await navigator.clipboard.writeText(text);
    $('copy-note').textContent = kind === 'test' ? 'Test copied: save it in your project and run it.' : 'Command copied.';
  } catch {
    $('copy-note').textContent = 'The browser did not allow copying: select the text below.';
  }
}

function showStatus(status) {
  const when = new Date(status.at).toLocaleTimeString();
  const failed = status.state === 'failed';
  $('app-error').hidden = !failed;
  $('app-status').textContent = failed ? `The app failed to load (${when}).` : status.state === 'loaded' ? `${status.generation > 1 ? 'App reloaded' : 'App loaded'} at ${when}: ${status.file}` : 'Loading the app…';
  if (failed) $('app-error').textContent = `The app failed to load: ${status.error.message}\nFix it and save: the console reloads it.`;
}

$('search').addEventListener('input', renderSamples);
$('editor').addEventListener('input', validate);
$('options').addEventListener('input', validate);
for (const radio of document.querySelectorAll('input[name=mode]')) radio.addEventListener('change', validate);
$('editor').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    sendEditor();
  }
});
$('send').addEventListener('click', sendEditor);
$('format').addEventListener('click', () => {
  const parsed = parseEvent($('editor').value);
  if (parsed.value !== undefined) setEvent(parsed.value);
});
$('load-file').addEventListener('click', () => $('file').click());
$('file').addEventListener('change', async () => {
  const file = $('file').files[0];
  if (file) setEvent(await file.text());
});
$('paste').addEventListener('click', async () => {
  try {
    setEvent(await navigator.clipboard.readText());
  } catch {
    $('validity').textContent = 'The browser did not allow reading the clipboard: paste into the editor with Ctrl+V.';
    $('editor').focus();
  }
});
$('copy-test').addEventListener('click', () => copy('test'));
$('copy-cli').addEventListener('click', () => copy('cli'));

const events = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
events.addEventListener('app', (e) => showStatus(JSON.parse(e.data)));

const status = await api('/api/status');
for (const radio of document.querySelectorAll('input[name=via][value=gateway]')) radio.disabled = !status.gateway;
$('gateway-note').hidden = status.gateway;
state.samples = await api('/api/samples');
renderSamples();
await loadHistory();
await pickSample(state.samples[0].name);
document.body.dataset.ready = 'true';
