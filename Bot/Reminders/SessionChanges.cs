using System.Threading.Channels;

namespace Cppcc.Bot.Reminders;

/// <summary>A wake-up for whoever mirrors sessions elsewhere (the Outlook calendars): a session was created, moved or cancelled.</summary>
public sealed class SessionChanges
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Says something changed (never blocks; several changes before the next read wake the reader once).</summary>
    public void Notify() => _signal.Writer.TryWrite(true);

    /// <summary>Waits for the next change, or until <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _signal.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the timeout: a periodic pass
        }
    }
}
