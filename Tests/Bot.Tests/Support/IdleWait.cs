using Cppcc.Bot.Delivery;

namespace Cppcc.Bot.Tests.Support;

public static class IdleWait
{
    /// <summary>
    /// Waits until every part of proactive sending is parked (on the clock or on an empty queue): what was due has been
    /// sent and its outcome recorded. Real time only bounds the wait; it never decides an outcome.
    /// </summary>
    public static async Task WaitUntilIdleAsync(this BackgroundActivity activity, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!activity.IsIdle)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the delivery engine did not become idle");
            }

            await Task.Delay(1);
        }
    }
}
