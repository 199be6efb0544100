using System.Globalization;
using Cppcc.Dialogs.Audit;
using Cppcc.Dialogs.Broadcasts;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Broadcasts;

/// <summary>Records every broadcast staff start in the audit trail: audience, how many were queued and the notice's opening words.</summary>
public sealed class AuditedBroadcasts(BroadcastService inner, IAuditTrail trail) : IBroadcasts
{
    private const int TextShown = 40;

    /// <inheritdoc />
    public IReadOnlyList<string> Audiences() => inner.Audiences();

    /// <inheritdoc />
    public async Task<BroadcastStarted> StartAsync(BroadcastRequest request, Caller sender, ConversationReference staffConversation,
        CancellationToken cancellationToken)
    {
        var started = await inner.StartAsync(request, sender, staffConversation, cancellationToken);
        if (started.Repeated)
        {
            // Nothing went out: the start it repeats is in the trail already.
            return started;
        }

        var text = request.Text.Length > TextShown ? request.Text[..TextShown] + "…" : request.Text;
        trail.Record(sender.UserKey, sender.Name, BroadcastSend.ActionName, started.Id, null,
            string.Create(CultureInfo.InvariantCulture, $"{request.Audience} · {started.Recipients} · {text}"));
        return started;
    }

    /// <inheritdoc />
    public Task ShowProgressAsync(string broadcastId, CancellationToken cancellationToken)
        => inner.ShowProgressAsync(broadcastId, cancellationToken);

    /// <inheritdoc />
    public BroadcastReport? Report(string id) => inner.Report(id);
}
