/**
 * The one page script, served as /static/chorus.js. It only enhances: the upload form posts to the
 * API with fetch (adding the bearer token from the form) and lists the outcomes with DOM text nodes,
 * never innerHTML, so nothing a server answer or a file name holds can become markup.
 */
import { UPLOAD_PROBLEMS } from './upload-problems.js';

export const CLIENT_SCRIPT = `'use strict';
(function () {
  // A citation marker jumps to a passage inside a folded <details>: unfold it, then bring it into view.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    for (var el = target.parentElement; el; el = el.parentElement) if (el.tagName === 'DETAILS') el.open = true;
    target.scrollIntoView({ block: 'center' });
  }
  window.addEventListener('hashchange', reveal);
  reveal();
})();
(function () {
  var form = document.getElementById('upload-form');
  if (!form) return;
  var result = document.getElementById('upload-result');
  var PROBLEMS = ${JSON.stringify(UPLOAD_PROBLEMS)};
  // A refusal is shown as a visible notice in words for a person; the server's message follows it.
  function problem(code, detail) {
    status.className = 'problem';
    status.setAttribute('role', 'alert');
    status.textContent = (PROBLEMS[code] || PROBLEMS.internal) + (detail ? ' (' + detail + ')' : '');
  }
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
        if (p.story) a.setAttribute('data-story', p.story);
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

  function show(outcome, label) {
    var head = label ? { text: label + ': ' } : null;
    var st = { cls: 'status-' + outcome.status, text: outcome.status };
    if (outcome.status === 'rejected') {
      item([head, st, { text: ' — ' + (outcome.reason || 'refused') }]);
      return;
    }
    var parts = [head, st];
    if (outcome.storyId) {
      parts.push({ text: outcome.newStory ? ' — started a new story: ' : ' — joined story ' });
      parts.push({ href: '/stories/' + encodeURIComponent(outcome.storyId), text: outcome.storyId, story: outcome.storyId });
    }
    if (outcome.duplicateOf) parts.push({ text: ' (a copy of ' + outcome.duplicateOf + ')' });
    if (outcome.warnings && outcome.warnings.length) parts.push({ text: ' (' + outcome.warnings.join('; ') + ')' });
    item(parts);
  }

  // The API answers per file (name, status, how many articles it held) and per article in file order.
  function showAll(body) {
    var outcomes = body.outcomes || [];
    var next = 0;
    (body.files || []).forEach(function (f) {
      if (f.status === 'rejected') {
        item([{ text: f.name + ': ' }, { cls: 'status-rejected', text: 'rejected' }, { text: ' — ' + (f.reason || 'unreadable') }]);
        return;
      }
      if (!f.articles) item([{ text: f.name + ': ' }, { cls: 'status-rejected', text: 'no article found' }]);
      for (var k = 0; k < f.articles; k++) {
        var o = outcomes[next++];
        if (o) show(o, f.articles > 1 ? f.name + ' #' + (k + 1) : f.name);
      }
    });
    for (; next < outcomes.length; next++) show(outcomes[next], '');
    nameStories();
  }

  // Story links first read as ids; once the API tells each story's title, they read as titles.
  function nameStories() {
    var links = list.querySelectorAll('a[data-story]');
    var ids = {};
    links.forEach(function (a) { ids[a.getAttribute('data-story')] = true; });
    Object.keys(ids).forEach(function (id) {
      fetch('/api/stories/' + encodeURIComponent(id), { headers: { accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (body) {
          var title = body && body.story && body.story.title;
          if (!title) return;
          links.forEach(function (a) { if (a.getAttribute('data-story') === id) a.textContent = title; });
        })
        .catch(function () {});
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var fields = new FormData(form);
    var token = fields.get('token');
    // The API reads files only: pasted text goes as one JSON record file.
    var data = new FormData();
    fields.getAll('files').forEach(function (f) { if (f && f.size) data.append('files', f, f.name); });
    var text = String(fields.get('text') || '').trim();
    if (text) {
      var record = { text: text };
      var title = String(fields.get('title') || '').trim();
      var source = String(fields.get('source') || '').trim();
      if (title) record.title = title;
      if (source) record.source = source;
      data.append('files', new File([JSON.stringify(record)], 'pasted.json', { type: 'application/json' }), 'pasted.json');
    }
    if (!data.has('files')) {
      result.hidden = false;
      list.textContent = '';
      status.textContent = 'Choose a file or paste the text of an article first.';
      return;
    }
    var headers = { accept: 'application/json' };
    if (token) headers.authorization = 'Bearer ' + token;
    var button = form.querySelector('button[type=submit]');
    if (button) button.disabled = true;
    list.textContent = '';
    result.hidden = false;
    status.className = 'meta';
    status.removeAttribute('role');
    status.textContent = 'Uploading…';
    fetch(form.getAttribute('data-api'), { method: 'POST', body: data, headers: headers })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; },
          function () { return { ok: false, body: { error: { code: response.status === 413 ? 'too-large' : 'internal', message: 'HTTP ' + response.status } } }; });
      })
      .then(function (r) {
        if (!r.ok) {
          problem(r.body.error && r.body.error.code, r.body.error && r.body.error.message);
          return;
        }
        var c = r.body.counts || {};
        status.textContent = (c.ingested || 0) + ' ingested, ' + (c.duplicate || 0) + ' already stored, ' + (c.rejected || 0) + ' refused.';
        showAll(r.body);
        (r.body.warnings || []).forEach(function (w) { item([{ text: w }]); });
        form.reset();
      })
      .catch(function (e) { problem('network', e.message); })
      .then(function () { if (button) button.disabled = false; });
  });
})();
`;
