using Cppcc.Dialogs.Exports;
using Cppcc.Dialogs.Root;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Exports;

/// <summary>Signed links served by <see cref="ExportEndpoint"/> at <c>/exports/{token}</c>.</summary>
public sealed class DownloadLinks : IDownloadLinks
{
    /// <summary>Where the links are served.</summary>
    public const string PathPrefix = "/exports";

    private readonly ExportTokens _tokens;
    private readonly IHttpContextAccessor _http;
    private readonly ExportsOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the link maker.</summary>
    public DownloadLinks(ExportTokens tokens, IHttpContextAccessor http, IOptions<ExportsOptions> options, TimeProvider time)
    {
        _tokens = tokens;
        _http = http;
        _options = options.Value;
        _time = time;
    }

    /// <inheritdoc />
    public DownloadLink Create(Caller staff, string kind, string subject)
    {
        var expires = _time.GetUtcNow() + _options.ExportLinkLifetime;
        return new DownloadLink($"{BaseUrl()}{PathPrefix}/{_tokens.Create(new ExportGrant(staff.UserKey, kind, subject, expires))}", expires);
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
