using System.Globalization;
using System.Text.RegularExpressions;
using Cppcc.Bot.Hosting;
using Cppcc.Bot.Knowledge.Files;
using Cppcc.Dialogs.Knowledge;
using Cppcc.Dialogs.Root;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Knowledge;

/// <summary>Staff curation from Teams: edits go to <see cref="IKnowledgeEntryStore"/> and apply at once.</summary>
public sealed partial class KnowledgeCuration : IKnowledgeCuration
{
    private static readonly char[] ListSeparators = [',', '，', '、', ';', '；', '\n'];

    private readonly KnowledgeBase _knowledge;
    private readonly IKnowledgeEntryStore _entries;
    private readonly IUnansweredQuestionStore _unanswered;
    private readonly IKnowledgeFeedbackStore _feedback;
    private readonly TimeProvider _time;
    private readonly string _exportFolder;
    private readonly ILogger<KnowledgeCuration> _logger;

    /// <summary>Creates the curation service.</summary>
    public KnowledgeCuration(KnowledgeBase knowledge, IKnowledgeEntryStore entries, IUnansweredQuestionStore unanswered, IKnowledgeFeedbackStore feedback,
        IOptions<KnowledgeOptions> options, IHostEnvironment environment, TimeProvider time, ILogger<KnowledgeCuration> logger)
    {
        _knowledge = knowledge;
        _entries = entries;
        _unanswered = unanswered;
        _feedback = feedback;
        _time = time;
        _logger = logger;
        _exportFolder = AppPaths.Resolve(environment.ContentRootPath, options.Value.ExportPath);
    }

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex IdPattern();

    /// <inheritdoc />
    public Task<IReadOnlyList<UnansweredQuestion>> UnansweredAsync(int max, CancellationToken cancellationToken)
        => Task.FromResult(_unanswered.Top(max));

    /// <inheritdoc />
    public Task<IReadOnlyList<EntryFeedback>> FeedbackAsync(CancellationToken cancellationToken)
        => Task.FromResult(_feedback.Counts());

    /// <inheritdoc />
    public Task<KnowledgeDraft?> DraftAsync(string entryId, CancellationToken cancellationToken)
    {
        var entry = _knowledge.Current.Find(entryId);
        KnowledgeDraft? draft = entry is null || entry.IsPassage ? null : new KnowledgeDraft
        {
            Id = entry.Id, Questions = string.Join('\n', entry.Questions), Answer = entry.Answer, Source = entry.Source ?? "", Url = entry.Url ?? "",
            Audience = entry.Audience.ToString().ToLowerInvariant(), Tags = string.Join(", ", entry.Tags), Related = string.Join(", ", entry.Related),
        };
        return Task.FromResult(draft);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> SaveAsync(KnowledgeDraft draft, Caller staff, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var id = draft.Id.Trim();
        if (!IdPattern().IsMatch(id))
        {
            problems.Add("条目编号只能用小写字母、数字和连字符（如 study-monthly）");
        }

        var questions = Split(draft.Questions);
        if (questions.Count == 0)
        {
            problems.Add("请至少填写一个问法");
        }

        if (string.IsNullOrWhiteSpace(draft.Answer))
        {
            problems.Add("请填写答案");
        }

        if (!YamlEntryReader.TryParseAudience(draft.Audience, out var audience))
        {
            problems.Add("可见范围只能是 public、members 或 staff");
        }

        var url = draft.Url.Trim();
        if (url.Length > 0 && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            problems.Add("链接应是 http(s) 开头的完整网址");
        }

        var related = Split(draft.Related);
        var unknown = related.Where(r => r != id && _knowledge.Current.Find(r) is null).ToList();
        if (unknown.Count > 0)
        {
            problems.Add("相关条目不存在：" + string.Join("、", unknown));
        }

        var existing = _knowledge.Current.Find(id);
        if (existing is { IsPassage: true })
        {
            problems.Add("这个编号是文档段落，不能作为问答条目编辑");
        }

        if (problems.Count > 0)
        {
            return Task.FromResult<IReadOnlyList<string>>(problems);
        }

        var entry = new KnowledgeEntry
        {
            Id = id, Questions = questions, Answer = draft.Answer.Trim(), Source = Blank(draft.Source), Url = Blank(url), Audience = audience,
            Tags = Split(draft.Tags), Related = related, Effective = existing?.Effective, Expires = existing?.Expires,
        };
        _entries.Save(entry, staff.UserKey, _time.GetUtcNow());
        _knowledge.Reload();
        _logger.LogInformation("Knowledge entry {EntryId} saved from Teams ({Kind})", id, existing is null ? "new" : "edit");
        return Task.FromResult<IReadOnlyList<string>>([]);
    }

    /// <inheritdoc />
    public Task<bool> RetireAsync(string entryId, Caller staff, CancellationToken cancellationToken)
    {
        var entry = _knowledge.Current.Find(entryId);
        if (entry is null || entry.IsPassage)
        {
            return Task.FromResult(false);
        }

        _entries.Retire(entry, staff.UserKey, _time.GetUtcNow());
        _knowledge.Reload();
        _logger.LogInformation("Knowledge entry {EntryId} retired from Teams", entryId);
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task<KnowledgeExport> ExportAsync(CancellationToken cancellationToken)
    {
        var entries = _knowledge.Current.Entries.Where(e => !e.IsPassage).ToList();
        Directory.CreateDirectory(_exportFolder);
        var path = Path.Combine(_exportFolder, $"kb-export-{_time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.yaml");
        using (var writer = new StreamWriter(path))
        {
            KnowledgeYamlWriter.Write(writer, entries);
        }

        return Task.FromResult(new KnowledgeExport(path, entries.Count));
    }

    /// <inheritdoc />
    public Task<KnowledgeReload> ReloadAsync(CancellationToken cancellationToken)
    {
        var snapshot = _knowledge.Reload();
        return Task.FromResult(new KnowledgeReload(snapshot.Entries.Count, snapshot.Issues.Select(i => i.ToString()).ToList()));
    }

    private static List<string> Split(string text)
        => text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
