// The public page: official Web Chat on the bot's own Direct Line. The page never holds a secret: it asks
// the bot for a short-lived token bound to a new conversation.
(async function () {
  const SAVED = 'cppcc-webchat';
  const local = new URL('v3/directline', window.location.href).href.replace(/\/$/, '');
  const status = document.getElementById('status');
  const show = text => { status.textContent = text; status.hidden = false; };

  // Phones often reload a tab that was in the background: resume the same conversation (a half-filled suggestion is
  // not lost) by exchanging the token kept in this tab for a fresh one. Anything wrong means a new conversation.
  async function resume() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(SAVED) || 'null');
      if (!saved || !saved.token || !saved.conversationId) return null;
      const res = await fetch('v3/directline/tokens/refresh', { method: 'POST', headers: { Authorization: 'Bearer ' + saved.token } });
      const fresh = res.ok ? await res.json() : null;
      return fresh && fresh.conversationId === saved.conversationId ? fresh : null;
    } catch (e) {
      return null;
    }
  }

  async function start() {
    try {
      const res = await fetch('v3/directline/tokens/generate', { method: 'POST' });
      const grant = await res.json().catch(() => ({}));
      if (res.ok) return grant;
      show((grant.error && grant.error.message) || '暂时无法连接，请稍后刷新页面重试。');
    } catch (e) {
      show('网络连接失败，请检查网络后刷新页面。');
    }
    return null;
  }

  const resumed = await resume();
  const grant = resumed || await start();
  if (!grant) return;

  // The bot's own Direct Line, or Azure's when the bot is configured for it (the bot then says where).
  const directLine = window.WebChat.createDirectLine({
    domain: grant.domain || local,
    token: grant.token,
    conversationId: resumed ? resumed.conversationId : undefined,
    webSocket: true
  });
  if (!grant.domain) {
    // directlinejs refreshes its token every 15 minutes: keep the newest for the next reload of this tab.
    const save = () => sessionStorage.setItem(SAVED, JSON.stringify({ conversationId: grant.conversationId, token: directLine.token || grant.token }));
    save();
    document.addEventListener('visibilitychange', save);
    window.addEventListener('pagehide', save);
  }

  const styleOptions = {
    accent: '#b7171d',
    hideUploadButton: false,
    // Thumbnails are drawn in a blob: worker, which the page's Content-Security-Policy (script-src 'self') refuses.
    enableUploadThumbnail: false,
    botAvatarInitials: '政协',
    userAvatarInitials: '我',
    avatarSize: 36,
    bubbleBorderRadius: 8,
    bubbleFromUserBorderRadius: 8,
    bubbleFromUserBackground: '#fbeaea',
    suggestedActionLayout: 'flow',
    // Answers are Markdown written by staff or copied from elsewhere: HTML in them is shown as text, never as live
    // elements (an <img> or <b> in a KB file would otherwise be rendered, with only the CSP stopping its handlers).
    markdownRenderHTML: false,
    primaryFont: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif'
  };

  window.WebChat.renderWebChat(
    { directLine, locale: 'zh-CN', styleOptions, sendTypingIndicator: false },
    document.getElementById('webchat')
  );
})();
