using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Broadcasts;

/// <summary>Staff send a notice from a card (<see cref="BroadcastSend"/>); the reply names its id or the bad field.</summary>
public sealed class BroadcastSendAction(BroadcastStarter starter, OfficeTime office) : CardAction<BroadcastSend>(office)
{
    /// <inheritdoc />
    public override Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    protected override Task HandleAsync(RouteContext context, BroadcastSend submit, CancellationToken cancellationToken)
        => starter.StartAsync(context.Turn, submit.ToRequest(), cancellationToken);
}
