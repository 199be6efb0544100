namespace Cppcc.Bot.Hosting;

/// <summary>Limits of the HTTP endpoints.</summary>
public sealed class HostingOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Hosting";

    /// <summary>
    /// Largest accepted body on <c>/api/messages</c>. Teams activities with cards stay well below it; anything larger
    /// gets 413 before it is parsed.
    /// </summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;
}
