namespace Cppcc.Browser.Tests;

/// <summary>A fact that is skipped, saying why, where Debian's Chromium is not installed (test.sh installs it as root).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
        {
            Skip = $"{ExecutablePath} is missing: apt-get install -y chromium fonts-noto-cjk";
        }
    }
}
