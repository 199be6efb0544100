using Cppcc.Dialogs.Root;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Broadcasts;

/// <summary><c>{"action":"broadcast.send","text","audience":"all"|group,"link"?,"linkTitle"?}</c>: staff only (docs/contract.md §4).</summary>
public sealed class BroadcastSendAction : ICardAction
{
    private readonly BroadcastStarter _starter;

    /// <summary>Creates the action.</summary>
    public BroadcastSendAction(BroadcastStarter starter) => _starter = starter;

    /// <inheritdoc />
    public string Name => "broadcast.send";

    /// <inheritdoc />
    public Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    public Task ExecuteAsync(RouteContext context, JObject value, CancellationToken cancellationToken)
    {
        var request = new BroadcastRequest(
            Text: Field(value, "text") ?? "",
            Audience: Field(value, "audience") is { Length: > 0 } audience ? audience : "all",
            Link: Field(value, "link"),
            LinkTitle: Field(value, "linkTitle"));
        return _starter.StartAsync(context.Turn, request, cancellationToken);
    }

    private static string? Field(JObject value, string name) => value[name] is JValue { Value: not null } v ? v.ToString().Trim() : null;
}
