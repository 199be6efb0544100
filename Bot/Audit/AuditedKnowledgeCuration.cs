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
    public IReadOnlyList<UnansweredQuestion> Unanswered(int max) => _inner.Unanswered(max);

    /// <inheritdoc />
    public IReadOnlyList<EntryFeedback> Feedback() => _inner.Feedback();

    /// <inheritdoc />
    public KnowledgeDraft? Draft(string entryId) => _inner.Draft(entryId);

    /// <inheritdoc />
    public IReadOnlyList<KnowledgeDraftIssue> Save(KnowledgeDraft draft, Caller staff)
    {
        var id = draft.Id.Trim();
        var before = _inner.Draft(id);
        var problems = _inner.Save(draft, staff);
        if (problems.Count == 0)
        {
            var after = _inner.Draft(id);
            _trail.Record(staff.UserKey, staff.Name, "kb.save", id, Describe(before), Describe(after));
        }

        return problems;
    }

    /// <inheritdoc />
    public bool Retire(string entryId, Caller staff)
    {
        var before = _inner.Draft(entryId);
        var retired = _inner.Retire(entryId, staff);
        if (retired)
        {
            _trail.Record(staff.UserKey, staff.Name, "kb.retire", entryId, Describe(before), "retired");
        }

        return retired;
    }

    /// <inheritdoc />
    // REVIEW: export (a YAML copy on the server) and reload (files re-read) change no entry and carry no caller in this
    // interface, so they are not recorded; the edits themselves are.
    public KnowledgeExport Export() => _inner.Export();

    /// <inheritdoc />
    public KnowledgeReload Reload() => _inner.Reload();

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
