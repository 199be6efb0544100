namespace Cppcc.Bot.Tests.Support;

/// <summary>
/// Tests that measure real timing (send pacing) or load the CPU hard (crash runs) run in this collection: alone, after
/// the parallel tests, so neither disturbs the other's timing on a 2-core machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "runs alone";
}
