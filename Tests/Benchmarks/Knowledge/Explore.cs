using System.Globalization;
using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Knowledge.Retrieval;

namespace Cppcc.Benchmarks.Knowledge;

/// <summary>Signals of the top candidates, one line per question, for calibration experiments on development data.</summary>
internal static class Explore
{
    public static void Header(TextWriter w) => w.WriteLine("kb\tset\tkind\tq\tright1\tconf1\tconf2\tcov1\tclose1\trank1\trank2\tpassage1");

    public static void Row(TextWriter w, string kb, string set, string kind, string q, bool? right1, IReadOnlyList<KnowledgeCandidate> r)
    {
        KnowledgeCandidate? C(int i) => r.Count > i ? r[i] : null;
        string F(double? v) => (v ?? 0).ToString("0.0000", CultureInfo.InvariantCulture);
        w.WriteLine(string.Join('\t', kb, set, kind, q.Replace('\t', ' '), right1 is null ? "" : right1.Value ? "1" : "0",
            F(C(0)?.Confidence), F(C(1)?.Confidence), F(C(0)?.Coverage), F(C(0)?.Closeness), F(C(0)?.Rank), F(C(1)?.Rank), C(0)?.Entry.IsPassage == true ? 1 : 0));
    }

    public static void Self(TextWriter w, string kb, KnowledgeIndex index)
    {
        for (var n = 0; n < index.Entries.Count; n++)
        {
            foreach (var q in index.Entries[n].Questions)
            {
                Row(w, kb, "self", "impostor", q, null, index.SearchWithout(q, n, 3));
            }
        }

        foreach (var q in OffTopicProbes.Questions)
        {
            Row(w, kb, "probes", "probe", q, null, index.Search(q, KnowledgeAudience.Staff, new DateOnly(2026, 6, 1), 3));
        }
    }
}
