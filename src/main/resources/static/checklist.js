// The sampler's on-site checklist on a phone. Every answer and photo is first written to the phone
// (IndexedDB) as a change with an id of its own, then sent in order whenever there is a connection;
// the server applies a change id once, so a change resent after a lost reply is not applied twice.
// An answer carries the item's revision this phone last saw: if another device changed the item
// since, the server refuses and the sampler chooses which answer to keep. What the server confirmed
// is mirrored on the phone too, so a copy of the page opened without a connection (kept by
// checklist-sw.js) shows it and goes on from the right revisions.
(function () {
  'use strict';

  const page = document.getElementById('checklist');
  if (!page) {
    return;
  }
  const caseNumber = page.dataset.caseNumber;
  const MIRROR = 'riskmonitor-checklist:' + caseNumber;
  if (page.dataset.open !== 'true') {
    // submitted with the slip: nothing more to send or to keep
    localStorage.removeItem(MIRROR);
    return;
  }
  const api = page.dataset.api;
  const csrfToken = document.querySelector('meta[name="csrf-token"]').content;
  const status = document.getElementById('sync-status');
  const RETRY_MS = 4000;

  // the revision of each item as the server last told this phone
  const known = {};
  page.querySelectorAll('.item').forEach(function (item) {
    known[item.dataset.itemId] = Number(item.dataset.revision);
  });

  // ---- what the server confirmed, mirrored on the phone --------------------------------------

  function mirror() {
    try {
      return JSON.parse(localStorage.getItem(MIRROR)) || { answers: {}, photos: {} };
    } catch (unreadable) {
      return { answers: {}, photos: {} };
    }
  }

  function remember(change) {
    const kept = mirror();
    change(kept);
    try {
      localStorage.setItem(MIRROR, JSON.stringify(kept));
    } catch (full) {
      // the mirror only spares a stale copy of the page; the server has the answer
    }
  }

  function rememberAnswer(itemId, answer) {
    remember(function (kept) { kept.answers[itemId] = answer; });
  }

  function rememberPhoto(itemId, photo) {
    remember(function (kept) {
      kept.photos[itemId] = (kept.photos[itemId] || []).concat([photo]);
    });
  }

  /** A page older than what this phone was told (a copy opened offline) is brought up to date. */
  function applyMirror() {
    const kept = mirror();
    Object.keys(kept.answers).forEach(function (itemId) {
      const item = itemOf(itemId);
      const answer = kept.answers[itemId];
      if (item && answer.revision > known[itemId]) {
        known[itemId] = answer.revision;
        item.dataset.revision = answer.revision;
        choose(item, answer.answer);
        item.querySelector('textarea').value = answer.note || '';
        item.querySelector('.raise input').checked = answer.raiseProblem;
      }
    });
    Object.keys(kept.photos).forEach(function (itemId) {
      const item = itemOf(itemId);
      if (!item) {
        return;
      }
      kept.photos[itemId].forEach(function (photo) {
        if (!item.querySelector('a.photo[href="/api/documents/' + photo.documentId + '"]')) {
          photoLink(item, photo);
        }
      });
    });
  }

  let loginNeeded = false;
  let lastSendFailed = false;
  let flushing = false;

  // ---- the phone's outbox -------------------------------------------------------------------

  function openOutbox() {
    return new Promise(function (resolve, reject) {
      const request = indexedDB.open('riskmonitor-checklist', 1);
      request.onupgradeneeded = function () {
        const store = request.result.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
        store.createIndex('caseNumber', 'caseNumber');
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }
  const outbox = openOutbox();

  function inStore(mode, work) {
    return outbox.then(function (db) {
      return new Promise(function (resolve, reject) {
        const tx = db.transaction('outbox', mode);
        const result = work(tx.objectStore('outbox'));
        tx.oncomplete = function () { resolve(result && 'result' in result ? result.result : undefined); };
        tx.onerror = function () { reject(tx.error); };
        tx.onabort = function () { reject(tx.error); };
      });
    });
  }

  function waiting() {
    return inStore('readonly', function (store) {
      return store.index('caseNumber').getAll(caseNumber);
    }).then(function (entries) {
      return entries.sort(function (a, b) { return a.seq - b.seq; });
    });
  }

  /** Keeps the change on the phone, then tries to send; {@code queued} learns its place in the outbox first. */
  function enqueue(entry, queued) {
    entry.caseNumber = caseNumber;
    entry.changeId = newChangeId();
    entry.queuedAt = new Date().toISOString();
    return inStore('readwrite', function (store) { return store.add(entry); }).then(function (seq) {
      if (queued) {
        queued(seq);
      }
      return showStatus();
    }).then(flush);
  }

  function remove(entry) {
    return inStore('readwrite', function (store) { return store.delete(entry.seq); });
  }

  // a version-4 UUID; crypto.randomUUID needs a secure origin, getRandomValues does not
  function newChangeId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, function (b) { return b.toString(16).padStart(2, '0'); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-'
      + hex.slice(20);
  }

  // ---- sending --------------------------------------------------------------------------------

  function send(entry) {
    const headers = { 'X-XSRF-TOKEN': csrfToken, 'Accept': 'application/json' };
    if (entry.type === 'photo') {
      const body = new FormData();
      body.append('changeId', entry.changeId);
      body.append('file', entry.file, entry.fileName);
      return fetch(api + '/items/' + entry.itemId + '/photos',
        { method: 'POST', headers: headers, body: body, credentials: 'same-origin' });
    }
    headers['Content-Type'] = 'application/json';
    return fetch(api + '/answers', {
      method: 'POST', headers: headers, credentials: 'same-origin',
      body: JSON.stringify({
        changeId: entry.changeId, itemId: entry.itemId, answer: entry.answer, note: entry.note,
        raiseProblem: entry.raiseProblem, baseRevision: known[entry.itemId]
      })
    });
  }

  function flush() {
    if (flushing) {
      return Promise.resolve();
    }
    flushing = true;
    return waiting().then(function next(entries) {
      if (entries.length === 0 || loginNeeded) {
        return undefined;
      }
      const entry = entries[0];
      return send(entry).then(function (response) {
        lastSendFailed = false;
        return response.json().catch(function () { return {}; }).then(function (body) {
          return received(entry, response.status, body);
        });
      }).then(function (goOn) {
        return goOn ? waiting().then(next) : undefined;
      });
    }).catch(function () {
      // no connection: the change stays on the phone and is sent on the next try
      lastSendFailed = true;
    }).then(function () {
      flushing = false;
      return showStatus();
    });
  }

  /** What the server said about one change; true to go on with the next. */
  function received(entry, httpStatus, body) {
    const item = itemOf(entry.itemId);
    if (httpStatus === 200 || httpStatus === 201) {
      if (entry.type === 'photo') {
        photoStored(item, entry, body);
      } else {
        known[entry.itemId] = body.revision;
        item.dataset.revision = body.revision;
        rememberAnswer(entry.itemId, { revision: body.revision, answer: entry.answer, note: entry.note,
          raiseProblem: entry.raiseProblem });
        itemState(item, '', false);
      }
      return remove(entry).then(function () { return true; });
    }
    if (httpStatus === 401 || (httpStatus === 403 && body.type === 'AuthenticationError')) {
      // the session ended: keep everything until the sampler has logged in again
      loginNeeded = true;
      return false;
    }
    if (httpStatus === 409 && body.current) {
      return remove(entry).then(function () {
        conflict(item, entry, body.current);
        return true;
      });
    }
    return remove(entry).then(function () {
      itemState(item, '未保存 Not saved：' + (body.message || httpStatus), true);
      if (entry.type === 'photo') {
        const pending = item.querySelector('.photo.pending[data-seq="' + entry.seq + '"]');
        if (pending) {
          pending.remove();
        }
      }
      return true;
    });
  }

  function photoStored(item, entry, receipt) {
    const pending = item.querySelector('.photo.pending[data-seq="' + entry.seq + '"]');
    if (pending) {
      pending.remove();
    }
    const photo = { documentId: receipt.documentId, fileName: receipt.fileName, sha256: receipt.sha256 };
    rememberPhoto(entry.itemId, photo);
    photoLink(item, photo);
  }

  function photoLink(item, photo) {
    const link = document.createElement('a');
    link.className = 'photo';
    link.href = '/api/documents/' + photo.documentId;
    link.title = 'SHA-256 ' + photo.sha256;
    link.textContent = photo.fileName;
    item.querySelector('.photos').appendChild(link);
  }

  function showStatus() {
    return waiting().then(function (entries) {
      status.dataset.pending = String(entries.length);
      status.classList.remove('waiting', 'offline');
      if (entries.length === 0) {
        status.textContent = '已全部保存到服务器 Everything is saved on the server';
      } else if (loginNeeded) {
        status.classList.add('offline');
        status.textContent = '登录已过期：' + entries.length + ' 项保存在本机，请重新登录后发送 Your login expired: '
          + entries.length + ' changes are kept on this phone; log in again to send them';
      } else if (!navigator.onLine || lastSendFailed) {
        status.classList.add('offline');
        status.textContent = '无网络：' + entries.length + ' 项保存在本机，待发送 No connection: ' + entries.length
          + ' changes are kept on this phone, waiting to be sent';
      } else {
        status.classList.add('waiting');
        status.textContent = '正在发送 ' + entries.length + ' 项 Sending ' + entries.length + ' changes';
      }
      progress();
    });
  }

  function progress() {
    const items = page.querySelectorAll('.item');
    const answered = Array.from(items).filter(function (i) { return i.dataset.answer; });
    const findings = answered.filter(function (i) { return i.dataset.answer === 'FINDING'; });
    document.getElementById('progress').textContent = '已答 ' + answered.length + '/' + items.length
      + ' 项 answered，发现问题 ' + findings.length + ' 项 findings';
  }

  // ---- what the sampler does --------------------------------------------------------------------

  function itemOf(itemId) {
    return document.getElementById('item-' + itemId);
  }

  function itemState(item, text, refused) {
    const state = item.querySelector('.item-state');
    state.textContent = text;
    state.classList.toggle('refused', Boolean(refused));
  }

  function choose(item, answer) {
    item.dataset.answer = answer;
    item.querySelectorAll('.answer').forEach(function (button) {
      const chosen = button.dataset.answer === answer;
      button.classList.toggle('chosen', chosen);
      button.setAttribute('aria-pressed', String(chosen));
    });
  }

  /** Queues the item's answer as it stands, if it is complete (a finding needs its description). */
  function answerChanged(item) {
    const answer = item.dataset.answer;
    if (!answer) {
      return;
    }
    const note = item.querySelector('textarea').value.trim();
    if (answer === 'FINDING' && !note) {
      itemState(item, '请在备注中描述发现的问题 Describe the finding in the note', false);
      return;
    }
    itemState(item, '待发送 Waiting to be sent', false);
    progress();
    enqueue({
      type: 'answer', itemId: Number(item.dataset.itemId), answer: answer, note: note,
      raiseProblem: answer === 'FINDING' && item.querySelector('.raise input').checked
    });
  }

  function conflict(item, mine, theirs) {
    const box = document.createElement('div');
    box.className = 'conflict';
    const text = document.createElement('p');
    text.textContent = '此项已在另一设备上修改为 Changed on another device to：' + theirs.answerLabel
      + (theirs.note ? '（' + theirs.note + '）' : '') + ' — ' + theirs.answeredBy + ' ' + theirs.answeredAt;
    const keepMine = document.createElement('button');
    keepMine.type = 'button';
    keepMine.textContent = '保留我的答案 Keep mine';
    const takeTheirs = document.createElement('button');
    takeTheirs.type = 'button';
    takeTheirs.textContent = '采用该答案 Take theirs';
    box.append(text, keepMine, takeTheirs);
    item.appendChild(box);
    known[mine.itemId] = theirs.revision;
    item.dataset.revision = theirs.revision;
    itemState(item, '', false);
    keepMine.addEventListener('click', function () {
      box.remove();
      enqueue({ type: 'answer', itemId: mine.itemId, answer: mine.answer, note: mine.note,
        raiseProblem: mine.raiseProblem });
    });
    takeTheirs.addEventListener('click', function () {
      box.remove();
      rememberAnswer(mine.itemId, theirs);
      choose(item, theirs.answer);
      item.querySelector('textarea').value = theirs.note || '';
      item.querySelector('.raise input').checked = theirs.raiseProblem;
      progress();
    });
  }

  function photoTaken(item, file) {
    const entry = { type: 'photo', itemId: Number(item.dataset.itemId), file: file, fileName: file.name };
    const pending = document.createElement('span');
    pending.className = 'photo pending';
    const preview = document.createElement('img');
    preview.alt = file.name;
    preview.src = URL.createObjectURL(file);
    pending.append(preview, document.createTextNode('待发送 Waiting'));
    item.querySelector('.photos').appendChild(pending);
    enqueue(entry, function (seq) { pending.dataset.seq = seq; });
  }

  page.querySelectorAll('.item').forEach(function (item) {
    item.querySelectorAll('.answer').forEach(function (button) {
      button.addEventListener('click', function () {
        choose(item, button.dataset.answer);
        answerChanged(item);
      });
    });
    item.querySelector('textarea').addEventListener('change', function () { answerChanged(item); });
    item.querySelector('.raise input').addEventListener('change', function () { answerChanged(item); });
    item.querySelector('input[type=file]').addEventListener('change', function (event) {
      Array.from(event.target.files).forEach(function (file) { photoTaken(item, file); });
      event.target.value = '';
    });
  });

  // what was waiting on the phone when the page was last closed is shown as the sampler left it
  applyMirror();
  waiting().then(function (entries) {
    entries.forEach(function (entry) {
      const item = itemOf(entry.itemId);
      if (!item) {
        return;
      }
      if (entry.type === 'answer') {
        choose(item, entry.answer);
        item.querySelector('textarea').value = entry.note || '';
        itemState(item, '待发送 Waiting to be sent', false);
      } else {
        const pending = document.createElement('span');
        pending.className = 'photo pending';
        pending.dataset.seq = entry.seq;
        const preview = document.createElement('img');
        preview.alt = entry.fileName;
        preview.src = URL.createObjectURL(entry.file);
        pending.append(preview, document.createTextNode(entry.fileName + ' 待发送 Waiting'));
        item.querySelector('.photos').appendChild(pending);
      }
    });
  }).then(showStatus).then(flush);

  // the page, its script and its style are kept on the phone, so the checklist opens again offline
  if ('serviceWorker' in navigator && 'caches' in window) {
    navigator.serviceWorker.register('/checklist-sw.js', { scope: '/sampling/' }).then(function () {
      return caches.open('riskmonitor-checklist-pages');
    }).then(function (cache) {
      return cache.addAll([location.pathname, '/checklist.js', '/checklist.css']);
    }).catch(function () {
      // no copy on the phone (no connection now, or no room): the page works while it stays open
    });
  }

  window.addEventListener('online', flush);
  window.addEventListener('offline', showStatus);
  setInterval(flush, RETRY_MS);
}());
