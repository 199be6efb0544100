using System.Globalization;
using System.Text.RegularExpressions;
using Cppcc.Bot.Hosting;
using Cppcc.Bot.Knowledge.Files;
using Cppcc.Dialogs.Knowledge;
using Cppcc.Dialogs.Root;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Knowledge;

/// <summary>Staff curation from Teams: edits go to <see cref="IKnowledgeEntryStore"/> and apply at once.</summary>
public sealed partial class KnowledgeCuration(KnowledgeBase knowledge, IKnowledgeEntryStore entries, IUnansweredQuestionStore unanswered,
    IKnowledgeFeedbackStore feedback, IOptions<KnowledgeOptions> options, IHostEnvironment environment, TimeProvider time,
    ILogger<KnowledgeCuration> logger) : IKnowledgeCuration
{
    private static readonly char[] ListSeparators = [',', '，', '、', ';', '；', '\n'];

    private readonly string _exportFolder = AppPaths.Resolve(environment.ContentRootPath, options.Value.ExportPath);

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex IdPattern();

    /// <inheritdoc />
    public IReadOnlyList<UnansweredQuestion> Unanswered(int max) => unanswered.Top(max);

    /// <inheritdoc />
    public IReadOnlyList<EntryFeedback> Feedback() => feedback.Counts();

    /// <inheritdoc />
    public KnowledgeDraft? Draft(string entryId)
    {
        var entry = knowledge.Current.Find(entryId);
        return entry is null || entry.IsPassage ? null : new KnowledgeDraft
        {
            Id = entry.Id,
            Questions = string.Join('\n', entry.Questions),
            Answer = entry.Answer,
            Source = entry.Source ?? "",
            Url = entry.Url ?? "",
            Audience = entry.Audience.ToString().ToLowerInvariant(),
            Tags = string.Join(", ", entry.Tags),
            Related = string.Join(", ", entry.Related),
        };
    }

    /// <inheritdoc />
    public IReadOnlyList<KnowledgeDraftIssue> Save(KnowledgeDraft draft, Caller staff)
    {
        var problems = new List<KnowledgeDraftIssue>();
        var id = draft.Id.Trim();
        if (!IdPattern().IsMatch(id))
        {
            problems.Add(new(KnowledgeDraftProblem.BadId));
        }

        var questions = Split(draft.Questions);
        if (questions.Count == 0)
        {
            problems.Add(new(KnowledgeDraftProblem.NoQuestion));
        }

        if (string.IsNullOrWhiteSpace(draft.Answer))
        {
            problems.Add(new(KnowledgeDraftProblem.NoAnswer));
        }
        else if (draft.Answer.Trim().Length > KnowledgeEntry.MaxAnswerLength)
        {
            problems.Add(new(KnowledgeDraftProblem.AnswerTooLong, Limit: KnowledgeEntry.MaxAnswerLength));
        }

        if (!YamlEntryReader.TryParseAudience(draft.Audience, out var audience))
        {
            problems.Add(new(KnowledgeDraftProblem.BadAudience));
        }

        var url = draft.Url.Trim();
        if (!YamlEntryReader.IsWebAddress(url))
        {
            problems.Add(new(KnowledgeDraftProblem.BadUrl));
        }

        var related = Split(draft.Related);
        var unknown = related.Where(r => r != id && knowledge.Current.Find(r) is null).ToList();
        if (unknown.Count > 0)
        {
            problems.Add(new(KnowledgeDraftProblem.UnknownRelated, unknown));
        }

        var existing = knowledge.Current.Find(id);
        if (existing is { IsPassage: true })
        {
            problems.Add(new(KnowledgeDraftProblem.PassageId));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var entry = new KnowledgeEntry
        {
            Id = id,
            Questions = questions,
            Answer = draft.Answer.Trim(),
            Source = Blank(draft.Source),
            Url = Blank(url),
            Audience = audience,
            Tags = Split(draft.Tags),
            Related = related,
            Effective = existing?.Effective,
            Expires = existing?.Expires,
        };
        entries.Save(entry, staff.UserKey, time.GetUtcNow());
        knowledge.Reload();
        logger.LogInformation("Knowledge entry {EntryId} saved from Teams ({Kind})", id, existing is null ? "new" : "edit");
        return [];
    }

    /// <inheritdoc />
    public bool Retire(string entryId, Caller staff)
    {
        var entry = knowledge.Current.Find(entryId);
        if (entry is null || entry.IsPassage)
        {
            return false;
        }

        entries.Retire(entry, staff.UserKey, time.GetUtcNow());
        knowledge.Reload();
        logger.LogInformation("Knowledge entry {EntryId} retired from Teams", entryId);
        return true;
    }

    /// <inheritdoc />
    public KnowledgeExport Export()
    {
        var inForce = knowledge.Current.Entries.Where(e => !e.IsPassage).ToList();
        Directory.CreateDirectory(_exportFolder);
        var path = Path.Combine(_exportFolder, $"kb-export-{time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.yaml");
        using (var writer = new StreamWriter(path))
        {
            KnowledgeYamlWriter.Write(writer, inForce);
        }

        return new KnowledgeExport(path, inForce.Count);
    }

    /// <inheritdoc />
    public KnowledgeReload Reload()
    {
        var snapshot = knowledge.Reload();
        return new KnowledgeReload(snapshot.Entries.Count, snapshot.Issues.Select(i => i.ToString()).ToList());
    }

    private static List<string> Split(string text)
        => text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
