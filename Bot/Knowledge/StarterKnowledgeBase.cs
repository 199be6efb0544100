using Cppcc.Bot.Hosting;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Knowledge;
using Cppcc.Dialogs.Root;
using Microsoft.Extensions.Options;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Cppcc.Bot.Knowledge;

/// <summary>
/// First, simple answerer over the <c>*.yaml</c> Q&amp;A files: character-bigram overlap between the question and each
/// entry's questions, with a threshold for "no answer". Honours <c>audience</c>, <c>effective</c> and <c>expires</c>.
/// REVIEW: a placeholder for the real engine (segmentation + BM25, issue 4); loaded once at start-up.
/// </summary>
public sealed class StarterKnowledgeBase : IKnowledgeAnswerer
{
    private const double Threshold = 0.5;

    private readonly IReadOnlyList<Entry> _entries;
    private readonly TimeProvider _time;

    /// <summary>Loads the knowledge base folder; unreadable files are logged and skipped.</summary>
    public StarterKnowledgeBase(IOptions<KnowledgeOptions> options, IHostEnvironment environment, TimeProvider time, ILogger<StarterKnowledgeBase> logger)
    {
        _time = time;
        var folder = AppPaths.Resolve(environment.ContentRootPath, options.Value.Path);
        var yaml = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).IgnoreUnmatchedProperties().Build();
        var entries = new List<Entry>();
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.y*ml").Order(StringComparer.Ordinal))
            {
                try
                {
                    entries.AddRange(yaml.Deserialize<List<Entry>>(File.ReadAllText(file)) ?? new());
                }
                catch (YamlDotNet.Core.YamlException e)
                {
                    logger.LogError("Knowledge file {File} line {Line}: {Reason}", Path.GetFileName(file), e.Start.Line, e.Message);
                }
            }
        }

        _entries = entries.Where(e => e.Id.Length > 0 && e.Questions.Count > 0 && e.Answer.Length > 0).ToList();
    }

    /// <inheritdoc />
    public Task<KnowledgeAnswer?> AnswerAsync(string question, Role role, CancellationToken cancellationToken)
    {
        var asked = Bigrams(question);
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var best = _entries
            .Where(e => Visible(e, role, today))
            .Select(e => (Entry: e, Score: e.Questions.Max(q => Overlap(asked, Bigrams(q)))))
            .MaxBy(s => s.Score);
        var answer = best.Entry is { } entry && best.Score >= Threshold
            ? new KnowledgeAnswer(entry.Id, entry.Answer, entry.Source, entry.Url)
            : null;
        return Task.FromResult(answer);
    }

    private static bool Visible(Entry entry, Role role, DateOnly today)
    {
        var needed = entry.Audience switch { "public" => Role.Public, "staff" => Role.Staff, _ => Role.Member };
        return role >= needed
               && (entry.Effective is null || entry.Effective <= today)
               && (entry.Expires is null || today <= entry.Expires);
    }

    private static HashSet<string> Bigrams(string text)
    {
        var letters = new string(InputText.Normalize(text).Where(char.IsLetterOrDigit).ToArray());
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < letters.Length; i++)
        {
            grams.Add(letters.Substring(i, 2));
        }

        return grams;
    }

    private static double Overlap(HashSet<string> asked, HashSet<string> known)
        => asked.Count == 0 ? 0 : (double)asked.Count(known.Contains) / Math.Max(asked.Count, known.Count);

    private sealed class Entry
    {
        public string Id { get; set; } = "";

        public List<string> Questions { get; set; } = new();

        public string Answer { get; set; } = "";

        public string? Source { get; set; }

        public string? Url { get; set; }

        public string? Audience { get; set; }

        public DateOnly? Effective { get; set; }

        public DateOnly? Expires { get; set; }
    }
}
