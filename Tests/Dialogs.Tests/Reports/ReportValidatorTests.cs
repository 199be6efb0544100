using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Tests.Reports;

public class ReportValidatorTests
{
    private static readonly ReportValidator Validator = new(new ReportRules { Categories = new[] { "教育", "其他" }, MaxTitleLength = 20, MaxContentLength = 60 });

    private static ReportDraft GoodSuggestion() => new()
    {
        Kind = ReportKind.Suggestion,
        Category = "教育",
        Title = "路灯不亮",
        Content = "和平路路灯坏了。",
        ContactName = "陈先生",
        ContactPhone = "13800138000",
    };

    public static TheoryData<string, Action<ReportDraft>, Role, string> BadDrafts => new()
    {
        { "missing title", d => d.Title = " ", Role.Public, "title" },
        { "title too long", d => d.Title = new string('长', 21), Role.Public, "title" },
        { "unknown category", d => d.Category = "体育", Role.Public, "category" },
        { "missing content", d => d.Content = null, Role.Public, "content" },
        { "body over the limit", d => { d.Content = new string('情', 40); d.Suggestion = new string('议', 21); }, Role.Public, "content" },
        { "location too long", d => d.Location = new string('地', 101), Role.Public, "location" },
        { "public, named, without a phone", d => d.ContactPhone = null, Role.Public, "contactPhone" },
        { "public, named, without a name", d => d.ContactName = "", Role.Public, "contactName" },
        { "a phone that is not one", d => d.ContactPhone = "12345", Role.Public, "contactPhone" },
        { "letters for a phone", d => d.ContactPhone = "call me", Role.Member, "contactPhone" },
        { "a report without a suggestion", d => { d.Kind = ReportKind.Report; d.Suggestion = null; }, Role.Member, "suggestion" },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public void A_bad_field_is_named(string scenario, Action<ReportDraft> spoil, Role role, string field)
    {
        var draft = GoodSuggestion();
        spoil(draft);

        var errors = Validator.Validate(draft, role);

        Assert.True(errors.Any(e => e.Field == field), $"{scenario}: got {string.Join(",", errors.Select(e => e.Field))}");
        Assert.Contains($"（{field}）", ReportValidator.Describe(errors, "zh-CN"));
    }

    [Fact]
    public void A_complete_draft_passes_and_anonymous_needs_no_contact()
    {
        Assert.Empty(Validator.Validate(GoodSuggestion(), Role.Public));
        var anonymous = GoodSuggestion();
        anonymous.Anonymous = true;
        anonymous.ContactName = anonymous.ContactPhone = null;
        Assert.Empty(Validator.Validate(anonymous, Role.Public));
    }

    [Theory]
    [InlineData("13800138000", true)]
    [InlineData("+86 138 0013 8000", true)]
    [InlineData("１３８００１３８０００", true)]
    [InlineData("010-62345678", true)]
    [InlineData("0571-8765432", true)]
    [InlineData("(021)62345678", true)]
    [InlineData("62345678", true)]
    [InlineData("12345", false)]
    [InlineData("23800138000", false)]
    [InlineData("1380013800", false)]
    [InlineData("abc", false)]
    [InlineData("13800138000<script>", false)]
    public void Phone_numbers_must_look_like_Chinese_mobile_or_landline_numbers(string phone, bool valid)
        => Assert.Equal(valid, Validator.CheckPhone(phone) is null);
}
