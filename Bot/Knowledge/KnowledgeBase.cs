using Cppcc.Bot.Hosting;
using Cppcc.Bot.Knowledge.Files;
using Cppcc.Bot.Knowledge.Retrieval;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Knowledge;

/// <summary>
/// The knowledge base in force: the KB folder's files overlaid with the entries staff curated in Teams, and the
/// retrieval index over them. <see cref="Reload"/> builds a new snapshot and swaps it in, so questions asked during a
/// reload are answered from the previous one.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly IKnowledgeEntryStore _curated;
    private readonly KnowledgeTextAnalyzer _analyzer = new(new SmartCnTokenizer(), KnowledgeSynonyms.Default);
    private readonly ILogger<KnowledgeBase> _logger;
    private readonly KnowledgeEmbeddings? _embeddings;
    private readonly object _reloadLock = new();
    private volatile KnowledgeSnapshot _current;

    /// <summary>Loads the knowledge base (start-up).</summary>
    public KnowledgeBase(IOptions<KnowledgeOptions> options, IHostEnvironment environment, IKnowledgeEntryStore curated, ILogger<KnowledgeBase> logger,
        KnowledgeEmbeddings? embeddings = null)
    {
        _embeddings = embeddings;
        _curated = curated;
        _logger = logger;
        Folder = AppPaths.Resolve(environment.ContentRootPath, options.Value.Path);
        _current = Build();
    }

    /// <summary>The KB folder (absolute).</summary>
    public string Folder { get; }

    /// <summary>The snapshot in force.</summary>
    public KnowledgeSnapshot Current => _current;

    /// <summary>Reloads files and curated entries now; returns the new snapshot.</summary>
    public KnowledgeSnapshot Reload()
    {
        lock (_reloadLock)
        {
            // REVIEW: the replaced index is left to the GC (RAMDirectory holds managed memory only) because a question
            // may still be searching it.
            _current = Build();
            return _current;
        }
    }

    private KnowledgeSnapshot Build()
    {
        var loaded = KnowledgeFolderLoader.Load(Folder);
        foreach (var issue in loaded.Issues)
        {
            _logger.LogWarning("Knowledge file {File} line {Line}: {Reason} {Detail}", issue.File, issue.Line, issue.Reason, issue.Detail);
        }

        var entries = _curated.Overlay(loaded.Entries);
        var snapshot = new KnowledgeSnapshot(entries, new KnowledgeIndex(entries, _analyzer, vectors: LoadVectors(entries)), loaded.Issues);
        var c = snapshot.Index.Calibration;
        _logger.LogInformation("Knowledge base loaded: {Entries} entries and passages, {Issues} problems; calibrated from {Samples} own questions: " +
            "answer at {Answer:0.00}, or at {Leader:0.00} with a lead of {Gap:0.00}; suggest from {Suggest:0.00}", entries.Count, loaded.Issues.Count,
            c.Samples, c.AnswerThreshold, c.LeaderThreshold, c.LeaderGap, c.SuggestThreshold);
        return snapshot;
    }

    private KnowledgeVectors? LoadVectors(IReadOnlyList<KnowledgeEntry> entries)
    {
        if (_embeddings is not { Enabled: true })
        {
            return null;
        }

        // The entries, and every question calibration asks, so that the thresholds are measured on the blended score.
        var texts = entries.Select(KnowledgeVectors.EntryText).Concat(entries.SelectMany(e => e.Questions)).Concat(OffTopicProbes.Questions);
        // Loading is synchronous (start-up and reload swap a finished snapshot in); the fetch is bounded by its timeouts.
        var vectors = _embeddings.LoadAsync(texts, CancellationToken.None).GetAwaiter().GetResult();
        _logger.LogInformation(vectors is null ? "Knowledge embeddings unavailable: retrieval by words alone" : "Knowledge embeddings loaded: hybrid retrieval");
        return vectors;
    }
}

/// <summary>One consistent state of the knowledge base.</summary>
public sealed class KnowledgeSnapshot
{
    private readonly Dictionary<string, KnowledgeEntry> _byId;

    /// <summary>Creates the snapshot.</summary>
    public KnowledgeSnapshot(IReadOnlyList<KnowledgeEntry> entries, KnowledgeIndex index, IReadOnlyList<KnowledgeLoadIssue> issues)
    {
        Entries = entries;
        Index = index;
        Issues = issues;
        _byId = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    /// <summary>Entries and passages that answer.</summary>
    public IReadOnlyList<KnowledgeEntry> Entries { get; }

    /// <summary>The retrieval index over <see cref="Entries"/>.</summary>
    public KnowledgeIndex Index { get; }

    /// <summary>Problems found in the files (file, line, reason).</summary>
    public IReadOnlyList<KnowledgeLoadIssue> Issues { get; }

    /// <summary>The entry with that id, or null.</summary>
    public KnowledgeEntry? Find(string id) => _byId.GetValueOrDefault(id);
}
