using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Tests.Reports;

/// <summary>In-memory stand-in for the host's report service: records filings and answers like the real one would.</summary>
public sealed class FakeReports : IReportService, IReportReview, IReportExports
{
    public List<FilingRequest> Filed { get; } = new();

    public List<ReportSummary> SimilarToReturn { get; } = new();

    public IReadOnlyList<ReportSummary> FindSimilar(ReportDraft draft, string? excludeReference, Role viewer)
        => SimilarToReturn.ToList();

    public Task<FilingResult> FileAsync(FilingRequest request, CancellationToken cancellationToken)
    {
        Filed.Add(request);
        var prefix = request.Draft.Kind.Prefix();
        return Task.FromResult(new FilingResult(FilingStatus.Filed)
        {
            Reference = $"{prefix}-2026-{Filed.Count:D6}",
            AccessCode = request.Caller.Role == Role.Public ? "ABCD2345" : null,
        });
    }

    public ReportDetails? FindForCaller(Caller caller, string conversationId, string reference, string? accessCode)
        => null;

    public IReadOnlyList<ReportSummary> ListOwn(Caller caller)
        => Array.Empty<ReportSummary>();

    public CosignResult Cosign(Caller caller, string reference, bool accept)
        => CosignResult.NotInvited;

    public SectorResult SetSector(Caller caller, string sector, string? reportReference)
        => SectorResult.Saved;

    public ReportPage List(ReportQuery query, int pageSize)
        => new ReportPage(Array.Empty<ReportSummary>(), 1, 1, 0);

    public Task<TransitionResult> TransitionAsync(Caller staff, TransitionRequest request, CancellationToken cancellationToken)
        => Task.FromResult(new TransitionResult(TransitionStatus.NotFound));

    public ReportStatistics Statistics(ReportPeriod period)
        => new ReportStatistics(period, Array.Empty<ReportCounts>(), Array.Empty<ReportCounts>(), 0);

    public ExportLinks CreateLinks(Caller staff, ReportPeriod period)
        => new("http://x/csv", "http://x/xlsx", DateTimeOffset.UnixEpoch);

    /// <summary>Registers the feature over this fake, with small limits that make the length tests short.</summary>
    public void Register(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IReportService>(services, this);
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IReportReview>(services, this);
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IReportExports>(services, this);
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services,
            new ReportRules { Categories = new[] { "教育", "城乡建设", "其他" }, MaxTitleLength = 20, MaxContentLength = 60 });
        services.AddReportsConversation();
    }
}
