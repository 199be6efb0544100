using System.Globalization;

namespace Cppcc.Benchmarks.WebChat;

/// <summary>One measured phase: completed operations, their latencies, errors, and the bot's CPU time meanwhile.</summary>
internal sealed record PhaseResult(string Name, double Seconds, double[] LatenciesMs, int Errors, TimeSpan? BotCpu, string Note = "")
{
    public double PerSecond => LatenciesMs.Length / Seconds;

    /// <summary>Bot CPU per completed operation, in milliseconds (the cost figure that other load on the machine moves least).</summary>
    public double? CpuMsPerOperation => BotCpu is { } cpu && LatenciesMs.Length > 0 ? cpu.TotalMilliseconds / LatenciesMs.Length : null;

    /// <summary>Slices of one path measured in turns with another path's, added up.</summary>
    public static PhaseResult Sum(IReadOnlyList<PhaseResult> slices) => new(
        slices[0].Name, slices.Sum(s => s.Seconds), slices.SelectMany(s => s.LatenciesMs).ToArray(), slices.Sum(s => s.Errors),
        slices.All(s => s.BotCpu is not null) ? TimeSpan.FromTicks(slices.Sum(s => s.BotCpu!.Value.Ticks)) : null, slices[0].Note);

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public static string Header => $"{"path",-52} {"per s",7} {"p50 ms",8} {"p99 ms",8} {"bot CPU ms/op",14} {"errors",7}";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-52} {PerSecond,7:F1} {Percentile(50),8:F1} {Percentile(99),8:F1} {CpuMsPerOperation?.ToString("F2", CultureInfo.InvariantCulture) ?? "n/a",14} {Errors,7}{Note}");
}
