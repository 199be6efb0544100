namespace Cppcc.Bot.Knowledge.Files;

/// <summary>A problem found while loading a KB file: which file, which line (1-based), and why.</summary>
public sealed record KnowledgeLoadIssue(string File, int Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}

public sealed record KnowledgeLoadResult(IReadOnlyList<KnowledgeEntry> Entries, IReadOnlyList<KnowledgeLoadIssue> Issues);
