using Cppcc.Dialogs.Exports;
using Cppcc.Dialogs.Root;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Exports;

/// <summary>Signed links served by <see cref="ExportEndpoint"/> at <c>/exports/{token}</c>.</summary>
public sealed class DownloadLinks(ExportTokens tokens, IHttpContextAccessor http, IOptions<ExportsOptions> options, TimeProvider time)
    : IDownloadLinks
{
    /// <summary>Where the links are served.</summary>
    public const string PathPrefix = "/exports";

    /// <inheritdoc />
    public DownloadLink Create(Caller staff, string kind, string subject)
    {
        var expires = time.GetUtcNow() + options.Value.ExportLinkLifetime;
        return new DownloadLink($"{BaseUrl()}{PathPrefix}/{tokens.Create(new ExportGrant(staff.UserKey, kind, subject, expires))}", expires);
    }

    private string BaseUrl()
    {
        if (options.Value.PublicBaseUrl.Length > 0)
        {
            return options.Value.PublicBaseUrl.TrimEnd('/');
        }

        // The turn arrived on /api/messages of this host: the same host serves the download.
        var request = http.HttpContext?.Request;
        return request is null ? "" : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
