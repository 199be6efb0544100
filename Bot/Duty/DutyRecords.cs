using Cppcc.Bot.Audiences;
using Cppcc.Bot.Conversations;
using Cppcc.Bot.Reminders;
using Cppcc.Bot.Reports;
using Cppcc.Dialogs.Duty;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Root;

namespace Cppcc.Bot.Duty;

/// <summary>
/// The duty record counted from the stores: member reports first filed in the year (each counted as far as it has
/// come since), and the year's sessions that have begun, with the answers given to them.
/// </summary>
public sealed class DutyRecords(IReportStore reports, ISessionStore sessionStore, IRsvpStore rsvps, AudienceResolver audiences,
    IMemberSectorStore sectors, IConversationReferenceStore references, DutyPointsRules rules, OfficeTime office) : IDutyRecords
{
    /// <inheritdoc />
    public DutyCounts ForMember(Caller member, int year)
    {
        var all = CountYear(year, member.UserKey);
        var counts = all.TryGetValue(member.UserKey, out var own) ? own.ToCounts(year, member.Name) : Tally.Empty.ToCounts(year, member.Name);
        return counts with { Sector = sectors.Find(member.UserKey) ?? "" };
    }

    /// <inheritdoc />
    public DutyRanking Ranking(int year)
    {
        var sectorOf = sectors.All();
        // Staff (机关干部) are invited to sessions too, but the assessment ranks committee members only.
        var members = CountYear(year, only: null)
            .Where(p => references.RoleOf(p.Key) != Role.Staff)
            .Select(p => p.Value.ToCounts(year, p.Value.Name) with { Sector = sectorOf.GetValueOrDefault(p.Key) ?? "" });
        return DutyScoring.Rank(year, members, rules);
    }

    /// <summary>Tallies per user key; with <paramref name="only"/>, just that user (the others are skipped).</summary>
    private Dictionary<string, Tally> CountYear(int year, string? only)
    {
        var zone = office.Zone;
        DateTimeOffset Start(int y) => new(TimeZoneInfo.ConvertTimeToUtc(new DateTime(y, 1, 1), zone), TimeSpan.Zero);
        var from = Start(year);
        var to = Start(year + 1);
        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        Tally For(string key, string name)
        {
            if (!tallies.TryGetValue(key, out var tally))
            {
                tallies[key] = tally = new Tally { Name = name };
            }

            return tally;
        }

        // A joint report (联名) counts in full for the author and for every co-author who co-signed it: filed, each step
        // it reached and its adoption, so each earns the same points. Invited co-authors who have not accepted count nothing.
        var signers = reports.FiledBetween(from.UtcDateTime, to.UtcDateTime)
            .Where(r => r.Kind == ReportKind.Report)
            .OrderBy(r => r.Sequence)
            .SelectMany(r => r.CoAuthors.Where(c => c.Accepted == true).Select(c => (r, c.Key, c.Name)).Prepend((r, r.AuthorKey, r.AuthorName)))
            .Where(s => only is null || s.Item2 == only);
        foreach (var (report, key, name) in signers)
        {
            var tally = For(key, name);
            tally.Name = name;
            tally.Filed++;
            tally.Accepted += Reached(report, ReportState.Accepted);
            tally.Forwarded += Reached(report, ReportState.Forwarded);
            tally.Replied += Reached(report, ReportState.Replied);
            if (report.History.LastOrDefault(h => h.To == ReportState.Adopted)?.Level is { } level)
            {
                tally.Adopted[level] = tally.Adopted.GetValueOrDefault(level) + 1;
            }
        }

        // Only sessions that have begun: an answer to a future session is a plan, not attendance.
        var now = office.UtcNow;
        var sessions = sessionStore.StartingBetween(from, now < to ? now : to);
        var answers = rsvps.ForSessions(sessions.Select(s => s.Id).ToList())
            .Where(a => only is null || a.UserKey == only)
            .ToLookup(a => a.SessionId);
        foreach (var session in sessions)
        {
            var answered = new HashSet<string>(StringComparer.Ordinal);
            foreach (var answer in answers[session.Id])
            {
                answered.Add(answer.UserKey);
                var tally = For(answer.UserKey, answer.Name);
                if (answer.Attends)
                {
                    tally.Attended++;
                }
                else
                {
                    tally.AbsentWithLeave++;
                }
            }

            // REVIEW: the audience is resolved as it is today (group changes since the session are not replayed), and
            // only members with a personal chat are known to have been invited.
            foreach (var invited in audiences.Resolve(session.Audience)?.Reachable ?? [])
            {
                if ((only is null || invited.UserKey == only) && !answered.Contains(invited.UserKey))
                {
                    For(invited.UserKey, invited.Name).NotAnswered++;
                }
            }
        }

        return tallies;
    }

    private static int Reached(StoredReport report, ReportState state) => report.History.Any(h => h.To == state) ? 1 : 0;

    private sealed class Tally
    {
        public static readonly Tally Empty = new();

        public string Name { get; set; } = "";
        public int Filed { get; set; }
        public int Accepted { get; set; }
        public int Forwarded { get; set; }
        public int Replied { get; set; }
        public Dictionary<AdoptionLevel, int> Adopted { get; } = new();
        public int Attended { get; set; }
        public int AbsentWithLeave { get; set; }
        public int NotAnswered { get; set; }

        public DutyCounts ToCounts(int year, string name) => new(year, name, "", Filed, Accepted, Forwarded, Replied,
            new Dictionary<AdoptionLevel, int>(Adopted), Attended, AbsentWithLeave, NotAnswered);
    }
}
