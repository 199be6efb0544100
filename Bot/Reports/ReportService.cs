using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Connector;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Reports;

/// <summary>
/// Filing and access over <see cref="IReportStore"/>: nothing is stored unless every check passed; contact details
/// leave it only in staff views and never reach a log line.
/// </summary>
public sealed class ReportService(IReportStore store, ReportFingerprints fingerprints, IMemberSectorStore sectors, ReportValidator validator,
    PublicRateLimiter limiter, ReportNotices notices, IOptions<ReportsOptions> options, TimeProvider time, OfficeTime office, ILogger<ReportService> logger) : IReportService
{
    private const int SimilarShown = 3;
    private const int SimilarCandidates = 500;
    private const int OwnShown = 20;

    // Compared against when a reference does not exist, so that a miss costs as much time as a wrong code.
    private static readonly (byte[] Salt, byte[] Hash) Decoy = AccessCodes.Hash(AccessCodes.Create());

    private readonly ReportsOptions _options = options.Value;

    /// <inheritdoc />
    public IReadOnlyList<ReportSummary> FindSimilar(ReportDraft draft, string? excludeReference, Role viewer)
        => validator.Rules.FindCategory(draft.Category) is { } category ? Similar(draft.Kind, category, Grams(draft), excludeReference, viewer) : [];

    /// <inheritdoc />
    public async Task<FilingResult> FileAsync(FilingRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var draft = Clean(request.Draft);
        var errors = validator.Validate(draft, caller.Role);
        if (errors.Count > 0)
        {
            return new FilingResult(FilingStatus.Invalid) { Errors = errors };
        }

        if (request.ReviseReference is { } revise)
        {
            return await ReviseAsync(request, draft, revise, cancellationToken);
        }

        if (caller.Role == Role.Public && !limiter.TryFile(caller, request.ConversationId))
        {
            logger.LogWarning("Public filing refused by the rate limit in conversation {ConversationId}", request.ConversationId);
            return new FilingResult(FilingStatus.RateLimited);
        }

        var grams = Grams(draft);
        if (FindDuplicate(caller, request.ConversationId, grams) is { } duplicate)
        {
            logger.LogInformation("Repeated submission of {Reference} refused in conversation {ConversationId}", duplicate.Reference, request.ConversationId);
            // Someone else's filing is theirs: its reference is not told to a stranger who happens to send the same text.
            return new FilingResult(FilingStatus.Duplicate) { Reference = duplicate.Own ? duplicate.Reference : null };
        }

        var similar = Similar(draft.Kind, draft.Category!, grams, null, caller.Role);
        var now = time.GetUtcNow();
        var report = NewReport(request, draft, grams, now);
        string? code = null;
        if (caller.Role == Role.Public)
        {
            code = AccessCodes.Create();
            (report.AccessCodeSalt, report.AccessCodeHash) = AccessCodes.Hash(code);
        }

        var year = office.Year(now);
        var reference = store.Insert(report, year);
        fingerprints.Put(report);
        logger.LogInformation("Filed {Reference} ({Kind}) from a {Role} caller in conversation {ConversationId}",
            reference, report.Kind, caller.Role, request.ConversationId);
        await notices.NewReportAsync(report, cancellationToken);
        await notices.InviteCoAuthorsAsync(report, cancellationToken);
        return new FilingResult(FilingStatus.Filed) { Reference = reference, AccessCode = code, Similar = similar };
    }

    /// <inheritdoc />
    public ReportDetails? FindForCaller(Caller caller, string conversationId, string reference, string? accessCode)
    {
        var staff = caller.Has(Role.Staff);
        if (!staff && !limiter.TryLookUp(caller, conversationId))
        {
            // The same work and the same reply as a wrong code: a guesser must not learn that the limit, not the code, said no.
            AccessCodes.Verify(accessCode, Decoy.Salt, Decoy.Hash);
            logger.LogWarning("Status look-up refused by the rate limit in conversation {ConversationId}", conversationId);
            return null;
        }

        var report = store.Find(reference);
        if (report is null)
        {
            AccessCodes.Verify(accessCode, Decoy.Salt, Decoy.Hash);
            return null;
        }

        // Only a Teams identity proves authorship; web chat ids are whatever the browser claims.
        var author = caller.Has(Role.Member) && (report.AuthorKey == caller.UserKey || report.CoSignedKeys.Contains(caller.UserKey));
        var hasCode = AccessCodes.Verify(accessCode, report.AccessCodeSalt, report.AccessCodeHash);
        if (!staff && (author || hasCode))
        {
            // Only misses count: looking at one's own report again and again is no guessing.
            limiter.ReturnLookUp(caller, conversationId);
        }

        return staff || author || hasCode ? ReportDetailsMapper.Map(report, staff, sectors) : null;
    }

    /// <inheritdoc />
    public IReadOnlyList<ReportSummary> ListOwn(Caller caller)
        => caller.Has(Role.Member) ? store.ByAuthorOrCoSigner(caller.UserKey, OwnShown).Select(r => r.ToSummary()).ToList() : [];

    /// <inheritdoc />
    public CosignResult Cosign(Caller caller, string reference, bool accept)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var result = store.Update(reference, report =>
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
        logger.LogInformation("Co-author answer to {Reference}: {Result}", reference, result);
        return result;
    }

    /// <inheritdoc />
    public SectorResult SetSector(Caller caller, string sector, string? reportReference)
    {
        var listed = validator.Rules.FindSector(sector);
        if (listed is null)
        {
            return SectorResult.UnknownSector;
        }

        var memberKey = caller.UserKey;
        if (reportReference is not null && caller.Has(Role.Staff))
        {
            if (store.Find(reportReference) is not { } report)
            {
                return SectorResult.UnknownReport;
            }

            memberKey = report.AuthorKey;
        }

        sectors.Set(memberKey, listed, caller.UserKey);
        return SectorResult.Saved;
    }

    private async Task<FilingResult> ReviseAsync(FilingRequest request, ReportDraft draft, string reference, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var counted = !caller.Has(Role.Staff);
        if (counted && !limiter.TryLookUp(caller, request.ConversationId))
        {
            // Each revision may try an access code: limited like look-ups, so codes cannot be guessed here either.
            return new FilingResult(FilingStatus.CannotRevise);
        }

        var grams = Grams(draft);
        var now = time.GetUtcNow().UtcDateTime;
        StoredReport? revised = null;
        store.Update(reference, report =>
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
                Sequence = report.History.Count + 1,
                At = now,
                From = ReportState.Returned,
                To = ReportState.Submitted,
                ActorKey = caller.UserKey,
                ActorName = caller.Name,
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
            limiter.ReturnLookUp(caller, request.ConversationId);
        }

        fingerprints.Put(revised);
        logger.LogInformation("Report {Reference} resubmitted by its author", reference);
        await notices.NewReportAsync(revised, cancellationToken);
        return new FilingResult(FilingStatus.Resubmitted) { Reference = reference, Similar = Similar(draft.Kind, draft.Category!, grams, reference, caller.Role) };
    }

    private StoredReport NewReport(FilingRequest request, ReportDraft draft, (int[] Title, int[] Text) grams, DateTimeOffset now)
    {
        var caller = request.Caller;
        var report = new StoredReport
        {
            Kind = draft.Kind,
            AuthorKey = caller.UserKey,
            AuthorName = caller.Name,
            AuthorRole = caller.Role.ToString(),
            ConversationId = request.ConversationId,
            Locale = request.Locale,
            State = ReportState.Submitted,
            SubmittedAt = now.UtcDateTime,
            UpdatedAt = now.UtcDateTime,
        };
        Apply(report, draft, grams);
        // Teams keys are the channel plus the aadObjectId, which is what the people picker submits.
        report.CoAuthors = draft.CoAuthors.Select(id => new StoredCoAuthor { Key = UserKey.For(Channels.Msteams, id).ToString() }).ToList();
        report.History.Add(new StoredHistoryEntry
        {
            Sequence = 1,
            At = now.UtcDateTime,
            To = ReportState.Submitted,
            ActorKey = caller.UserKey,
            ActorName = caller.Name,
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
        draft.Category = validator.Rules.FindCategory(draft.Category) ?? Trim(draft.Category);
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
        => viewer == Role.Public ? [] : fingerprints.All
            // Member reports are internal: a suggestion is compared with other suggestions only.
            .Where(f => f.Category == category && f.Reference != exclude && (kind == ReportKind.Report || f.Kind == ReportKind.Suggestion))
            .OrderByDescending(f => f.Sequence)
            .Take(SimilarCandidates)
            .Select(f => (f.Reference, Score: Math.Max(TextSimilarity.Dice(grams.Title, f.TitleGrams), TextSimilarity.Dice(grams.Text, f.TextGrams))))
            .Where(x => x.Score >= _options.SimilarityThreshold)
            .OrderByDescending(x => x.Score)
            .Take(SimilarShown)
            .Select(x => store.Find(x.Reference)?.ToSummary())
            .OfType<ReportSummary>()
            .ToList();

    private (string Reference, bool Own)? FindDuplicate(Caller caller, string conversationId, (int[] Title, int[] Text) grams)
    {
        var since = (time.GetUtcNow() - _options.DuplicateWindow).UtcDateTime;
        // Same sender or conversation; for the public also anyone else, as spam arrives under ever new ids.
        var found = fingerprints.All
            .Where(f => f.SubmittedAt >= since && (f.AuthorKey == caller.UserKey || f.ConversationId == conversationId
                || (caller.Role == Role.Public && f.AuthorRole == nameof(Role.Public))))
            .Where(f => TextSimilarity.Dice(grams.Text, f.TextGrams) >= _options.DuplicateThreshold)
            .MaxBy(f => f.Sequence);
        return found is null ? null : (found.Reference, found.AuthorKey == caller.UserKey || found.ConversationId == conversationId);
    }
}
