/**
 * The one page script, served as /static/chorus.js. It only enhances: the upload form posts to the
 * API with fetch (adding the bearer token from the form) and lists the outcomes with DOM text nodes,
 * never innerHTML, so nothing a server answer or a file name holds can become markup.
 */
export const CLIENT_SCRIPT = `'use strict';
(function () {
  var form = document.getElementById('upload-form');
  if (!form) return;
  var result = document.getElementById('upload-result');
  var status = document.getElementById('upload-status');
  var list = document.getElementById('upload-outcomes');

  function item(parts) {
    var li = document.createElement('li');
    parts.forEach(function (p) {
      if (!p) return;
      if (p.href) {
        var a = document.createElement('a');
        a.href = p.href;
        a.textContent = p.text;
        li.appendChild(a);
      } else if (p.cls) {
        var s = document.createElement('span');
        s.className = p.cls;
        s.textContent = p.text;
        li.appendChild(s);
      } else {
        li.appendChild(document.createTextNode(p.text));
      }
    });
    list.appendChild(li);
  }

  function show(outcome) {
    var label = outcome.input || outcome.name || outcome.file || '';
    var head = label ? { text: label + ': ' } : null;
    var st = { cls: 'status-' + outcome.status, text: outcome.status };
    if (outcome.status === 'rejected') {
      item([head, st, { text: ' — ' + (outcome.reason || 'refused') }]);
      return;
    }
    var parts = [head, st];
    if (outcome.storyId) {
      parts.push({ text: outcome.newStory ? ' — new story ' : ' — joined story ' });
      parts.push({ href: '/stories/' + encodeURIComponent(outcome.storyId), text: outcome.storyTitle || outcome.storyId });
    }
    if (outcome.warnings && outcome.warnings.length) parts.push({ text: ' (' + outcome.warnings.join('; ') + ')' });
    item(parts);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var data = new FormData(form);
    var token = data.get('token');
    data.delete('token');
    var headers = { accept: 'application/json' };
    if (token) headers.authorization = 'Bearer ' + token;
    var button = form.querySelector('button[type=submit]');
    if (button) button.disabled = true;
    list.textContent = '';
    result.hidden = false;
    status.textContent = 'Uploading…';
    fetch(form.getAttribute('data-api'), { method: 'POST', body: data, headers: headers })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; },
          function () { return { ok: false, body: { error: { message: 'HTTP ' + response.status } } }; });
      })
      .then(function (r) {
        if (!r.ok) {
          status.textContent = 'Upload refused: ' + ((r.body.error && r.body.error.message) || 'unknown error');
          return;
        }
        var outcomes = r.body.outcomes || [];
        var c = r.body.counts || {};
        status.textContent = (c.ingested || 0) + ' ingested, ' + (c.duplicate || 0) + ' already stored, ' + (c.rejected || 0) + ' refused.';
        outcomes.forEach(show);
        (r.body.warnings || []).forEach(function (w) { item([{ text: w }]); });
        form.reset();
      })
      .catch(function (e) { status.textContent = 'Upload failed: ' + e.message; })
      .then(function () { if (button) button.disabled = false; });
  });
})();
`;
