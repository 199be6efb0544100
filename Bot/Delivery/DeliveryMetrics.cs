using System.Diagnostics.Metrics;

namespace Cppcc.Bot.Delivery;

/// <summary>Counters of the engine ("Cppcc.Bot.Delivery" meter).</summary>
public sealed class DeliveryMetrics
{
    public const string MeterName = "Cppcc.Bot.Delivery";

    private readonly Counter<long> _attempts;
    private readonly Counter<long> _outcomes;
    private readonly Histogram<double> _uncertainWindow;

    public DeliveryMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _attempts = meter.CreateCounter<long>("delivery.attempts");
        _outcomes = meter.CreateCounter<long>("delivery.outcomes");
        // From "Sending" committed to the outcome committed: a process killed inside this window may duplicate a message.
        _uncertainWindow = meter.CreateHistogram<double>("delivery.uncertain_window", "ms");
    }

    public void Attempted() => _attempts.Add(1);

    public void Finished(OutcomeKind kind) => _outcomes.Add(1, new KeyValuePair<string, object?>("outcome", kind.ToString()));

    public void UncertainFor(TimeSpan window) => _uncertainWindow.Record(window.TotalMilliseconds);
}
