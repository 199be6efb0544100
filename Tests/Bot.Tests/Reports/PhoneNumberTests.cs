using Cppcc.Dialogs.Reports;

namespace Cppcc.Bot.Tests.Reports;

/// <summary>Contact phones as people write them: spaces, dashes, +86, full-width digits; and what is no phone at all.</summary>
public sealed class PhoneNumberTests
{
    private static readonly ReportValidator Validator = new(new ReportRules());

    [Theory]
    [InlineData("13912345678")]
    [InlineData("139 1234 5678")]
    [InlineData("139-1234-5678")]
    [InlineData("+86 139-1234-5678")]
    [InlineData("+8613912345678")]
    [InlineData("１３９１２３４５６７８")]
    [InlineData("010-62345678")]
    [InlineData("010 - 62345678")]
    [InlineData("0571-8765432")]
    [InlineData("(010)62345678")]
    public void A_phone_written_the_usual_ways_is_accepted(string phone) => Assert.Null(Validator.CheckPhone(phone));

    [Theory]
    [InlineData("12345")]
    [InlineData("1391234567")]
    [InlineData("12912345678")]
    [InlineData("139123456789")]
    [InlineData("电话号码")]
    [InlineData("139-1234-5678-9")]
    [InlineData("010-12345678")]
    // A local number never starts with 1 (those are service numbers), so "010-12345678" is a made-up one.
    public void Anything_else_is_refused(string phone) => Assert.NotNull(Validator.CheckPhone(phone));
}
