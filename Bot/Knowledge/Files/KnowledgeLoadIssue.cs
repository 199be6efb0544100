namespace Cppcc.Bot.Knowledge.Files;

/// <summary>A problem found while loading a KB file: which file, which line (1-based), and why.</summary>
/// <summary>
/// A problem with a KB file, shown to staff as <c>file:line: reason</c> (file relative to the KB folder, reason in
/// Chinese). <paramref name="Detail"/> is for the server log only: an exception's text is English and names the
/// server's paths, which staff in Teams have no use for and should not see.
/// </summary>
public sealed record KnowledgeLoadIssue(string File, int Line, string Reason, string? Detail = null)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}

public sealed record KnowledgeLoadResult(IReadOnlyList<KnowledgeEntry> Entries, IReadOnlyList<KnowledgeLoadIssue> Issues);
