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
public sealed record AuditVerification(long Checked, long? BrokenAt)
{
    /// <summary>True when every record still links to the one before.</summary>
    public bool Intact => BrokenAt is null;
}

/// <summary>The append-only record of staff actions (implemented by the host over a hash-chained store).</summary>
public interface IAuditTrail
{
    /// <summary>Appends one record.</summary>
    void Record(string actorKey, string actorName, string action, string target, string? before, string? after);

    /// <summary>The latest <paramref name="count"/> records, newest first.</summary>
    IReadOnlyList<AuditEntry> Latest(int count);

    /// <summary>Recomputes the chain from the first record.</summary>
    AuditVerification Verify();
}
