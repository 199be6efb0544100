namespace Cppcc.Bot.Broadcasts;

/// <summary>
/// Staff broadcasts: <see cref="BroadcastStore"/> on the LiteDB file, <see cref="PostgresBroadcastStore"/> when several
/// instances share one PostgreSQL database.
/// </summary>
public interface IBroadcastStore
{
    /// <summary>Numbers and inserts <paramref name="broadcast"/> (TZ-YYYY-NNNN, counting per year).</summary>
    Broadcast Add(Broadcast broadcast);

    /// <summary>
    /// Adds <paramref name="broadcast"/> as <see cref="Add"/> does, unless its sender started the same notice
    /// (<see cref="Broadcast.Repeats"/>) at or after <paramref name="since"/>: then that one is returned and nothing is
    /// added. Atomic, also for two requests at the same moment on two instances: exactly one of them adds.
    /// </summary>
    BroadcastClaim AddUnlessRepeated(Broadcast broadcast, DateTimeOffset since);

    Broadcast? Find(string id);

    List<Broadcast> Unfinished();

    void Save(Broadcast broadcast);

    /// <summary>
    /// Marks the broadcast finished; true for the one caller that did it, so exactly one instance sends the summary.
    /// </summary>
    bool TryFinish(Broadcast broadcast);
}

/// <summary>The outcome of <see cref="IBroadcastStore.AddUnlessRepeated"/>.</summary>
/// <param name="Broadcast">The broadcast added, or the earlier one it repeats.</param>
/// <param name="Added">False when <paramref name="Broadcast"/> is the earlier one.</param>
public sealed record BroadcastClaim(Broadcast Broadcast, bool Added);
