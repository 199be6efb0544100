// The official botframework-directlinejs client, unmodified, against the bot's embedded Direct Line.
// DIRECTLINE_ORIGIN is the bot's base URL (the test host sets it). Node has no XMLHttpRequest or (on 20) WebSocket,
// so the globals are filled exactly as the library's README says for Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
global.XMLHttpRequest = require('xhr2');
global.WebSocket = require('ws');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const origin = process.env.DIRECTLINE_ORIGIN;
const question = process.env.DIRECTLINE_QUESTION ?? '你好';
const expected = process.env.DIRECTLINE_EXPECT ?? '';

async function newToken() {
  const res = await fetch(`${origin}/v3/directline/tokens/generate`, { method: 'POST' });
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.ok(body.token && body.conversationId && body.expires_in > 0, JSON.stringify(body));
  return body;
}

// One subscription for the whole test (activity$ is shared: dropping the last subscriber stops the client).
function record(directLine) {
  const seen = [];
  const waiters = [];
  directLine.activity$.subscribe(a => {
    seen.push(a);
    for (const w of [...waiters]) if (w.predicate(a)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(a); }
  }, () => {}); // end() finishes the stream with "conversation ended": expected at the end of each test
  // Resolves with the first activity (seen or to come) matching `predicate`; rejects after `ms`.
  return (predicate, ms = 10000) => {
    const found = seen.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const w = { predicate, resolve: a => { clearTimeout(timer); resolve(a); } };
      const timer = setTimeout(() => { waiters.splice(waiters.indexOf(w), 1); reject(new Error('timed out waiting for an activity')); }, ms);
      waiters.push(w);
    });
  };
}

function post(directLine, activity) {
  return new Promise((resolve, reject) => directLine.postActivity(activity).subscribe(resolve, reject));
}

for (const webSocket of [false, true]) {
  test(`directlinejs ${webSocket ? 'WebSocket' : 'polling'}: question gets an answer, as the public web chat user`, async () => {
    assert.ok(origin, 'DIRECTLINE_ORIGIN must be set');
    const grant = await newToken();
    const directLine = new DirectLine({ domain: `${origin}/v3/directline`, token: grant.token, webSocket, pollingInterval: 200 });
    const statuses = [];
    directLine.connectionStatus$.subscribe(s => statuses.push(s));
    try {
      const next = record(directLine);

      const id = await post(directLine, {
        type: 'message', text: question, locale: 'zh-CN',
        from: { id: 'staff-1', name: 'Claimed Staff', role: 'user' } // ignored: the server binds the id to the token
      });
      assert.ok(id.startsWith(`${grant.conversationId}|`), `activity id ${id}`);
      assert.equal(directLine.conversationId, grant.conversationId);

      const echo = await next(a => a.id === id);
      assert.equal(echo.text, question);
      assert.equal(echo.channelId, 'webchat');
      assert.match(echo.from.id, /^dl_/);
      assert.notEqual(echo.from.id, 'staff-1');

      const answer = await next(a => a.type === 'message' && a.from.role === 'bot' && a.replyToId === id);
      assert.ok(answer.text || (answer.attachments && answer.attachments.length), 'bot answered');
      if (expected) assert.ok(JSON.stringify(answer).includes(expected), `answer contains ${expected}: ${JSON.stringify(answer)}`);
      const welcome = await next(a => a.type === 'message' && a.from.role === 'bot' && !a.replyToId);
      assert.ok(welcome.text || (welcome.attachments && welcome.attachments.length), 'the bot greeted the new visitor');
      assert.ok(statuses.includes(ConnectionStatus.Online));
    } finally {
      directLine.end();
    }
  });
}

test('a token cannot read another conversation', async () => {
  const a = await newToken();
  const b = await newToken();
  const res = await fetch(`${origin}/v3/directline/conversations/${encodeURIComponent(b.conversationId)}/activities`, {
    headers: { Authorization: `Bearer ${a.token}` }
  });
  assert.equal(res.status, 403);
});
