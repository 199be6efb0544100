using Cppcc.Bot.Knowledge.Retrieval;

namespace Cppcc.Bot.Tests.Knowledge;

public class ChineseTextNormalizerTests
{
    [Theory]
    [InlineData("集中學習多久一次？", "集中学习多久一次?")]
    [InlineData("ＣＰＰＣＣ　政協", "cppcc政协")]
    [InlineData("集中  学习 多久", "集中学习多久")]
    [InlineData("my   reports", "my reports")]
    [InlineData("  社情民意（ＳＱ-２０２６）  ", "社情民意(sq-2026)")]
    [InlineData("", "")]
    public void Folds_width_case_traditional_characters_and_spaces(string typed, string expected)
        => Assert.Equal(expected, ChineseTextNormalizer.Normalize(typed));
}
