using Cppcc.Dialogs.Framework.Prompts;

namespace Cppcc.Dialogs.Framework;

/// <summary>
/// The office's working language and time zone. Replies use them whatever the client's locale or zone: a Teams
/// client set to English must not turn the labels around Chinese content into English.
/// </summary>
/// <param name="Language"><c>zh-CN</c> or <c>en</c>.</param>
/// <param name="TimeZone">The zone times are shown in.</param>
public sealed record OfficeSettings(string Language, TimeZoneInfo TimeZone)
{
    /// <summary>The languages a user or the office may choose.</summary>
    public static readonly IReadOnlyList<string> Languages = new[] { "zh-CN", "en" };

    /// <summary>Chinese, China time.</summary>
    public static OfficeSettings Default { get; } = new("zh-CN", DateTimeText.ChinaStandardTime);
}
