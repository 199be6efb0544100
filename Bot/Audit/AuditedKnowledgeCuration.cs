using Cppcc.Dialogs.Audit;
using Cppcc.Dialogs.Knowledge;
using Cppcc.Dialogs.Root;

namespace Cppcc.Bot.Audit;

/// <summary>Records knowledge-base edits staff make in Teams (save and retire), with the entry before and after.</summary>
public sealed class AuditedKnowledgeCuration : IKnowledgeCuration
{
    private const int AnswerShown = 60;

    private readonly IKnowledgeCuration _inner;
    private readonly IAuditTrail _trail;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public AuditedKnowledgeCuration(IKnowledgeCuration inner, IAuditTrail trail)
    {
        _inner = inner;
        _trail = trail;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<UnansweredQuestion>> UnansweredAsync(int max, CancellationToken cancellationToken)
        => _inner.UnansweredAsync(max, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<EntryFeedback>> FeedbackAsync(CancellationToken cancellationToken) => _inner.FeedbackAsync(cancellationToken);

    /// <inheritdoc />
    public Task<KnowledgeDraft?> DraftAsync(string entryId, CancellationToken cancellationToken) => _inner.DraftAsync(entryId, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> SaveAsync(KnowledgeDraft draft, Caller staff, CancellationToken cancellationToken)
    {
        var id = draft.Id.Trim();
        var before = await _inner.DraftAsync(id, cancellationToken);
        var problems = await _inner.SaveAsync(draft, staff, cancellationToken);
        if (problems.Count == 0)
        {
            var after = await _inner.DraftAsync(id, cancellationToken);
            _trail.Record(staff.UserKey, staff.Name, "kb.save", id, Describe(before), Describe(after));
        }

        return problems;
    }

    /// <inheritdoc />
    public async Task<bool> RetireAsync(string entryId, Caller staff, CancellationToken cancellationToken)
    {
        var before = await _inner.DraftAsync(entryId, cancellationToken);
        var retired = await _inner.RetireAsync(entryId, staff, cancellationToken);
        if (retired)
        {
            _trail.Record(staff.UserKey, staff.Name, "kb.retire", entryId, Describe(before), "retired");
        }

        return retired;
    }

    /// <inheritdoc />
    // REVIEW: export (a YAML copy on the server) and reload (files re-read) change no entry and carry no caller in this
    // interface, so they are not recorded; the edits themselves are.
    public Task<KnowledgeExport> ExportAsync(CancellationToken cancellationToken) => _inner.ExportAsync(cancellationToken);

    /// <inheritdoc />
    public Task<KnowledgeReload> ReloadAsync(CancellationToken cancellationToken) => _inner.ReloadAsync(cancellationToken);

    private static string? Describe(KnowledgeDraft? d)
    {
        if (d is null)
        {
            return null;
        }

        var question = d.Questions.Split('\n', 2)[0];
        var answer = d.Answer.ReplaceLineEndings(" ");
        answer = answer.Length > AnswerShown ? answer[..AnswerShown] + "…" : answer;
        return $"{d.Audience} · 问：{question} · 答：{answer}";
    }
}
