using Cppcc.Bot.Knowledge.Retrieval;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Knowledge;
using Cppcc.Dialogs.Root;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Knowledge;

/// <summary>Answers questions from the knowledge base in force, honouring audience and effective/expires dates.</summary>
/// <remarks><c>phrasers</c> is empty unless Azure OpenAI is configured; <c>embeddings</c> is null where the host registers none.</remarks>
public sealed class KnowledgeAnswerer(KnowledgeBase knowledge, IOptions<KnowledgeOptions> options, OfficeTime office,
    IEnumerable<IKnowledgePhraser> phrasers, KnowledgeEmbeddings? embeddings = null) : IKnowledgeAnswerer
{
    private readonly KnowledgeOptions _options = options.Value;
    private readonly IKnowledgePhraser? _phraser = phrasers.FirstOrDefault();

    /// <inheritdoc />
    public async Task<KnowledgeResult> AnswerAsync(string question, Role role, string? previousEntryId, CancellationToken cancellationToken)
    {
        var snapshot = knowledge.Current;
        var audience = Audience(role);
        var today = Today();
        // With embeddings loaded the question's vector is blended in; without it (timeout, 429) words alone decide,
        // against the thresholds measured on words alone.
        var vector = snapshot.Index.HasVectors && embeddings is not null
            ? await embeddings.QuestionAsync(question, cancellationToken)
            : null;
        // Thresholds belong to the snapshot: each KB is calibrated when it loads.
        var matcher = KnowledgeMatcher.For(snapshot.Index, _options, wordsOnly: vector is null);
        var ranked = snapshot.Index.Search(question, vector, audience, today, matcher.MaxChoices);
        var match = matcher.Decide(ranked, () => snapshot.Index.BestHidden(question, vector, audience, today));
        if (previousEntryId is not null && snapshot.Find(previousEntryId) is { } previous && previous.IsVisibleTo(audience) && previous.IsInForce(today)
            && new KnowledgeFollowUps(matcher, _options.FollowUpThreshold).Resolve(snapshot.Index, question, previous, match, audience, today) is { } followUp)
        {
            return KnowledgeResult.Of(ToAnswer(snapshot, followUp, audience, today));
        }

        if (match.Kind == KnowledgeMatchKind.Answer && _phraser is not null)
        {
            // The best entry first, then the runners-up as extra material; the model may only use these.
            var passages = ranked.Select(c => c.Entry).ToList();
            if (await _phraser.PhraseAsync(question, passages, cancellationToken) is { } phrased)
            {
                var plain = ToAnswer(snapshot, passages[0], audience, today);
                var citation = string.Join("；", phrased.Cited.Select(Citation).Where(c => !string.IsNullOrEmpty(c)).Distinct());
                return KnowledgeResult.Of(plain with { Answer = phrased.Text, Citation = citation.Length > 0 ? citation : plain.Citation });
            }
        }

        return match.Kind switch
        {
            KnowledgeMatchKind.Answer => KnowledgeResult.Of(ToAnswer(snapshot, match.Candidates[0].Entry, audience, today)),
            KnowledgeMatchKind.Choose => new KnowledgeResult(KnowledgeResultKind.Choose, null, match.Candidates.Select(c => Link(c.Entry)).ToList()),
            KnowledgeMatchKind.Suggest => new KnowledgeResult(KnowledgeResultKind.Suggest, null, match.Candidates.Select(c => Link(c.Entry)).ToList()),
            _ => KnowledgeResult.None,
        };
    }

    /// <inheritdoc />
    public KnowledgeAnswer? Find(string entryId, Role role)
    {
        var snapshot = knowledge.Current;
        var audience = Audience(role);
        var today = Today();
        var entry = snapshot.Find(entryId);
        return entry is not null && entry.IsVisibleTo(audience) && entry.IsInForce(today) ? ToAnswer(snapshot, entry, audience, today) : null;
    }

    /// <summary>The knowledge-base audience a role may see.</summary>
    public static KnowledgeAudience Audience(Role role) => role switch
    {
        Role.Staff => KnowledgeAudience.Staff,
        Role.Member => KnowledgeAudience.Members,
        _ => KnowledgeAudience.Public,
    };

    /// <summary>What the citation says: the source, or "title › heading" for a document passage.</summary>
    public static string? Citation(KnowledgeEntry entry) => entry.IsPassage
        ? entry.Heading == entry.Title ? entry.Title : $"{entry.Title} › {entry.Heading}"
        : entry.Source;

    // Effective and expiry dates in the KB are the committee's dates, in the office's zone (Bot:TimeZone).
    private DateOnly Today() => office.Today;

    private static KnowledgeAnswer ToAnswer(KnowledgeSnapshot snapshot, KnowledgeEntry entry, KnowledgeAudience audience, DateOnly today)
    {
        var related = entry.Related
            .Select(snapshot.Find)
            .Where(r => r is not null && r.IsVisibleTo(audience) && r.IsInForce(today))
            .Select(r => Link(r!))
            .ToList();
        return new KnowledgeAnswer(entry.Id, entry.Answer, Citation(entry), entry.Url, related);
    }

    private static KnowledgeLink Link(KnowledgeEntry entry) => new(entry.Id, entry.IsPassage ? Citation(entry)! : entry.Questions[0]);
}
