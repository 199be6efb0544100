using Cppcc.Dialogs.Framework;
using Microsoft.Extensions.Time.Testing;

namespace Cppcc.Dialogs.Tests.Framework;

public class OfficeTimeTests
{
    // 31 December 2026, 20:00 UTC: 1 January 2027, 04:00 in China.
    private static readonly DateTimeOffset NewYearsEve = new(2026, 12, 31, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_default_office_reads_the_clock_in_China_time()
    {
        var office = new OfficeTime(new FakeTimeProvider(NewYearsEve), OfficeSettings.Default);

        Assert.Equal((2027, new DateOnly(2027, 1, 1), 4, TimeSpan.FromHours(8)), (office.ThisYear, office.Today, office.Now.Hour, office.Now.Offset));
        Assert.Equal(NewYearsEve, office.UtcNow);
    }

    [Fact]
    public void An_office_in_another_zone_reads_the_same_instant_in_its_own_zone()
    {
        var office = new OfficeTime(new FakeTimeProvider(NewYearsEve), new OfficeSettings("zh-CN", OfficeSettings.FindZone("UTC")!));

        Assert.Equal((2026, new DateOnly(2026, 12, 31), 20), (office.ThisYear, office.Today, office.Now.Hour));
        Assert.Equal(2027, office.Year(NewYearsEve.AddHours(4)));
    }
}
