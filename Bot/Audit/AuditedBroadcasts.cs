using System.Globalization;
using Cppcc.Dialogs.Audit;
using Cppcc.Dialogs.Broadcasts;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Audit;

/// <summary>Records every broadcast staff start: audience, how many were queued and the notice's opening words.</summary>
public sealed class AuditedBroadcasts : IBroadcasts
{
    private const int TextShown = 40;

    private readonly IBroadcasts _inner;
    private readonly IAuditTrail _trail;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public AuditedBroadcasts(IBroadcasts inner, IAuditTrail trail)
    {
        _inner = inner;
        _trail = trail;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Audiences() => _inner.Audiences();

    /// <inheritdoc />
    public async Task<BroadcastStarted> StartAsync(BroadcastRequest request, Caller sender, ConversationReference staffConversation, CancellationToken cancellationToken)
    {
        var started = await _inner.StartAsync(request, sender, staffConversation, cancellationToken);
        var text = request.Text.Length > TextShown ? request.Text[..TextShown] + "…" : request.Text;
        _trail.Record(sender.UserKey, sender.Name, "broadcast.send", started.Id, null,
            string.Create(CultureInfo.InvariantCulture, $"{request.Audience} · {started.Recipients} · {text}"));
        return started;
    }

    /// <inheritdoc />
    public Task ShowProgressAsync(string broadcastId, CancellationToken cancellationToken)
        => _inner.ShowProgressAsync(broadcastId, cancellationToken);

    /// <inheritdoc />
    public BroadcastReport? Report(string id) => _inner.Report(id);
}
