namespace Cppcc.Dialogs.Audit;

/// <summary>One staff action as recorded.</summary>
/// <param name="Sequence">1 for the first record, then +1 each.</param>
/// <param name="At">When.</param>
/// <param name="ActorKey">Who (user key).</param>
/// <param name="ActorName">Who (display name when known).</param>
/// <param name="Action">What, e.g. <c>report.transition</c>.</param>
/// <param name="Target">On what, e.g. a report reference.</param>
/// <param name="Before">The state before, when there was one.</param>
/// <param name="After">The state after.</param>
public sealed record AuditEntry(long Sequence, DateTimeOffset At, string ActorKey, string ActorName, string Action, string Target,
    string? Before, string? After);

/// <summary>The outcome of checking the hash chain.</summary>
/// <param name="Checked">Records read.</param>
/// <param name="BrokenAt">The first record whose link does not hold (edited, inserted, or after a deleted one); null when intact.</param>
/// <param name="MissingFrom">
/// The first sequence number of newest records that are gone (the chain alone cannot show a cut-off end: it is compared
/// with the count and hash kept apart at each append); null when none are missing.
/// </param>
public sealed record AuditVerification(long Checked, long? BrokenAt, long? MissingFrom = null)
{
    /// <summary>True when every record still links to the one before and none is missing at the end.</summary>
    public bool Intact => BrokenAt is null && MissingFrom is null;
}

/// <summary>The append-only record of staff actions (implemented by the host over a hash-chained store).</summary>
public interface IAuditTrail
{
    /// <summary>Appends one record.</summary>
    void Record(string actorKey, string actorName, string action, string target, string? before, string? after);

    /// <summary>The latest <paramref name="count"/> records, newest first.</summary>
    IReadOnlyList<AuditEntry> Latest(int count);

    /// <summary>The newest records that <paramref name="filter"/> matches, newest first; at most <paramref name="max"/>.</summary>
    IReadOnlyList<AuditEntry> Find(AuditFilter filter, int max);

    /// <summary>Recomputes the chain from the first record.</summary>
    AuditVerification Verify();
}
