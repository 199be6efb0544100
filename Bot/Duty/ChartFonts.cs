using System.Diagnostics;
using ScottPlot;
using SkiaSharp;

namespace Cppcc.Bot.Duty;

/// <summary>
/// The Chinese font of the charts. ScottPlot draws with SkiaSharp's native build without fontconfig, which knows no
/// system fonts by family name, so the file of "Noto Sans CJK SC" (Debian: fonts-noto-cjk) is asked of fontconfig
/// (<c>fc-list</c>) once and loaded by path and face index (the .ttc holds the JP, KR, SC, TC and HK faces).
/// Without it the charts still render, with ScottPlot's default font (Chinese shows as boxes), and one warning is logged.
/// </summary>
public sealed class ChartFonts
{
    /// <summary>The family asked for.</summary>
    public const string Family = "Noto Sans CJK SC";

    private readonly Lazy<string?> _name;

    /// <summary>Creates the finder; the lookup happens at the first chart.</summary>
    public ChartFonts(ILogger<ChartFonts> logger) => _name = new Lazy<string?>(() => Register(logger));

    /// <summary>The font name to give ScottPlot, or null when the Chinese font is missing.</summary>
    public string? Name => _name.Value;

    private static string? Register(ILogger logger)
    {
        var regular = Find("Regular");
        if (regular is null)
        {
            logger.LogWarning("Chart font {Family} not found through fontconfig (install fonts-noto-cjk); charts use the default font", Family);
            return null;
        }

        var bold = Find("Bold") ?? regular;
        Fonts.FontResolvers.Add(new FileFontResolver(Family, regular.Value, bold.Value));
        return Family;
    }

    /// <summary>(file, face index) of the style, from <c>fc-list</c>; null when fontconfig or the font is absent.</summary>
    private static (string File, int Index)? Find(string style)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("fc-list", ["-f", "%{file}|%{index}\\n", $"{Family}:style={style}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(5000);
            var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            var parts = line?.Split('|');
            return parts is { Length: 2 } && File.Exists(parts[0]) && int.TryParse(parts[1], out var index) ? (parts[0], index) : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    /// <summary>Hands ScottPlot the typeface for our family name (each face loaded once); other names go to the next resolver.</summary>
    private sealed class FileFontResolver : IFontResolver
    {
        private readonly string _family;
        private readonly Lazy<SKTypeface?> _regular;
        private readonly Lazy<SKTypeface?> _bold;

        public FileFontResolver(string family, (string File, int Index) regular, (string File, int Index) bold)
        {
            _family = family;
            _regular = new Lazy<SKTypeface?>(() => SKTypeface.FromFile(regular.File, regular.Index));
            _bold = new Lazy<SKTypeface?>(() => SKTypeface.FromFile(bold.File, bold.Index));
        }

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic)
            => fontName == _family ? (bold ? _bold : _regular).Value : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing)
            => fontName == _family ? (weight >= FontWeight.SemiBold ? _bold : _regular).Value : null;
    }
}
