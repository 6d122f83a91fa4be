// 城管通 — the inspector's phone app: report with photo/GPS/class/voice, an offline queue in IndexedDB that uploads
// when the network returns (each upload carries its own clientRef, so a retry never makes a second case), tasks
// (核实/核查) answered with photos, and the on-duty patrol track.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './collector.css';
import { createMap } from './basemap.js';

const body = document.getElementById('collector');
if (body) {
  start(body);
}

function start(body) {
  const msg = body.dataset;
  const $ = (id) => document.getElementById(id);
  const state = { gps: null, picked: null, voice: null, classes: [], mostUsed: [], sending: false };

  // ---- offline queue (IndexedDB) -----------------------------------------------------------------------------
  const db = new Promise((resolve, reject) => {
    const open = indexedDB.open('civicgrid-collector', 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('outbox', { keyPath: 'clientRef' });
      open.result.createObjectStore('track', { autoIncrement: true });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const store = async (name, mode, fn) => {
    const d = await db;
    return new Promise((resolve, reject) => {
      const tx = d.transaction(name, mode);
      const result = fn(tx.objectStore(name));
      tx.oncomplete = () => resolve(result && 'result' in result ? result.result : result);
      tx.onerror = () => reject(tx.error);
    });
  };
  const all = (name) => store(name, 'readonly', (s) => s.getAll());
  const put = (name, value) => store(name, 'readwrite', (s) => s.put(value));
  const del = (name, key) => store(name, 'readwrite', (s) => s.delete(key));

  const newRef = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

  async function enqueue(item) {
    await put('outbox', item);
    await renderQueue();
    flush();
  }

  async function flush() {
    if (state.sending) {
      return;
    }
    state.sending = true;
    try {
      const items = (await all('outbox')).filter((i) => !i.error).sort((a, b) => a.createdAt - b.createdAt);
      for (const item of items) {
        const form = new FormData();
        form.append('clientRef', item.clientRef);
        Object.entries(item.fields).forEach(([k, v]) => v !== null && v !== undefined && v !== '' && form.append(k, v));
        item.files.forEach((f) => form.append(f.field, f.blob, f.name));
        let response;
        try {
          response = await fetch(item.url, { method: 'POST', body: form, credentials: 'same-origin', headers: { Accept: 'application/json' } });
        } catch (offline) {
          break; // no network: try again later
        }
        if (response.status === 401) {
          setNet(msg.msgSignInAgain, 'bad');
          break;
        }
        if (response.ok) {
          const answer = await response.json();
          await del('outbox', item.clientRef);
          remember({ clientRef: item.clientRef, number: answer.number, stage: answer.stage, label: item.label, at: Date.now() });
        } else if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
          const problem = await response.json().catch(() => ({ message: response.statusText }));
          item.error = problem.message || String(response.status);
          await put('outbox', item);
        } else {
          break; // the box is busy or down: later
        }
      }
    } finally {
      state.sending = false;
      await renderQueue();
    }
  }

  function remember(sent) {
    const list = JSON.parse(localStorage.getItem('collector-sent') || '[]');
    list.unshift(sent);
    localStorage.setItem('collector-sent', JSON.stringify(list.slice(0, 30)));
  }

  async function renderQueue() {
    const items = await all('outbox');
    const waiting = items.filter((i) => !i.error).length;
    $('queue-count').textContent = String(items.length);
    $('queue-count').classList.toggle('hot', items.length > 0);
    $('queue-summary').textContent = items.length ? `${msg.msgWaiting} ${waiting} · ${msg.msgFailed} ${items.length - waiting}` : msg.msgQueueEmpty;
    const list = $('queue-list');
    list.replaceChildren(...items.map((i) => {
      const li = document.createElement('li');
      li.className = i.error ? 'queued failed' : 'queued';
      li.dataset.ref = i.clientRef;
      li.textContent = `${new Date(i.createdAt).toLocaleTimeString()} · ${i.label} · ${i.files.length}📷 `;
      if (i.error) {
        const err = document.createElement('span');
        err.className = 'error';
        err.textContent = i.error;
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = msg.msgRemove;
        remove.addEventListener('click', () => del('outbox', i.clientRef).then(renderQueue));
        li.append(err, ' ', remove);
      } else {
        li.append(msg.msgWaiting);
      }
      return li;
    }));
    const sent = JSON.parse(localStorage.getItem('collector-sent') || '[]');
    $('sent-list').replaceChildren(...sent.map((s) => {
      const li = document.createElement('li');
      li.className = 'sent';
      li.dataset.number = s.number;
      li.textContent = `${s.number} · ${s.label} · ${new Date(s.at).toLocaleTimeString()}`;
      return li;
    }));
  }

  // ---- network state --------------------------------------------------------------------------------------------
  function setNet(text, cls) {
    $('net').textContent = text;
    $('net').className = `m-net ${cls}`;
  }
  const netState = () => setNet(navigator.onLine ? msg.msgOnline : msg.msgOffline, navigator.onLine ? 'ok' : 'bad');
  window.addEventListener('online', () => { netState(); flush(); flushTrack(); });
  window.addEventListener('offline', netState);
  netState();
  setInterval(() => { flush(); }, 5000);

  // ---- tabs -----------------------------------------------------------------------------------------------------
  document.querySelectorAll('.m-tabs button').forEach((b) => b.addEventListener('click', () => {
    document.querySelectorAll('.m-tabs button').forEach((x) => x.classList.toggle('active', x === b));
    document.querySelectorAll('.m-pane').forEach((p) => { p.hidden = p.id !== `pane-${b.dataset.tab}`; });
    if (b.dataset.tab === 'tasks') {
      loadTasks();
    }
  }));

  // 处置通: the same app for department staff — their cases and steps, through the same offline queue
  if (body.dataset.mode === 'department') {
    startHandling();
    $('queue-send').addEventListener('click', () => flush());
    renderQueue().then(flush);
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('/m/sw.js', { scope: '/m/' }).catch(() => {});
    }
    return;
  }

  // ---- GPS ------------------------------------------------------------------------------------------------------
  const gpsStatus = () => {
    if (state.picked) {
      $('gps-status').textContent = `${msg.msgPicked} ${state.picked.lat.toFixed(6)}, ${state.picked.lon.toFixed(6)}`;
    } else if (state.gps) {
      $('gps-status').textContent = `${msg.msgGpsFix} ${state.gps.lat.toFixed(6)}, ${state.gps.lon.toFixed(6)} ±${Math.round(state.gps.accuracy)} m`;
    } else {
      $('gps-status').textContent = msg.msgGpsNone;
    }
  };
  if (navigator.geolocation) {
    navigator.geolocation.watchPosition((p) => {
      state.gps = { lat: p.coords.latitude, lon: p.coords.longitude, accuracy: p.coords.accuracy, at: new Date(p.timestamp).toISOString() };
      gpsStatus();
    }, () => gpsStatus(), { enableHighAccuracy: true, maximumAge: 10000, timeout: 20000 });
  } else {
    gpsStatus();
  }

  // ---- map pick -------------------------------------------------------------------------------------------------
  let pickMap = null;
  let pickMarker = null;
  $('pick-toggle').addEventListener('click', () => {
    const el = $('pick-map');
    el.hidden = !el.hidden;
    if (!el.hidden && !pickMap) {
      pickMap = baseMap(el);
      pickMap.on('click', (e) => {
        state.picked = { lat: e.latlng.lat, lon: e.latlng.lng };
        if (pickMarker) {
          pickMarker.setLatLng(e.latlng);
        } else {
          pickMarker = L.circleMarker(e.latlng, { radius: 9, color: '#b91c1c', weight: 3, className: 'picked' }).addTo(pickMap);
        }
        gpsStatus();
      });
    }
  });

  function baseMap(el, center) {
    const map = createMap(el, { zoomSnap: 0.5, minZoom: 9, maxZoom: 19 });
    const here = center || state.gps || { lat: 35.66, lon: 117.27 };
    map.setView([here.lat, here.lon], center || state.gps ? 17 : 13);
    fetch('/api/grids/geojson', { credentials: 'same-origin' }).then((r) => (r.ok ? r.json() : null)).then((g) => {
      if (g) {
        L.geoJSON(g, { interactive: false, style: { color: '#94a3b8', weight: 1, fillOpacity: 0.05 } }).addTo(map);
      }
    }).catch(() => {});
    return map;
  }

  // ---- classes --------------------------------------------------------------------------------------------------
  function renderClasses() {
    const q = $('class-q').value.trim().toLowerCase();
    const chosen = $('classCode').value;
    const byRef = new Map(state.classes.map((c) => [c.ref, c]));
    let shown;
    if (q) {
      shown = state.classes.filter((c) => c.name.toLowerCase().includes(q) || c.code.startsWith(q) || (c.alias || '').split('/').some((a) => a.startsWith(q)) || (c.group || '').toLowerCase().includes(q)).slice(0, 30);
    } else {
      shown = state.mostUsed.map((r) => byRef.get(r)).filter(Boolean);
      if (shown.length < 8) {
        shown = shown.concat(state.classes.filter((c) => !state.mostUsed.includes(c.ref)).slice(0, 8 - shown.length));
      }
    }
    if (chosen && !shown.some((c) => c.ref === chosen) && byRef.get(chosen)) {
      shown.unshift(byRef.get(chosen));
    }
    $('class-list').replaceChildren(...shown.map((c) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = `m-class${c.ref === chosen ? ' chosen' : ''}${state.mostUsed.includes(c.ref) ? ' frequent' : ''}`;
      b.dataset.ref = c.ref;
      b.setAttribute('role', 'option');
      b.setAttribute('aria-selected', String(c.ref === chosen));
      b.textContent = c.name;
      b.title = `${c.group} · ${c.code}${c.alias ? `（${c.alias}）` : ''}`;
      b.addEventListener('click', () => { $('classCode').value = c.ref === chosen ? '' : c.ref; renderClasses(); });
      return b;
    }));
  }
  $('class-q').addEventListener('input', renderClasses);
  fetch('/api/m/classes', { credentials: 'same-origin' }).then((r) => (r.ok ? r.json() : Promise.reject(r))).then((picker) => {
    state.classes = picker.classes;
    state.mostUsed = picker.mostUsed;
    renderClasses();
  }).catch(() => renderClasses());

  // ---- photos, voice, self-handle -------------------------------------------------------------------------------
  const previews = (input, target) => input.addEventListener('change', () => {
    $(target).replaceChildren(...[...input.files].map((f) => {
      const img = document.createElement('img');
      img.src = URL.createObjectURL(f);
      img.alt = f.name;
      return img;
    }));
  });
  previews($('photo'), 'photo-previews');
  previews($('afterPhoto'), 'after-previews');
  $('selfHandle').addEventListener('change', () => { $('self-handle-fields').hidden = !$('selfHandle').checked; });

  let recorder = null;
  $('voice-record').addEventListener('click', async () => {
    if (recorder && recorder.state === 'recording') {
      recorder.stop();
      return;
    }
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const chunks = [];
      recorder = new MediaRecorder(stream);
      recorder.ondataavailable = (e) => chunks.push(e.data);
      recorder.onstop = () => {
        stream.getTracks().forEach((t) => t.stop());
        state.voice = new Blob(chunks, { type: recorder.mimeType || 'audio/webm' });
        $('voice-status').textContent = `${msg.msgRecorded} ${Math.round(state.voice.size / 1024)} KB`;
        $('voice-record').textContent = `🎙 ${msg.msgRecord}`;
      };
      recorder.start();
      $('voice-record').textContent = `⏹ ${msg.msgStop}`;
    } catch (e) {
      $('voice-status').textContent = String(e.message || e);
    }
  });

  // ---- report ---------------------------------------------------------------------------------------------------
  $('report-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const photos = [...$('photo').files];
    const error = $('report-error');
    error.hidden = true;
    if (!photos.length) {
      error.textContent = msg.msgNeedPhoto;
      error.hidden = false;
      return;
    }
    const where = state.picked || state.gps;
    const files = photos.map((f) => ({ field: 'photo', name: f.name, blob: f }));
    if (state.voice) {
      files.push({ field: 'voice', name: 'voice.webm', blob: state.voice });
    }
    const selfHandle = $('selfHandle').checked;
    if (selfHandle) {
      [...$('afterPhoto').files].forEach((f) => files.push({ field: 'afterPhoto', name: f.name, blob: f }));
    }
    const classCode = $('classCode').value;
    const cls = state.classes.find((c) => c.ref === classCode);
    const item = {
      clientRef: newRef(),
      url: '/api/m/reports',
      label: cls ? cls.name : ($('description').value || '现场上报').slice(0, 20),
      createdAt: Date.now(),
      fields: {
        classCode,
        description: $('description').value,
        lat: where ? where.lat : '',
        lon: where ? where.lon : '',
        accuracy: state.picked ? '' : (state.gps ? state.gps.accuracy : ''),
        positionSource: state.picked ? 'MAP' : (state.gps ? 'GPS' : ''),
        selfHandle: selfHandle ? 'true' : '',
        note: $('note').value,
      },
      files,
    };
    await enqueue(item);
    $('report-form').reset();
    $('classCode').value = '';
    $('photo-previews').replaceChildren();
    $('after-previews').replaceChildren();
    $('self-handle-fields').hidden = true;
    state.voice = null;
    state.picked = null;
    $('voice-status').textContent = '';
    renderClasses();
    gpsStatus();
    const done = $('report-done');
    done.textContent = `${msg.msgQueued} · ${item.label}`;
    done.hidden = false;
  });

  // ---- tasks ----------------------------------------------------------------------------------------------------
  const answerLabel = { confirm: msg.msgAnswerConfirm, confirmNotFound: msg.msgAnswerConfirmNotFound, verify: msg.msgAnswerVerify, rework: msg.msgAnswerRework };
  async function loadTasks() {
    let tasks = [];
    try {
      const r = await fetch('/api/m/tasks', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      tasks = r.ok ? await r.json() : [];
    } catch (offline) {
      tasks = [];
    }
    $('task-count').textContent = String(tasks.length);
    $('task-list').replaceChildren(...(tasks.length ? tasks.map((t) => {
      const li = document.createElement('li');
      li.className = 'task';
      li.dataset.case = t.number;
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = `${t.stage === 'CONFIRMING' ? msg.msgTaskConfirm : msg.msgTaskCheck} · ${t.number} · ${t.className || ''} ${t.address || ''}`;
      b.addEventListener('click', () => showTask(t));
      li.append(b);
      return li;
    }) : [Object.assign(document.createElement('li'), { textContent: msg.msgNoTasks })]));
  }
  $('tasks-refresh').addEventListener('click', loadTasks);

  function showTask(t) {
    const box = $('task-detail');
    box.hidden = false;
    box.replaceChildren();
    const h = document.createElement('h3');
    h.textContent = `${t.number} ${t.className || ''}`;
    const p = document.createElement('p');
    p.textContent = `${t.description} · ${t.address || ''}`;
    // 处置前/处置后 side by side: the report's photos and the department's photos after the fix
    const photos = document.createElement('div');
    photos.className = 'm-phases';
    const phaseBox = (phase, title) => {
      const list = t.photos.filter((x) => x.kind === 'PHOTO' && (x.phase || 'BEFORE') === phase);
      if (!list.length) {
        return null;
      }
      const col = document.createElement('div');
      col.className = `m-phase m-phase-${phase}`;
      const h4 = document.createElement('h4');
      h4.textContent = title;
      const row = document.createElement('div');
      row.className = 'm-previews';
      list.forEach((x) => {
        const img = document.createElement('img');
        img.src = x.url;
        img.alt = `${t.number} ${title}`;
        row.append(img);
      });
      col.append(h4, row);
      return col;
    };
    [phaseBox('BEFORE', msg.msgPhaseBefore), phaseBox('AFTER', msg.msgPhaseAfter)].filter(Boolean).forEach((c) => photos.append(c));
    const handled = document.createElement('p');
    handled.className = 'm-handled-note';
    handled.hidden = !t.handledNote;
    handled.textContent = t.handledNote ? `${msg.msgHandledNote}：${t.handledNote}${t.handledBy ? `（${t.handledBy}）` : ''}` : '';
    const mapEl = document.createElement('div');
    mapEl.className = 'm-map';
    const form = document.createElement('form');
    form.className = 'task-answer';
    const photoLabel = document.createElement('label');
    photoLabel.className = 'm-photo-button secondary';
    const photoInput = Object.assign(document.createElement('input'), { type: 'file', name: 'photo', accept: 'image/*', multiple: true, className: 'm-file' });
    photoInput.setAttribute('capture', 'environment');
    photoLabel.append('📷 ' + msg.msgAnswerPhoto, photoInput);
    const noteInput = Object.assign(document.createElement('input'), { type: 'text', name: 'note', maxLength: 500, placeholder: msg.msgAnswerNote });
    form.append(photoLabel, noteInput);
    const noteMissing = Object.assign(document.createElement('p'), { className: 'm-error', hidden: true, textContent: msg.msgNoteRequired });
    const needsNote = t.noteRequired || [];
    t.answers.forEach((a) => {
      const b = document.createElement('button');
      b.type = 'button';
      // the positive answer first, the one that needs a reason apart in the warning colour — for 核实 and 核查 alike
      b.className = `answer answer-${a}${needsNote.includes(a) ? ' answer-negative' : ' answer-positive'}`;
      b.textContent = answerLabel[a] || a;
      b.addEventListener('click', async () => {
        if (needsNote.includes(a) && !form.querySelector('input[name=note]').value.trim()) {
          noteMissing.hidden = false;
          form.querySelector('input[name=note]').focus();
          return;
        }
        const files = [...form.querySelector('input[type=file]').files].map((f) => ({ field: 'photo', name: f.name, blob: f }));
        await enqueue({ clientRef: newRef(), url: `/api/m/tasks/${t.id}/answer`, label: `${t.number} ${answerLabel[a] || a}`, createdAt: Date.now(),
          fields: { action: a, note: form.querySelector('input[name=note]').value }, files });
        box.hidden = true;
        loadTasks();
      });
      form.append(b);
    });
    form.append(noteMissing);
    box.append(h, p, photos, handled, mapEl, form);
    if (t.lat && t.lon) {
      const map = baseMap(mapEl, { lat: t.lat, lon: t.lon });
      L.circleMarker([t.lat, t.lon], { radius: 9, color: '#b91c1c', weight: 3 }).addTo(map);
    }
  }
  loadTasks();

  // ---- on duty: the patrol track ---------------------------------------------------------------------------------
  const interval = Number(body.dataset.trackInterval || 30) * 1000;
  let dutyTimer = null;
  async function flushTrack() {
    const d = await db;
    const points = await all('track');
    if (!points.length) {
      return;
    }
    try {
      const r = await fetch('/api/m/track', { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ points: points.slice(0, 500) }) });
      if (r.ok || (r.status >= 400 && r.status < 500 && r.status !== 401)) {
        const keys = await store('track', 'readonly', (s) => s.getAllKeys());
        await new Promise((resolve) => {
          const tx = d.transaction('track', 'readwrite');
          keys.slice(0, 500).forEach((k) => tx.objectStore('track').delete(k));
          tx.oncomplete = resolve;
        });
      }
    } catch (offline) {
      // kept for the next round
    }
    const left = (await all('track')).length;
    $('duty-status').textContent = `${msg.msgDutyPoints} ${left}`;
  }
  $('duty-toggle').addEventListener('click', () => {
    const button = $('duty-toggle');
    if (dutyTimer) {
      clearInterval(dutyTimer);
      dutyTimer = null;
      button.textContent = button.dataset.on;
      flushTrack();
      return;
    }
    button.textContent = button.dataset.off;
    const tick = async () => {
      if (state.gps) {
        await put('track', { lat: state.gps.lat, lon: state.gps.lon, accuracy: state.gps.accuracy, at: new Date().toISOString() });
      }
      flushTrack();
    };
    tick();
    dutyTimer = setInterval(tick, interval);
  });

  // ---- 处置通 (department mode) -------------------------------------------------------------------------------------
  function startHandling() {
    const stepLabel = (a) => msg[`msgStep${a.charAt(0).toUpperCase()}${a.slice(1)}`] || a;
    async function loadHandling() {
      let tasks = [];
      try {
        const r = await fetch('/api/m/handling', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
        tasks = r.ok ? await r.json() : [];
      } catch (offline) {
        tasks = [];
      }
      $('handling-count').textContent = String(tasks.length);
      $('handling-list').replaceChildren(...(tasks.length ? tasks.map((t) => {
        const li = document.createElement('li');
        li.className = 'task';
        li.dataset.case = t.number;
        const b = document.createElement('button');
        b.type = 'button';
        const due = t.handlingDeadline ? ` · ${msg.msgDeadline} ${new Date(t.handlingDeadline).toLocaleString()}` : '';
        b.textContent = `${t.number} · ${t.className || ''} ${t.address || ''}${due}`;
        b.addEventListener('click', () => showHandling(t));
        li.append(b);
        return li;
      }) : [Object.assign(document.createElement('li'), { textContent: msg.msgNoHandling })]));
    }
    function showHandling(t) {
      const box = $('handling-detail');
      box.hidden = false;
      box.replaceChildren();
      const h = document.createElement('h3');
      h.textContent = `${t.number} ${t.className || ''}`;
      const p = document.createElement('p');
      p.textContent = `${t.description || ''} · ${t.address || ''}`;
      const note = document.createElement('p');
      note.className = 'm-handled-note';
      note.hidden = !t.dispatchNote;
      note.textContent = t.dispatchNote ? `${msg.msgDispatchNote}：${t.dispatchNote}` : '';
      const photos = document.createElement('div');
      photos.className = 'm-phases';
      [['BEFORE', msg.msgPhaseBefore], ['AFTER', msg.msgPhaseAfter]].forEach(([phase, title]) => {
        const list = t.photos.filter((x) => x.kind === 'PHOTO' && (x.phase || 'BEFORE') === phase);
        if (!list.length) {
          return;
        }
        const col = document.createElement('div');
        col.className = `m-phase m-phase-${phase}`;
        const h4 = Object.assign(document.createElement('h4'), { textContent: title });
        const row = Object.assign(document.createElement('div'), { className: 'm-previews' });
        list.forEach((x) => row.append(Object.assign(document.createElement('img'), { src: x.url, alt: `${t.number} ${title}` })));
        col.append(h4, row);
        photos.append(col);
      });
      const mapEl = Object.assign(document.createElement('div'), { className: 'm-map' });
      const form = Object.assign(document.createElement('form'), { className: 'task-answer handling-steps' });
      const photoLabel = Object.assign(document.createElement('label'), { className: 'm-photo-button secondary' });
      const photoInput = Object.assign(document.createElement('input'), { type: 'file', name: 'photo', accept: 'image/*', multiple: true, className: 'm-file' });
      photoInput.setAttribute('capture', 'environment');
      photoLabel.append(`📷 ${msg.msgPhaseAfter}`, photoInput);
      const noteInput = Object.assign(document.createElement('input'), { type: 'text', name: 'note', maxLength: 500, placeholder: msg.msgAnswerNote });
      const extInput = Object.assign(document.createElement('input'), { type: 'text', name: 'extension', maxLength: 24, placeholder: msg.msgExtensionHint });
      extInput.hidden = !t.steps.includes('requestExtension');
      const missing = Object.assign(document.createElement('p'), { className: 'm-error', hidden: true, textContent: msg.msgNoteRequired });
      form.append(photoLabel, noteInput, extInput);
      t.steps.forEach((a) => {
        const b = document.createElement('button');
        b.type = 'button';
        const asks = a.startsWith('request');
        b.className = `answer step-${a}${asks ? ' answer-negative' : ' answer-positive'}`;
        b.textContent = stepLabel(a);
        b.addEventListener('click', async () => {
          const text = noteInput.value.trim();
          if ((t.noteRequired || []).includes(a) && !text) {
            missing.hidden = false;
            noteInput.focus();
            return;
          }
          const files = [...photoInput.files].map((f) => ({ field: 'photo', name: f.name, blob: f }));
          await enqueue({ clientRef: newRef(), url: `/api/m/handling/${t.id}`, label: `${t.number} ${stepLabel(a)}`, createdAt: Date.now(),
            fields: { action: a, note: text, extension: a === 'requestExtension' ? extInput.value.trim() : '' }, files });
          box.hidden = true;
          setTimeout(loadHandling, 1500);
        });
        form.append(b);
      });
      form.append(missing);
      box.append(h, p, note, photos, mapEl, form);
      if (t.lat && t.lon) {
        const map = baseMap(mapEl, { lat: t.lat, lon: t.lon });
        L.circleMarker([t.lat, t.lon], { radius: 9, color: '#b91c1c', weight: 3 }).addTo(map);
      }
    }
    $('handling-refresh').addEventListener('click', loadHandling);
    $('tab-handling').addEventListener('click', loadHandling);
    loadHandling();
  }

  $('queue-send').addEventListener('click', () => flush());
  renderQueue().then(flush);

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/m/sw.js', { scope: '/m/' }).catch(() => {});
  }
}
