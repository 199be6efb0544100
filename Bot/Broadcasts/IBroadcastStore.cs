namespace Cppcc.Bot.Broadcasts;

/// <summary>
/// Staff broadcasts: <see cref="BroadcastStore"/> on the LiteDB file, <see cref="PostgresBroadcastStore"/> when several
/// instances share one PostgreSQL database.
/// </summary>
public interface IBroadcastStore
{
    /// <summary>Numbers and inserts <paramref name="broadcast"/> (TZ-YYYY-NNNN, counting per year).</summary>
    Broadcast Add(Broadcast broadcast);

    Broadcast? Find(string id);

    List<Broadcast> Unfinished();

    void Save(Broadcast broadcast);

    /// <summary>
    /// Marks the broadcast finished; true for the one caller that did it, so exactly one instance sends the summary.
    /// </summary>
    bool TryFinish(Broadcast broadcast);
}
