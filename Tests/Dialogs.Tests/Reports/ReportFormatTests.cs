using Cppcc.Dialogs.Reports;

namespace Cppcc.Dialogs.Tests.Reports;

public class ReportFormatTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;")]
    [InlineData("[点我](javascript:alert(1))", "\\[点我\\]\\(javascript\\:alert\\(1\\)\\)")]
    [InlineData("**粗体** _斜体_ `代码`", "\\*\\*粗体\\*\\* \\_斜体\\_ \\`代码\\`")]
    [InlineData("普通的中文标题", "普通的中文标题")]
    public void User_text_in_replies_is_escaped_so_it_shows_as_typed(string typed, string escaped)
        => Assert.Equal(escaped, ReportFormat.Markdown(typed));

    [Theory]
    [InlineData("SQ-2026-000001", true)]
    [InlineData("JY-2026-123456", true)]
    [InlineData("XX-2026-000001", false)]
    [InlineData("SQ-2026-00001", false)]
    [InlineData("SQ-20a6-000001", false)]
    [InlineData("SQ-2026_000001", false)]
    public void References_have_one_shape(string text, bool valid) => Assert.Equal(valid, ReportFormat.IsReference(text));

    [Theory]
    [InlineData("", "2026-01-01", "2026-12-31")]
    [InlineData("2025", "2025-01-01", "2025-12-31")]
    [InlineData("2026-02", "2026-02-01", "2026-02-28")]
    [InlineData("2026-01-01 2026-06-30", "2026-01-01", "2026-06-30")]
    [InlineData("2026-01-01至2026-06-30", "2026-01-01", "2026-06-30")]
    public void Periods_are_read_as_staff_type_them(string text, string from, string to)
    {
        Assert.True(ReportPeriod.TryParse(text, 2026, out var period));
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), (period.From, period.To));
    }

    [Theory]
    [InlineData("去年")]
    [InlineData("2026-06-30 2026-01-01")]
    [InlineData("2026-13")]
    public void Bad_periods_are_refused(string text) => Assert.False(ReportPeriod.TryParse(text, 2026, out _));
}
