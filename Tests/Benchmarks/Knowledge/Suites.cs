using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Knowledge.Files;
using YamlDotNet.Serialization;

namespace Cppcc.Benchmarks.Knowledge;

/// <summary>A question set of a KB; <see cref="HeldOut"/> sets are written blind and only ever scored as totals.</summary>
public sealed record QuestionSet(string Name, string Note, bool HeldOut, IReadOnlyList<EvalItem> Items);

/// <summary>One knowledge base and the question sets asked of it.</summary>
public sealed record Suite(string Name, string Description, IReadOnlyList<KnowledgeEntry> Entries, int Issues, IReadOnlyList<QuestionSet> Sets,
    IReadOnlyList<FollowUpItem>? FollowUps = null)
{
}

/// <summary>
/// The KBs the benchmark knows: the shipped kb/ with its development sets, the same KB cut to one question per entry
/// (the shape of a short FAQ, with the same labels), and every folder under kbs/ (KB files plus a blind questions.yaml).
/// </summary>
public static class Suites
{
    private const string Questions = "questions.yaml", PassageIds = "passage-ids.yaml";

    /// <summary>
    /// The KBs whose blind questions were looked at to choose ranking settings: one short FAQ and one set of documents.
    /// Every other KB under kbs/ is left out (held out).
    /// </summary>
    public static readonly IReadOnlySet<string> TuningKbs = new HashSet<string>(StringComparer.Ordinal) { "faq-short", "docs-dev", "docs-heavy", "docs-dev2", "faq-dev2" };

    public static List<Suite> Load(string root, string benchmarkFolder)
    {
        var shipped = KnowledgeFolderLoader.Load(Path.Combine(root, "kb"));
        var followUps = Evaluation.LoadFollowUps(Path.Combine(benchmarkFolder, "followups.yaml"));
        // eval.yaml was always the tuning set; the holdout files were meant to stay unseen but their questions were
        // listed and acted on while tuning, so they are development data now (README, "Knowledge benchmark").
        var development = new[]
        {
            new QuestionSet("eval.yaml", "development, tuned on", false, Evaluation.Load(Path.Combine(benchmarkFolder, "eval.yaml"))),
        }.Concat(new[] { "holdout.yaml", "holdout2.yaml", "holdout3.yaml" }.Select(f =>
            new QuestionSet(f, "development: formerly held out, looked at while tuning", false, Evaluation.Load(Path.Combine(benchmarkFolder, f))))).ToList();
        var suites = new List<Suite>
        {
            new("kb", "the shipped KB", shipped.Entries, shipped.Issues.Count, development, followUps),
            new("kb-1q", "the shipped KB, first question of each entry only", shipped.Entries.Select(e => e with { Questions = e.Questions.Take(1).ToList() }).ToList(),
                shipped.Issues.Count, development),
        };

        var kbs = Path.Combine(benchmarkFolder, "kbs");
        foreach (var folder in Directory.Exists(kbs) ? Directory.GetDirectories(kbs).Order(StringComparer.Ordinal).ToArray() : [])
        {
            // A folder without KB files (kbs/shipped) holds blind questions about the shipped kb/.
            var loaded = KnowledgeFolderLoader.Load(folder, f => f != Questions && f != PassageIds);
            var entries = loaded.Entries.Count > 0 ? loaded.Entries : shipped.Entries;
            var questionsPath = Path.Combine(folder, Questions);
            var sets = new List<QuestionSet>();
            if (File.Exists(questionsPath))
            {
                var items = Evaluation.Load(questionsPath);
                Relabel(items, Path.Combine(folder, PassageIds), entries);
                // Leave KBs out: the settings of the lexical ranking are chosen on the TuningKbs' blind sets, whose questions
                // were therefore looked at; the other blind sets stay held out.
                var tuning = TuningKbs.Contains(Path.GetFileName(folder));
                sets.Add(new QuestionSet($"{Path.GetFileName(folder)}/{Questions}",
                    tuning ? "written blind from the answers only; the KB the ranking was tuned on (development)" : "held out, written blind from the answers only",
                    !tuning, items));
            }

            if (loaded.Entries.Count > 0)
            {
                suites.Add(new(Path.GetFileName(folder), TuningKbs.Contains(Path.GetFileName(folder)) ? "written outside the team; tuned on" : "written outside the team; never tuned on", loaded.Entries, loaded.Issues.Count, sets));
            }
            else
            {
                suites[0] = suites[0] with { Sets = suites[0].Sets.Concat(sets).ToList() };
            }
        }

        return suites;
    }

    /// <summary>
    /// The blind writer labels document passages by position ("proposal-rules#3", from passage-ids.yaml); the loader names
    /// them by heading. Translates through the citation both agree on.
    /// </summary>
    private static void Relabel(List<EvalItem> items, string passageIdsPath, IReadOnlyList<KnowledgeEntry> entries)
    {
        if (!File.Exists(passageIdsPath))
        {
            return;
        }

        var citations = new DeserializerBuilder().Build().Deserialize<Dictionary<string, string>>(File.ReadAllText(passageIdsPath));
        var byCitation = entries.Where(e => e.IsPassage).GroupBy(e => KnowledgeAnswerer.Citation(e)!).ToDictionary(g => g.Key, g => g.First().Id);
        foreach (var item in items.Where(i => i.Answerable))
        {
            item.Expect = string.Join('|', item.Expect.Split('|').Select(id =>
                citations.TryGetValue(id, out var citation) && byCitation.TryGetValue(citation, out var entryId) ? entryId : id));
        }
    }
}
