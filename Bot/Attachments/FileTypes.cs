using System.IO.Compression;
using System.Text;

namespace Cppcc.Bot.Attachments;

/// <summary>A file type the bot keeps: its media type and the extension files are saved with.</summary>
/// <param name="ContentType">Media type served to staff.</param>
/// <param name="Extension">With the dot.</param>
public sealed record FileType(string ContentType, string Extension);

/// <summary>
/// What a file really is, read from its first bytes (never from its name or the type the sender claims): images
/// (JPEG, PNG, GIF, WebP), PDF, and Office documents (Word, Excel, PowerPoint; the OOXML zip by its parts, the old
/// binary formats by their compound-file signature). Anything else is refused.
/// </summary>
public static class FileTypes
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The type of <paramref name="bytes"/>, or null when it is not one the bot keeps.</summary>
    public static FileType? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Png))
        {
            return new("image/png", ".png");
        }

        if (bytes.StartsWith(Jpeg))
        {
            return new("image/jpeg", ".jpg");
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return new("image/gif", ".gif");
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return new("image/webp", ".webp");
        }

        if (bytes.StartsWith(Pdf))
        {
            return new("application/pdf", ".pdf");
        }

        if (bytes.StartsWith(CompoundFile))
        {
            // Word 97-2003, Excel 97-2003 and PowerPoint 97-2003 share this container; served as a generic download.
            return new("application/octet-stream", ".doc");
        }

        return bytes.StartsWith(Zip) ? OfficeZip(bytes) : null;
    }

    /// <summary>An OOXML document is a zip with <c>[Content_Types].xml</c> and a word/, xl/ or ppt/ part; other zips are refused.</summary>
    private static FileType? OfficeZip(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes.ToArray()), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)))
            {
                return new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
            }

            if (names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)))
            {
                return new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
            }

            return names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal))
                ? new("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx")
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>A name safe to keep and to offer in a download: no folders, no control characters, at most 80 characters.</summary>
    public static string SafeName(string? name, FileType type)
    {
        var bare = Path.GetFileNameWithoutExtension(Path.GetFileName((name ?? "").Replace('\\', '/')));
        var builder = new StringBuilder();
        // Format characters too: a right-to-left override would show "gnp.exe" for "exe.png".
        foreach (var c in bare.Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format
                     && c is not ('/' or '|' or '"')).Take(80))
        {
            builder.Append(c);
        }

        return (builder.Length == 0 ? "附件" : builder.ToString()) + type.Extension;
    }
}
