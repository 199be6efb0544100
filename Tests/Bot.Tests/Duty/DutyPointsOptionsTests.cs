using Cppcc.Bot.Duty;
using Cppcc.Bot.Hosting;
using Cppcc.Dialogs.Duty;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Tests.Duty;

public sealed class DutyPointsOptionsTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddDuty().BuildServiceProvider();
    }

    [Fact]
    public void The_conversation_counts_with_the_configured_points_and_the_defaults_for_the_rest()
    {
        using var services = Services(new() { ["DutyPoints:Filed"] = "2", ["DutyPoints:AbsentWithoutLeave"] = "0" });

        var rules = services.GetRequiredService<DutyPointsRules>();

        Assert.Equal((2, 0, 5), (rules.Filed, rules.AbsentWithoutLeave, rules.AdoptedCity));
    }

    [Theory]
    [InlineData("DutyPoints:Filed", "101", "Filed")]
    [InlineData("DutyPoints:AbsentWithoutLeave", "2", "AbsentWithoutLeave")]
    public void Points_out_of_range_stop_the_start_naming_the_setting(string key, string value, string named)
    {
        using var services = Services(new() { [key] = value });

        var problem = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DutyPointsOptions>>().Value);

        Assert.Contains(named, problem.Message);
    }

    [Fact]
    public void Points_that_are_not_a_number_are_named_by_the_start_up_check()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DutyPoints:Instruction"] = "twelve" }).Build();

        var problem = Assert.Throws<StartupProblem>(() => ConfigurationValues.Check(configuration));

        Assert.Contains("DutyPoints:Instruction", problem.Message);
    }
}
