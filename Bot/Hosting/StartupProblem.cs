namespace Cppcc.Bot.Hosting;

/// <summary>
/// A reason the bot must not start that the operator can fix: printed as its one-line message (no stack trace) and
/// the process exits with <see cref="ExitCode"/>.
/// </summary>
public sealed class StartupProblem(StartupExitCode exitCode, string message) : Exception(message)
{
    /// <summary>The process exit code for this kind of problem.</summary>
    public StartupExitCode ExitCode { get; } = exitCode;
}
