// The public page (issue 6): official Web Chat on the bot's own Direct Line. The page never holds a secret: it asks
// the bot for a short-lived token bound to a new conversation.
(async function () {
  const status = document.getElementById('status');
  const show = text => { status.textContent = text; status.hidden = false; };

  let grant;
  try {
    const res = await fetch('v3/directline/tokens/generate', { method: 'POST' });
    grant = await res.json().catch(() => ({}));
    if (!res.ok) {
      show((grant.error && grant.error.message) || '暂时无法连接，请稍后刷新页面重试。');
      return;
    }
  } catch (e) {
    show('网络连接失败，请检查网络后刷新页面。');
    return;
  }

  // The bot's own Direct Line, or Azure's when the bot is configured for it (the bot then says where).
  const directLine = window.WebChat.createDirectLine({
    domain: grant.domain || new URL('v3/directline', window.location.href).href.replace(/\/$/, ''),
    token: grant.token,
    webSocket: true
  });

  const styleOptions = {
    accent: '#b7171d',
    hideUploadButton: true,
    botAvatarInitials: '政协',
    userAvatarInitials: '我',
    avatarSize: 36,
    bubbleBorderRadius: 8,
    bubbleFromUserBorderRadius: 8,
    bubbleFromUserBackground: '#fbeaea',
    suggestedActionLayout: 'flow',
    primaryFont: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif'
  };

  window.WebChat.renderWebChat(
    { directLine, locale: 'zh-CN', styleOptions, sendTypingIndicator: false },
    document.getElementById('webchat')
  );
})();
