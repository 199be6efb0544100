namespace Cppcc.Bot.Delivery;

/// <summary>One item's hold on the in-flight places: entered before an attempt, released once (idempotent) when its outcome is committed.</summary>
internal sealed class InFlightSlot(ParkingSemaphore places)
{
    private int _held;

    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _held) == 1)
        {
            return;
        }

        await places.WaitAsync(cancellationToken);
        Volatile.Write(ref _held, 1);
    }

    public void Release()
    {
        if (Interlocked.Exchange(ref _held, 0) == 1)
        {
            places.Release();
        }
    }
}
