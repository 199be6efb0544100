using Cppcc.Bot.Hosting;
using Cppcc.Bot.Reminders;
using Cppcc.Bot.Roles;
using Cppcc.Bot.Storage;
using Microsoft.Extensions.Configuration;

namespace Cppcc.Bot.Tests.Hosting;

public sealed class ConfigurationValuesTests
{
    [Fact]
    public void Every_options_class_with_a_section_is_checked()
    {
        var types = ConfigurationValues.OptionsSections.Select(s => s.Type).ToList();

        Assert.Contains(typeof(RemindersOptions), types);
        Assert.Contains(typeof(StaffOptions), types);
        Assert.Contains(typeof(StorageOptions), types);
        Assert.True(types.Count >= 12, string.Join(", ", types.Select(t => t.Name)));
    }

    [Fact]
    public void The_shipped_settings_pass()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Support.BotFactory.RepositoryRoot, "appsettings.json"))
            .Build();

        ConfigurationValues.Check(configuration); // throws on a problem
    }

    [Theory]
    [InlineData("Reminders:LeadTimes:0", "abc", "Reminders:LeadTimes:0")]
    [InlineData("Reminders:CheckInterval", "1s", "Reminders:CheckInterval")]
    [InlineData("WebChat:Enabled", "yes please", "WebChat:Enabled")]
    [InlineData("KnowledgeBase:AnswerThreshold", "0,5", "KnowledgeBase:AnswerThreshold")]
    [InlineData("Reminders:LeadTimes", "1.00:00:00", "Reminders:LeadTimes")]
    public void A_value_that_does_not_fit_its_setting_is_named(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value })
            .Build();

        var problem = Assert.Throws<StartupProblem>(() => ConfigurationValues.Check(configuration));

        Assert.Contains(named, problem.Message);
        Assert.Equal(StartupExitCode.Configuration, problem.ExitCode);
        Assert.DoesNotContain('\n', problem.Message);
    }

    [Theory]
    [InlineData("Reminders:LeadTimes:0", "2.00:00:00")]
    [InlineData("Staff:UserIds:0", "aad-1")]
    [InlineData("KnowledgeBase:AnswerThreshold", "0.6")]
    [InlineData("Reports:SomethingNew", "x")]
    [InlineData("Logging:LogLevel:Default", "Warning")]
    public void Fitting_or_foreign_values_pass(string key, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value })
            .Build();

        ConfigurationValues.Check(configuration);
    }
}
