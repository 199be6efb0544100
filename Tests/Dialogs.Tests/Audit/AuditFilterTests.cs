using Cppcc.Dialogs.Audit;
using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.Tests.Audit;

public class AuditFilterTests
{
    // 31 December 2026, 20:00 UTC: already 1 January 2027 in China, 2:00 in Urumqi.
    private static readonly AuditEntry NewYearsEve = new(1, new DateTimeOffset(2026, 12, 31, 20, 0, 0, TimeSpan.Zero),
        "teams:aad-staff", "王干部", "report.transition", "SQ-2026-000001", "submitted", "accepted");

    [Theory]
    [InlineData("Asia/Shanghai", "2027-01-01", true)]
    [InlineData("Asia/Shanghai", "2026-12-31", false)]
    [InlineData("Asia/Urumqi", "2027-01", true)]
    [InlineData("UTC", "2026-12-31", true)]
    [InlineData("UTC", "2027-01-01", false)]
    public void A_day_is_a_day_of_the_office_zone(string zone, string day, bool matches)
    {
        var office = new OfficeTime(TimeProvider.System, new OfficeSettings("zh-CN", OfficeSettings.FindZone(zone)!));

        Assert.True(AuditFilter.TryParse(day, office, out var filter));
        Assert.Equal(matches, filter.Matches(NewYearsEve));
    }
}
