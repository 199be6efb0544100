using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Root;
using Microsoft.Extensions.Options;
using Microsoft.Bot.Connector;
using Cppcc.Dialogs.Framework;

namespace Cppcc.Bot.Reports;

/// <summary>
/// Filing and access over <see cref="IReportStore"/>: nothing is stored unless every check passed; contact details
/// leave it only in staff views and never reach a log line.
/// </summary>
public sealed class ReportService : IReportService
{
    private const int SimilarShown = 3;
    private const int SimilarCandidates = 500;
    private const int OwnShown = 20;

    // Compared against when a reference does not exist, so that a miss costs as much time as a wrong code.
    private static readonly (byte[] Salt, byte[] Hash) Decoy = AccessCodes.Hash(AccessCodes.Create());

    private readonly IReportStore _store;
    private readonly ReportFingerprints _fingerprints;
    private readonly IMemberSectorStore _sectors;
    private readonly ReportValidator _validator;
    private readonly PublicRateLimiter _limiter;
    private readonly ReportNotices _notices;
    private readonly ReportsOptions _options;
    private readonly TimeProvider _time;
    private readonly OfficeTime _office;
    private readonly ILogger<ReportService> _logger;

    /// <summary>Creates the service.</summary>
    public ReportService(IReportStore store, ReportFingerprints fingerprints, IMemberSectorStore sectors, ReportValidator validator, PublicRateLimiter limiter,
        ReportNotices notices, IOptions<ReportsOptions> options, TimeProvider time, OfficeTime office, ILogger<ReportService> logger)
    {
        _store = store;
        _fingerprints = fingerprints;
        _sectors = sectors;
        _validator = validator;
        _limiter = limiter;
        _notices = notices;
        _options = options.Value;
        _time = time;
        _office = office;
        _logger = logger;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReportSummary>> FindSimilarAsync(ReportDraft draft, string? excludeReference, Role viewer, CancellationToken cancellationToken)
    {
        var category = _validator.Rules.FindCategory(draft.Category);
        IReadOnlyList<ReportSummary> similar = category is null
            ? Array.Empty<ReportSummary>()
            : Similar(draft.Kind, category, Grams(draft), excludeReference, viewer);
        return Task.FromResult(similar);
    }

    /// <inheritdoc />
    public async Task<FilingResult> FileAsync(FilingRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var draft = Clean(request.Draft);
        var errors = _validator.Validate(draft, caller.Role).ToList();
        if (draft.Kind == ReportKind.Report && !caller.Has(Role.Member))
        {
            errors.Insert(0, new FieldError("kind", ReportTexts.MembersOnly));
        }

        if (errors.Count > 0)
        {
            return new FilingResult(FilingStatus.Invalid) { Errors = errors };
        }

        if (request.ReviseReference is { } revise)
        {
            return await ReviseAsync(request, draft, revise, cancellationToken);
        }

        if (caller.Role == Role.Public && !_limiter.TryFile(caller, request.ConversationId))
        {
            _logger.LogWarning("Public filing refused by the rate limit in conversation {ConversationId}", request.ConversationId);
            return new FilingResult(FilingStatus.RateLimited);
        }

        var grams = Grams(draft);
        if (FindDuplicate(caller, request.ConversationId, grams) is { } duplicate)
        {
            _logger.LogInformation("Repeated submission of {Reference} refused in conversation {ConversationId}", duplicate, request.ConversationId);
            return new FilingResult(FilingStatus.Duplicate) { Reference = duplicate };
        }

        var similar = Similar(draft.Kind, draft.Category!, grams, null, caller.Role);
        var now = _time.GetUtcNow();
        var report = NewReport(request, draft, grams, now);
        string? code = null;
        if (caller.Role == Role.Public)
        {
            code = AccessCodes.Create();
            (report.AccessCodeSalt, report.AccessCodeHash) = AccessCodes.Hash(code);
        }

        var year = _office.Year(now);
        var reference = _store.Insert(report, year);
        _fingerprints.Put(report);
        _logger.LogInformation("Filed {Reference} ({Kind}) from a {Role} caller in conversation {ConversationId}",
            reference, report.Kind, caller.Role, request.ConversationId);
        await _notices.NewReportAsync(report, cancellationToken);
        await _notices.InviteCoAuthorsAsync(report, cancellationToken);
        return new FilingResult(FilingStatus.Filed) { Reference = reference, AccessCode = code, Similar = similar };
    }

    /// <inheritdoc />
    public Task<ReportDetails?> FindForCallerAsync(Caller caller, string conversationId, string reference, string? accessCode, CancellationToken cancellationToken)
    {
        var staff = caller.Has(Role.Staff);
        if (!staff && !_limiter.TryLookUp(caller, conversationId))
        {
            // The same work and the same reply as a wrong code: a guesser must not learn that the limit, not the code, said no.
            AccessCodes.Verify(accessCode, Decoy.Salt, Decoy.Hash);
            _logger.LogWarning("Status look-up refused by the rate limit in conversation {ConversationId}", conversationId);
            return Task.FromResult<ReportDetails?>(null);
        }

        var report = _store.Find(reference);
        if (report is null)
        {
            AccessCodes.Verify(accessCode, Decoy.Salt, Decoy.Hash);
            return Task.FromResult<ReportDetails?>(null);
        }

        // Only a Teams identity proves authorship; web chat ids are whatever the browser claims.
        var author = caller.Has(Role.Member) && (report.AuthorKey == caller.UserKey || report.CoSignedKeys.Contains(caller.UserKey));
        var hasCode = AccessCodes.Verify(accessCode, report.AccessCodeSalt, report.AccessCodeHash);
        if (!staff && (author || hasCode))
        {
            // Only misses count: looking at one's own report again and again is no guessing.
            _limiter.ReturnLookUp(caller, conversationId);
        }

        return Task.FromResult(staff || author || hasCode ? ReportDetailsMapper.Map(report, staff, _sectors) : null);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReportSummary>> ListOwnAsync(Caller caller, CancellationToken cancellationToken)
    {
        IReadOnlyList<ReportSummary> own = caller.Has(Role.Member)
            ? _store.ByAuthorOrCoSigner(caller.UserKey, OwnShown).Select(r => r.ToSummary()).ToList()
            : Array.Empty<ReportSummary>();
        return Task.FromResult(own);
    }

    /// <inheritdoc />
    public Task<CosignResult> CosignAsync(Caller caller, string reference, bool accept, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var result = _store.Update(reference, report =>
        {
            if (report?.CoAuthors.Find(c => c.Key == caller.UserKey) is not { } invited)
            {
                return (false, CosignResult.NotInvited);
            }

            if (invited.Accepted is { } earlier)
            {
                return (false, earlier ? CosignResult.AlreadyAccepted : CosignResult.AlreadyDeclined);
            }

            (invited.Accepted, invited.AnsweredAt, invited.Name) = (accept, now, caller.Name);
            if (accept)
            {
                report.CoSignedKeys.Add(caller.UserKey);
            }

            return (true, accept ? CosignResult.Accepted : CosignResult.Declined);
        });
        _logger.LogInformation("Co-author answer to {Reference}: {Result}", reference, result);
        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public Task<SectorResult> SetSectorAsync(Caller caller, string sector, string? reportReference, CancellationToken cancellationToken)
    {
        var listed = _validator.Rules.FindSector(sector);
        if (listed is null)
        {
            return Task.FromResult(SectorResult.UnknownSector);
        }

        var memberKey = caller.UserKey;
        if (reportReference is not null && caller.Has(Role.Staff))
        {
            if (_store.Find(reportReference) is not { } report)
            {
                return Task.FromResult(SectorResult.UnknownReport);
            }

            memberKey = report.AuthorKey;
        }

        _sectors.Set(memberKey, listed, caller.UserKey);
        return Task.FromResult(SectorResult.Saved);
    }

    private async Task<FilingResult> ReviseAsync(FilingRequest request, ReportDraft draft, string reference, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var counted = !caller.Has(Role.Staff);
        if (counted && !_limiter.TryLookUp(caller, request.ConversationId))
        {
            // Each revision may try an access code: limited like look-ups, so codes cannot be guessed here either.
            return new FilingResult(FilingStatus.CannotRevise);
        }

        var grams = Grams(draft);
        var now = _time.GetUtcNow().UtcDateTime;
        StoredReport? revised = null;
        _store.Update(reference, report =>
        {
            // A Teams author proves authorship by identity; a public submitter only with the access code.
            var isAuthor = report is not null && ((caller.Has(Role.Member) && report.AuthorKey == caller.UserKey)
                || AccessCodes.Verify(request.AccessCode, report.AccessCodeSalt, report.AccessCodeHash));
            if (report is null || !isAuthor || report.State != ReportState.Returned || report.Kind != draft.Kind)
            {
                return (false, false);
            }

            Apply(report, draft, grams);
            report.State = ReportState.Submitted;
            report.UpdatedAt = now;
            report.History.Add(new StoredHistoryEntry
            {
                Sequence = report.History.Count + 1, At = now, From = ReportState.Returned, To = ReportState.Submitted,
                ActorKey = caller.UserKey, ActorName = caller.Name,
            });
            revised = report;
            return (true, true);
        });
        if (revised is null)
        {
            return new FilingResult(FilingStatus.CannotRevise);
        }

        if (counted)
        {
            _limiter.ReturnLookUp(caller, request.ConversationId);
        }

        _fingerprints.Put(revised);
        _logger.LogInformation("Report {Reference} resubmitted by its author", reference);
        await _notices.NewReportAsync(revised, cancellationToken);
        return new FilingResult(FilingStatus.Resubmitted) { Reference = reference, Similar = Similar(draft.Kind, draft.Category!, grams, reference, caller.Role) };
    }

    private StoredReport NewReport(FilingRequest request, ReportDraft draft, (int[] Title, int[] Text) grams, DateTimeOffset now)
    {
        var caller = request.Caller;
        var report = new StoredReport
        {
            Kind = draft.Kind, AuthorKey = caller.UserKey, AuthorName = caller.Name, AuthorRole = caller.Role.ToString(),
            ConversationId = request.ConversationId, Locale = request.Locale, State = ReportState.Submitted,
            SubmittedAt = now.UtcDateTime, UpdatedAt = now.UtcDateTime,
        };
        Apply(report, draft, grams);
        // Teams keys are the channel plus the aadObjectId, which is what the people picker submits.
        report.CoAuthors = draft.CoAuthors.Select(id => new StoredCoAuthor { Key = UserKey.For(Channels.Msteams, id).ToString() }).ToList();
        report.History.Add(new StoredHistoryEntry
        {
            Sequence = 1, At = now.UtcDateTime, To = ReportState.Submitted, ActorKey = caller.UserKey, ActorName = caller.Name,
        });
        return report;
    }

    private static void Apply(StoredReport report, ReportDraft draft, (int[] Title, int[] Text) grams)
    {
        report.Category = draft.Category!;
        report.Title = draft.Title!;
        report.Content = draft.Content!;
        report.Analysis = draft.Analysis;
        report.Suggestion = draft.Suggestion;
        report.Location = draft.Location;
        report.Anonymous = draft.Anonymous;
        report.ContactName = draft.ContactName;
        report.ContactPhone = draft.ContactPhone;
        report.TitleGrams = grams.Title;
        report.TextGrams = grams.Text;
    }

    private ReportDraft Clean(ReportDraft input)
    {
        static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        var draft = input.Clone();
        draft.Category = _validator.Rules.FindCategory(draft.Category) ?? Trim(draft.Category);
        draft.Title = Trim(draft.Title);
        draft.Content = Trim(draft.Content);
        draft.Analysis = Trim(draft.Analysis);
        draft.Suggestion = Trim(draft.Suggestion);
        draft.Location = Trim(draft.Location);
        draft.ContactName = Trim(draft.ContactName);
        draft.ContactPhone = Trim(draft.ContactPhone);
        return draft;
    }

    private static (int[] Title, int[] Text) Grams(ReportDraft draft)
        => (TextSimilarity.Fingerprint(draft.Title), TextSimilarity.Fingerprint(draft.Title + "\n" + draft.BodyText));

    /// <summary>
    /// Similar earlier submissions <paramref name="viewer"/> may see. The public sees only what is public, and no
    /// submission is marked public: a visitor is shown none, whoever filed them (members file suggestions too, and
    /// another visitor's suggestion is theirs alone). Members and staff see reports and suggestions alike.
    /// </summary>
    private IReadOnlyList<ReportSummary> Similar(ReportKind kind, string category, (int[] Title, int[] Text) grams, string? exclude, Role viewer)
        => viewer == Role.Public ? [] : _fingerprints.All
            // Member reports are internal: a suggestion is compared with other suggestions only.
            .Where(f => f.Category == category && f.Reference != exclude && (kind == ReportKind.Report || f.Kind == ReportKind.Suggestion))
            .OrderByDescending(f => f.Sequence)
            .Take(SimilarCandidates)
            .Select(f => (f.Reference, Score: Math.Max(TextSimilarity.Dice(grams.Title, f.TitleGrams), TextSimilarity.Dice(grams.Text, f.TextGrams))))
            .Where(x => x.Score >= _options.SimilarityThreshold)
            .OrderByDescending(x => x.Score)
            .Take(SimilarShown)
            .Select(x => _store.Find(x.Reference)?.ToSummary())
            .OfType<ReportSummary>()
            .ToList();

    private string? FindDuplicate(Caller caller, string conversationId, (int[] Title, int[] Text) grams)
    {
        var since = (_time.GetUtcNow() - _options.DuplicateWindow).UtcDateTime;
        // Same sender or conversation; for the public also anyone else, as spam arrives under ever new ids.
        return _fingerprints.All
            .Where(f => f.SubmittedAt >= since && (f.AuthorKey == caller.UserKey || f.ConversationId == conversationId
                || (caller.Role == Role.Public && f.AuthorRole == nameof(Role.Public))))
            .Where(f => TextSimilarity.Dice(grams.Text, f.TextGrams) >= _options.DuplicateThreshold)
            .MaxBy(f => f.Sequence)?.Reference;
    }
}
