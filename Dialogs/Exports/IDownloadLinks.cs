using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Exports;

/// <summary>A signed download link and when it stops working.</summary>
/// <param name="Url">Absolute URL of the file.</param>
/// <param name="ExpiresAt">When the link stops working.</param>
public sealed record DownloadLink(string Url, DateTimeOffset ExpiresAt);

/// <summary>Makes short-lived download links that work for staff only (the host serves them at <c>/exports/{token}</c>).</summary>
public interface IDownloadLinks
{
    /// <summary>A link to the file of <paramref name="kind"/> (e.g. <c>attendance.csv</c>) about <paramref name="subject"/> (e.g. a session id).</summary>
    DownloadLink Create(Caller staff, string kind, string subject);
}
