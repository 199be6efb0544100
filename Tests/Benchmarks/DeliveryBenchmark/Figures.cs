using Cppcc.Bot.Delivery;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Benchmarks.Delivery;

/// <summary>What the store says against what the stub saw.</summary>
public sealed record Figures(int RecipientCount, int Rate, TimeSpan Total, IReadOnlyDictionary<DeliveryState, int> States,
    IReadOnlyList<StubRequest> Requests, int Duplicated, int Lost, int SentButNotSeen, int SeenButNotSent, int Interrupted)
{
    public static Figures Compute(int recipients, int rate, TimeSpan total, List<DeliveryItem> items, ConnectorStub stub)
    {
        var delivered = stub.DeliveredPerConversation();
        var expected = Enumerable.Range(0, recipients).Select(Recipients.Conversation)
            .Where(c => !Recipients.Blocked(c) && !Recipients.NotFound(c)).ToList();
        var byConversation = items.ToDictionary(i => i.ConversationId);
        return new Figures(recipients, rate, total,
            items.GroupBy(i => i.State).ToDictionary(g => g.Key, g => g.Count()),
            stub.Requests.ToList(),
            Duplicated: delivered.Count(d => d.Value > 1),
            Lost: expected.Count(c => !delivered.ContainsKey(c)),
            SentButNotSeen: items.Count(i => i.State == DeliveryState.Sent && !delivered.ContainsKey(i.ConversationId)),
            SeenButNotSent: delivered.Keys.Count(c => byConversation[c].State != DeliveryState.Sent),
            Interrupted: items.Sum(i => i.Interruptions));
    }

    public int State(DeliveryState s) => States.TryGetValue(s, out var n) ? n : 0;

    public void Print(TextWriter o)
    {
        var first = Requests.Min(r => r.At);
        var last = Requests.Max(r => r.At);
        var span = (last - first).TotalSeconds;
        var ok = Requests.Count(r => r.Status is >= 200 and < 300);
        o.WriteLine($"recipients                {RecipientCount,8}");
        o.WriteLine($"configured limit          {Rate,8} msg/s");
        o.WriteLine($"total time                {Total.TotalSeconds,8:F1} s (enqueue to last outcome)");
        o.WriteLine($"requests at the stub      {Requests.Count,8} in {span:F1} s = {Requests.Count / span:F2}/s = {Requests.Count / span / Rate:P1} of the limit");
        o.WriteLine($"2xx deliveries            {ok,8} = {ok / span:F2}/s = {ok / span / Rate:P1} of the limit");
        var paused = PausedSeconds();
        o.WriteLine($"Retry-After pauses        {paused,8:F1} s (union of the 429s' Retry-After windows)");
        o.WriteLine($"requests outside pauses   {Requests.Count / (span - paused):F2}/s = {Requests.Count / (span - paused) / Rate:P1} of the limit");
        o.WriteLine($"max requests in any 1 s   {MaxInAnySecond(),8}");
        foreach (var fault in Requests.Where(r => r.Fault is not null).GroupBy(r => r.Fault!).OrderBy(g => g.Key))
        {
            o.WriteLine($"stub answered {fault.Key,-12}{fault.Count(),8}");
        }

        o.WriteLine($"delivered (Sent)          {State(DeliveryState.Sent),8}");
        o.WriteLine($"blocked (403)             {State(DeliveryState.Blocked),8}");
        o.WriteLine($"failed (404/400)          {State(DeliveryState.Failed),8}");
        o.WriteLine($"dead-lettered             {State(DeliveryState.DeadLetter),8}");
        o.WriteLine($"not finished              {State(DeliveryState.Pending) + State(DeliveryState.Sending),8}");
        o.WriteLine($"duplicated                {Duplicated,8}");
        o.WriteLine($"lost                      {Lost,8}");
        o.WriteLine($"Sent but stub saw no 2xx  {SentButNotSeen,8}");
        o.WriteLine($"2xx but not marked Sent   {SeenButNotSent,8}");
        o.WriteLine($"interrupted mid-send      {Interrupted,8}");
    }

    /// <summary>Seconds covered by the Retry-After windows of the 429s (overlaps counted once).</summary>
    private double PausedSeconds()
    {
        var windows = Requests.Where(r => r.Status == 429).Select(r => (Start: r.At, End: r.At.AddSeconds(1))).OrderBy(w => w.Start).ToList();
        double total = 0;
        DateTimeOffset? start = null, end = null;
        foreach (var w in windows)
        {
            if (end is null || w.Start > end)
            {
                if (end is not null)
                {
                    total += (end.Value - start!.Value).TotalSeconds;
                }

                (start, end) = (w.Start, w.End);
            }
            else if (w.End > end)
            {
                end = w.End;
            }
        }
        if (end is not null)
        {
            total += (end.Value - start!.Value).TotalSeconds;
        }

        return total;
    }

    private int MaxInAnySecond()
    {
        var times = Requests.Select(r => r.At).Order().ToArray();
        int best = 0, start = 0;
        for (var end = 0; end < times.Length; end++)
        {
            while (times[end] - times[start] >= TimeSpan.FromSeconds(1))
            {
                start++;
            }

            best = Math.Max(best, end - start + 1);
        }
        return best;
    }
}
