namespace Cppcc.Dialogs.Reports;

/// <summary>What was filed: a member's opinion report (社情民意信息, SQ-) or a suggestion (建议, JY-).</summary>
public enum ReportKind
{
    /// <summary>A member's opinion report; reference <c>SQ-YYYY-NNNNNN</c>.</summary>
    Report,
    /// <summary>A suggestion from anyone; reference <c>JY-YYYY-NNNNNN</c>.</summary>
    Suggestion,
}

/// <summary>Where a report stands in its lifecycle.</summary>
public enum ReportState
{
    /// <summary>Filed, waiting for staff review.</summary>
    Submitted,
    /// <summary>Passed review (通过).</summary>
    Accepted,
    /// <summary>Returned to the author with a reason (退回); the author may revise and resubmit.</summary>
    Returned,
    /// <summary>Forwarded to a named department (报送).</summary>
    Forwarded,
    /// <summary>The department's answer is recorded (办理反馈).</summary>
    Replied,
    /// <summary>Adopted at a level or by a leader's instruction (采用 / 批示).</summary>
    Adopted,
    /// <summary>Finished (办结).</summary>
    Closed,
}

/// <summary>Where a report was adopted.</summary>
public enum AdoptionLevel
{
    /// <summary>区级采用.</summary>
    District,
    /// <summary>市级采用.</summary>
    City,
    /// <summary>省级采用.</summary>
    Province,
    /// <summary>全国采用.</summary>
    National,
    /// <summary>领导批示.</summary>
    Instruction,
}

/// <summary>Wire names (docs/contract.md, Conversation contract) and labels of the report enums.</summary>
public static class ReportNames
{
    /// <summary>The contract's lower-case name, e.g. <c>forwarded</c>.</summary>
    public static string Wire(this ReportState state) => state.ToString().ToLowerInvariant();

    /// <summary>The contract's lower-case name, e.g. <c>suggestion</c>.</summary>
    public static string Wire(this ReportKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The lower-case name, e.g. <c>province</c>.</summary>
    public static string Wire(this AdoptionLevel level) => level.ToString().ToLowerInvariant();

    /// <summary>Reads a state from its wire name or its Chinese/English label.</summary>
    public static bool TryParseState(string? text, out ReportState state)
        => TryParse(text, ReportTexts.StateLabels, out state);

    /// <summary>Reads a level from its wire name or its Chinese/English label (区级, 市级, 省级, 全国, 批示 ...).</summary>
    public static bool TryParseLevel(string? text, out AdoptionLevel level)
        => TryParse(text, ReportTexts.LevelLabels, out level);

    /// <summary>The reference prefix of a kind.</summary>
    public static string Prefix(this ReportKind kind) => kind == ReportKind.Report ? "SQ" : "JY";

    private static bool TryParse<T>(string? text, IReadOnlyDictionary<T, Framework.Localized> labels, out T value) where T : struct, Enum
    {
        var input = Framework.InputText.Normalize(text);
        foreach (var (key, label) in labels)
        {
            if (input == key.ToString().ToLowerInvariant() || input == label.Zh || input == label.En.ToLowerInvariant()
                || ReportTexts.Aliases(key).Contains(input))
            {
                value = key;
                return true;
            }
        }

        value = default;
        return false;
    }
}
