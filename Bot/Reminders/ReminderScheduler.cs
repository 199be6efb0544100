using Cppcc.Bot.Audiences;
using Cppcc.Bot.Delivery;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Sessions;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Reminders;

/// <summary>
/// Every <see cref="RemindersOptions.CheckInterval"/> (TimeProvider-driven): queues due reminders (the missed one too
/// after downtime, if the session has not begun) and creates the next occurrence of recurring sessions. Reminders are
/// marked per lead time after queueing; the delivery job id (session, revision, lead) makes a repeat after a crash
/// harmless, so no member gets the same reminder twice.
/// </summary>
public sealed class ReminderScheduler(ISessionStore sessions, AudienceResolver audiences, DeliveryQueue queue,
    IOptions<RemindersOptions> options, TimeProvider time, OfficeTime office, BackgroundActivity activity, ILogger<ReminderScheduler> logger) : BackgroundService
{
    /// <summary>The scheduler counts as working from its start until it first waits for the next check.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        activity.Enter();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Tick();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage not answering fails every pass alike: one line each, not a stack trace every second.
                logger.LogWarning("Reminder check failed, trying again: {Error}", e.Message);
            }
            await activity.DelayAsync(options.Value.CheckInterval, time, stoppingToken);
        }
    }

    /// <summary>One pass: successors of recurring sessions, then due reminders.</summary>
    public void Tick()
    {
        var now = time.GetUtcNow();
        foreach (var started in sessions.StartedWithoutSuccessor(now))
        {
            CreateSuccessor(started);
        }

        foreach (var session in sessions.StartingAfter(now))
        {
            var plan = ReminderPlanner.For(session, options.Value.EffectiveLeadTimes, now);
            if (plan.FireNow is not { } lead)
            {
                continue;
            }

            var count = 0;
            // Every instance checks; the store lets one of them queue it (the others find it recorded).
            if (!sessions.RemindOnce(session, lead, plan.Skip, () => count = Fire(session, lead)))
            {
                continue;
            }

            logger.LogInformation("Reminder {Lead} before session {SessionId} queued for {Count} members ({Skipped} earlier ones missed)",
                lead, session.Id, count, plan.Skip.Count);
        }
    }

    private int Fire(StudySession session, TimeSpan lead)
    {
        if (audiences.Resolve(session.Audience) is not var (reachable, _))
        {
            logger.LogWarning("Session {SessionId} names an audience that no longer exists", session.Id);
            return 0;
        }
        var jobId = $"{SessionService.ReminderJobPrefix(session.Id)}r{session.Revision}:{(long)lead.TotalMinutes}m";
        queue.Enqueue(jobId, reachable.Select(r => new DeliveryRequest(r.UserKey, r.Reference, SessionCards.Reminder(session.ToView(), r.Reference.Locale, office))));
        return reachable.Count;
    }

    private void CreateSuccessor(StudySession previous)
    {
        if (sessions.AddSuccessor(previous) is { } successor)
        {
            logger.LogInformation("Session {SessionId} recurs as {NextId} on {StartsAt}", previous.Id, successor.Id, successor.StartsAt);
        }
    }
}
