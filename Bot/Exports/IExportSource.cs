namespace Cppcc.Bot.Exports;

/// <summary>A downloadable file.</summary>
/// <param name="Content">The bytes.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="FileName">The name the browser saves it under.</param>
public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

/// <summary>Makes the file of one kind of download link; features register one per kind they offer.</summary>
public interface IExportSource
{
    /// <summary>The kind in the link's grant, e.g. <c>attendance.csv</c>.</summary>
    string Kind { get; }

    /// <summary>The file about <paramref name="subject"/>, or null when there is no such thing (404).</summary>
    ExportFile? Create(string subject);
}
