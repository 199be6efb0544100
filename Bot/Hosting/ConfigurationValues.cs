using System.ComponentModel;
using System.Reflection;

namespace Cppcc.Bot.Hosting;

/// <summary>
/// Checks every configured value of the bot's options sections against the type it binds to, before anything is
/// bound. The configuration binder throws on a bad single value, but silently drops a list item it cannot convert:
/// <c>Reminders__LeadTimes__0=abc</c> would quietly leave out the day-before reminder. Every options class with a
/// <c>Section</c> (or <c>SectionName</c>) constant is covered, so a new feature's options are checked without
/// registering anything.
/// </summary>
public static partial class ConfigurationValues
{
    /// <summary>The options classes of the bot and the configuration section each binds.</summary>
    public static IReadOnlyList<(string Section, Type Type)> OptionsSections { get; } = FindOptionsSections();

    /// <summary>Throws a <see cref="StartupProblem"/> naming the first value that does not fit its setting.</summary>
    public static void Check(IConfiguration configuration)
    {
        foreach (var (section, type) in OptionsSections)
        {
            if (FirstProblem(configuration.GetSection(section), type) is { } problem)
            {
                throw new StartupProblem(StartupExitCode.Configuration, problem);
            }
        }
    }

    /// <summary>The one-line complaint about the first unfit value under <paramref name="section"/>, or null.</summary>
    public static string? FirstProblem(IConfigurationSection section, Type optionsType)
    {
        foreach (var (key, value) in section.AsEnumerable().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (value is null || key.Length <= section.Path.Length)
            {
                continue;
            }

            var segments = key[(section.Path.Length + 1)..].Split(ConfigurationPath.KeyDelimiter);
            if (TargetType(optionsType, segments) is not { } target)
            {
                continue; // not a setting of this class (another class may share the section)
            }

            if (IsList(target) && value.Length > 0)
            {
                return $"配置无效：{key} 是列表，请逐项设置 {key}:0、{key}:1 …（环境变量 {EnvironmentName(key)}__0）。" +
                    $"Invalid configuration: {key} is a list.";
            }

            if (!Converts(target, value))
            {
                return $"配置无效：{key} = \"{Shorten(value)}\" 不是有效的 {Describe(target)}（环境变量 {EnvironmentName(key)}）。" +
                    $"Invalid configuration value for {key}.";
            }
        }

        return null;
    }

    /// <summary>The type a key binds to (a list's item type for an index), or null when the key names no property.</summary>
    private static Type? TargetType(Type type, IEnumerable<string> segments)
    {
        var current = type;
        foreach (var segment in segments)
        {
            if (DictionaryValueType(current) is { } valueType)
            {
                current = valueType;
            }
            else if (IsList(current))
            {
                current = ItemType(current)!;
            }
            else if (current.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } property)
            {
                current = property.PropertyType;
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static bool Converts(Type type, string value)
    {
        if (type == typeof(string) || type == typeof(object))
        {
            return true;
        }

        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return value.Length == 0 || Converts(inner, value);
        }

        var converter = TypeDescriptor.GetConverter(type);
        if (!converter.CanConvertFrom(typeof(string)))
        {
            return value.Length == 0; // a section, not a value
        }

        try
        {
            // The binder converts the same way (invariant culture); converters throw a variety of exception types.
            _ = converter.ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static bool IsList(Type type) => type != typeof(string) && ItemType(type) is not null && DictionaryValueType(type) is null;

    private static Type? ItemType(Type type)
        => type.IsArray ? type.GetElementType()
            : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? DictionaryValueType(Type type)
        => type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))?.GetGenericArguments()[1];

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(TimeSpan) => "时间间隔 TimeSpan（如 1.00:00:00 表示一天，01:00:00 表示一小时）",
        _ when type == typeof(int) || type == typeof(long) => "整数 integer",
        _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => "数字 number（小数点用 .）",
        _ when type == typeof(bool) => "true / false",
        _ when type.IsEnum => $"{type.Name}（{string.Join(" / ", Enum.GetNames(type))}）",
        _ => type.Name,
    };

    /// <summary>
    /// A validation failure in the words of the settings: DataAnnotations name the C# class and member ("for
    /// 'DutyPointsOptions' members: 'AbsentWithoutLeave'"); the operator sets <c>DutyPoints:AbsentWithoutLeave</c>.
    /// </summary>
    public static string Describe(string failure)
    {
        var match = DataAnnotationFailure().Match(failure);
        if (!match.Success || OptionsSections.FirstOrDefault(o => o.Type.Name == match.Groups["type"].Value) is not { Section: { } section })
        {
            return failure;
        }

        var key = section + ConfigurationPath.KeyDelimiter + match.Groups["member"].Value;
        return $"{key}（环境变量 {EnvironmentName(key)}）：{match.Groups["error"].Value}";
    }

    [System.Text.RegularExpressions.GeneratedRegex("^DataAnnotation validation failed for '(?<type>\\w+)' members: '(?<member>\\w+)' with the error: '(?<error>.*)'\\.?$")]
    private static partial System.Text.RegularExpressions.Regex DataAnnotationFailure();

    private static string EnvironmentName(string key) => key.Replace(ConfigurationPath.KeyDelimiter, "__", StringComparison.Ordinal);

    private static string Shorten(string value) => value.Length <= 40 ? value.ReplaceLineEndings(" ") : value[..40].ReplaceLineEndings(" ") + "…";

    private static List<(string, Type)> FindOptionsSections()
        => typeof(ConfigurationValues).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Options", StringComparison.Ordinal))
            .Select(t => (Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static) ?? t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static), Type: t))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .Select(x => ((string)x.Field!.GetRawConstantValue()!, x.Type))
            .OrderBy(x => x.Item1, StringComparer.Ordinal)
            .ToList();
}
