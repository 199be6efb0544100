namespace Cppcc.Bot.Exports;

/// <summary>
/// Settings of staff download links. The keys stay in section <c>Reports</c> (<c>Reports:ExportLinkLifetime</c>,
/// <c>Reports:PublicBaseUrl</c>), where the first export introduced them.
/// </summary>
public sealed class ExportsOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Reports";

    /// <summary>How long a download link works.</summary>
    public TimeSpan ExportLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Base URL for download links (e.g. <c>https://bot.example.org</c>); empty = the host the request came to.</summary>
    public string PublicBaseUrl { get; set; } = "";
}
