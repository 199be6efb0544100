using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Sessions;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Tests.Framework.Cards;

public class CardSubmitTests
{
    private static readonly OfficeTime Office = new(TimeProvider.System, OfficeSettings.Default);

    private sealed record Counted(string? Count) : ICardSubmit<Counted>
    {
        public static string ActionName => "test.counted";
    }

    private sealed record NotText(int Count) : ICardSubmit<NotText>
    {
        public static string ActionName => "test.bad";
    }

    [Fact]
    public void A_button_sends_what_its_handler_reads()
    {
        var sent = CardSubmit.Data(SessionRsvp.For("HD-2026-0001", attends: false));

        Assert.Equal("session.rsvp", (string?)sent["action"]);
        Assert.Equal("HD-2026-0001", (string?)sent["sessionId"]);
        Assert.Equal(SessionRsvp.Absent, CardSubmit.Read<SessionRsvp>(sent, Office).Response);
        Assert.Equal(SessionRsvp.For("HD-2026-0001", attends: false), CardSubmit.Read<SessionRsvp>(sent, Office));
    }

    [Fact]
    public void Null_fields_are_left_out_of_the_data()
    {
        var sent = CardSubmit.Data(new SessionUpdate("HD-2026-0001", null, null, "三楼"));

        Assert.Equal(new[] { "action", "sessionId", "location" }, sent.Properties().Select(p => p.Name));
    }

    [Fact]
    public void Objects_and_arrays_where_text_belongs_read_as_missing()
    {
        var hostile = JObject.Parse("""{"action":"session.rsvp","sessionId":{"$where":"1"},"response":["attend"]}""");

        Assert.Equal(new SessionRsvp(null, null), CardSubmit.Read<SessionRsvp>(hostile, Office));
    }

    [Fact]
    public void Numbers_and_booleans_read_as_the_text_an_input_would_send()
    {
        Assert.Equal("12", CardSubmit.Read<Counted>(JObject.Parse("""{"count":12}"""), Office).Count);
        Assert.Equal("1.5", CardSubmit.Read<Counted>(JObject.Parse("""{"count":1.5}"""), Office).Count);
        Assert.Equal("true", CardSubmit.Read<Counted>(JObject.Parse("""{"count":true}"""), Office).Count);
    }

    [Fact]
    public void A_date_the_channel_already_parsed_keeps_its_instant()
    {
        var value = new JObject { ["startsAt"] = new DateTimeOffset(2026, 12, 8, 15, 0, 0, TimeSpan.FromHours(8)) };

        var read = DateTimeOffset.Parse(CardSubmit.Read<SessionCreate>(value, Office).StartsAt!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(new DateTimeOffset(2026, 12, 8, 7, 0, 0, TimeSpan.Zero), read.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(8), read.Offset);
    }

    [Theory]
    [InlineData("Asia/Shanghai", "2026-12-08T15:00:00.0000000+08:00")]
    [InlineData("UTC", "2026-12-08T07:00:00.0000000+00:00")]
    [InlineData("Asia/Urumqi", "2026-12-08T13:00:00.0000000+06:00")]
    public void A_date_the_channel_parsed_without_its_offset_reads_in_the_office_zone(string zone, string read)
    {
        // Newtonsoft's default reader turns "2026-12-08T15:00:00+08:00" into a DateTime in the machine's zone.
        var value = new JObject { ["startsAt"] = new DateTimeOffset(2026, 12, 8, 15, 0, 0, TimeSpan.FromHours(8)).LocalDateTime };
        var office = new OfficeTime(TimeProvider.System, new OfficeSettings("zh-CN", OfficeSettings.FindZone(zone)!));

        Assert.Equal(read, CardSubmit.Read<SessionCreate>(value, office).StartsAt);
    }

    [Fact]
    public void An_input_id_is_the_wire_name_of_the_field()
    {
        Assert.Equal("startsAt", CardSubmit.Field<SessionCreate>(s => s.StartsAt));
    }

    [Fact]
    public void A_record_with_a_field_that_is_not_text_is_refused_when_first_used()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CardSubmit.Data(new NotText(3)));

        Assert.Contains("NotText.Count", error.Message);
    }
}
