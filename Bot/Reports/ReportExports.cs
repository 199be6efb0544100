using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Root;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Reports;

/// <summary>Download links for the assessment export, served by <see cref="ReportExportEndpoint"/> at <c>/exports/{token}</c>.</summary>
public sealed class ReportExports : IReportExports
{
    /// <summary>Where the links are served.</summary>
    public const string PathPrefix = "/exports";

    private readonly ExportTokens _tokens;
    private readonly IHttpContextAccessor _http;
    private readonly ReportsOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the link maker.</summary>
    public ReportExports(ExportTokens tokens, IHttpContextAccessor http, IOptions<ReportsOptions> options, TimeProvider time)
    {
        _tokens = tokens;
        _http = http;
        _options = options.Value;
        _time = time;
    }

    /// <inheritdoc />
    public ExportLinks CreateLinks(Caller staff, ReportPeriod period)
    {
        var expires = _time.GetUtcNow() + _options.ExportLinkLifetime;
        string Link(string format) => $"{BaseUrl()}{PathPrefix}/{_tokens.Create(new ExportGrant(staff.UserKey, format, period, expires))}";
        return new ExportLinks(Link("csv"), Link("xlsx"), expires);
    }

    private string BaseUrl()
    {
        if (_options.PublicBaseUrl.Length > 0)
        {
            return _options.PublicBaseUrl.TrimEnd('/');
        }

        // The turn arrived on /api/messages of this host: the same host serves the download.
        var request = _http.HttpContext?.Request;
        return request is null ? "" : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
