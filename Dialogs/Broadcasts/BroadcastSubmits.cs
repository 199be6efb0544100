using Cppcc.Dialogs.Framework.Cards;

namespace Cppcc.Dialogs.Broadcasts;

/// <summary>
/// Staff send a notice: <c>{"action":"broadcast.send","text","audience":"all"|group,"link"?,"linkTitle"?}</c>
/// (docs/contract.md, Conversation contract). A missing audience means everyone; one that is there but is no text (a
/// list such as <c>["民盟"]</c>) is refused, never read as everyone.
/// </summary>
public sealed record BroadcastSend(string? Text, string? Audience, string? Link = null, string? LinkTitle = null)
    : ICardSubmit<BroadcastSend>
{
    /// <inheritdoc />
    public static string ActionName => "broadcast.send";

    /// <inheritdoc />
    public static IReadOnlyList<string> DefaultedFields { get; } = [CardSubmit.Field<BroadcastSend>(s => s.Audience)];

    /// <summary>The request this submit asks for, with its fields trimmed.</summary>
    public BroadcastRequest ToRequest() => new(
        Text: Text?.Trim() ?? "",
        Audience: Audience?.Trim() is { Length: > 0 } audience ? audience : BroadcastRequest.Everyone,
        Link: Link?.Trim(),
        LinkTitle: LinkTitle?.Trim());
}
