// Tasklist's 材料 Documents tab beside every task (plugin point tasklist.task.detail, loaded through
// customScripts in Tasklist's config.js). It lists the case's documents and uploads to the open task;
// the server records the task and its step with each upload. It calls only our /api, never the
// engine's REST API, so the engine API allow-list needs no row for it.

const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';

// Read when a request is sent: the webapps may renew the token while the tab stays open.
function csrfToken(fallback) {
  const match = document.cookie.match(new RegExp('(?:^|;\\s*)' + CSRF_COOKIE + '=([^;]*)'));
  return match ? decodeURIComponent(match[1]) : fallback;
}

function make(tag, className, text) {
  const element = document.createElement(tag);
  if (className) {
    element.className = className;
  }
  if (text !== undefined && text !== null) {
    element.textContent = text;
  }
  return element;
}

function readableSize(bytes) {
  if (bytes < 1024) {
    return bytes + ' B';
  }
  if (bytes < 1024 * 1024) {
    return (bytes / 1024).toFixed(1) + ' KB';
  }
  return (bytes / 1024 / 1024).toFixed(1) + ' MB';
}

// createdAt is already on the regulator's wall clock (the zone is named in the column's title).
function readableTime(local) {
  return local ? local.replace('T', ' ').substring(0, 19) : '';
}

// Our API answers a refusal with {message} in Chinese and English; anything else (a proxy's page) gets a general one.
async function answer(response) {
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(body && body.message ? body.message
      : '请求失败 Request failed (HTTP ' + response.status + ')');
  }
  return body;
}

function tasksUrl(taskId) {
  return '/api/tasks/' + encodeURIComponent(taskId) + '/documents';
}

function documentsTable(listing) {
  const table = make('table', 'table table-condensed rm-documents');
  const head = make('tr');
  ['文件 File', '类别 Kind', '大小 Size', 'SHA-256', '上传人 Uploaded by',
    '上传时间 When (' + listing.timeZone + ')', '环节 Step', ''].forEach((title) => head.appendChild(make('th', null, title)));
  table.appendChild(make('thead')).appendChild(head);
  const body = table.appendChild(make('tbody'));
  if (!listing.documents.length) {
    const row = body.appendChild(make('tr'));
    row.appendChild(make('td', 'rm-documents-empty', '暂无材料 No documents yet')).colSpan = 8;
  }
  listing.documents.forEach((doc) => {
    const row = body.appendChild(make('tr', 'rm-document'));
    row.dataset.documentId = doc.id;
    row.appendChild(make('td', 'rm-document-name', doc.fileName));
    row.appendChild(make('td', null, doc.kindTitle));
    row.appendChild(make('td', null, readableSize(doc.sizeBytes)));
    row.appendChild(make('td', 'rm-document-sha256', doc.sha256));
    row.appendChild(make('td', null, doc.createdBy));
    row.appendChild(make('td', null, readableTime(doc.createdAt)));
    row.appendChild(make('td', 'rm-document-step', doc.stepName || '—'));
    const link = make('a', null, '下载 Download');
    link.href = '/api/documents/' + encodeURIComponent(doc.id);
    row.appendChild(make('td')).appendChild(link);
  });
  return table;
}

function uploadForm(listing, send) {
  const form = make('form', 'form-inline rm-upload');
  const kindLabel = form.appendChild(make('label', null, '类别 Kind '));
  const kind = kindLabel.appendChild(make('select', 'form-control'));
  kind.name = 'kind';
  listing.kinds.forEach((k) => {
    const option = kind.appendChild(make('option', null, k.title));
    option.value = k.name;
  });
  const fileLabel = form.appendChild(make('label', null, ' 文件 File '));
  const file = fileLabel.appendChild(make('input', 'form-control'));
  file.type = 'file';
  file.name = 'file';
  file.id = 'rm-task-document-file';
  file.accept = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
  const button = form.appendChild(make('button', 'btn btn-primary', '上传到本环节 Upload to this step'));
  button.type = 'submit';
  form.appendChild(make('p', 'help-block',
    '仅限PDF、JPEG、PNG，按内容判断类型 PDF, JPEG or PNG only, judged by the content'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send(kind.value, file.files[0], button);
  });
  return form;
}

function render(node, { api, taskId }) {
  const pane = node.appendChild(make('div', 'rm-task-documents'));
  const status = make('p', 'rm-upload-status');
  status.setAttribute('role', 'status');

  function show(message, refused) {
    status.textContent = message;
    status.className = 'rm-upload-status ' + (refused ? 'text-danger rm-upload-error' : 'text-success');
  }

  async function send(kind, file, button) {
    if (!file) {
      show('请选择文件 Choose a file', true);
      return;
    }
    const body = new FormData();
    body.append('kind', kind);
    body.append('file', file);
    button.disabled = true;
    try {
      const stored = await answer(await fetch(tasksUrl(taskId), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { [CSRF_HEADER]: csrfToken(api.CSRFToken), Accept: 'application/json' },
        body,
      }));
      await load();
      show('已上传 Uploaded: ' + stored.fileName, false);
    } catch (refusal) {
      show(refusal.message, true);
    } finally {
      button.disabled = false;
    }
  }

  async function load() {
    const listing = await answer(await fetch(tasksUrl(taskId),
      { credentials: 'same-origin', headers: { Accept: 'application/json' } }));
    pane.replaceChildren(make('h4', null, '案件 ' + listing.caseNumber + ' 的材料 Documents of case ' + listing.caseNumber));
    if (listing.mayUpload) {
      pane.appendChild(uploadForm(listing, send));
    } else {
      pane.appendChild(make('p', 'text-muted', '只有该任务的办理人或候选人可以上传材料 Only the assignee or a candidate of this task may upload to it'));
    }
    pane.appendChild(status);
    pane.appendChild(documentsTable(listing));
  }

  load().catch((refusal) => {
    pane.replaceChildren(status);
    show(refusal.message, true);
  });
}

export default {
  id: 'riskmonitor.task-documents',
  pluginPoint: 'tasklist.task.detail',
  // after the form (1000), before the history (800)
  priority: 900,
  render,
  properties: {
    label: '材料 Documents',
  },
};
