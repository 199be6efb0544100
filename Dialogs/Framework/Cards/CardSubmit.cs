using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Framework.Cards;

/// <summary>Turns <see cref="ICardSubmit{TSelf}"/> records into a submit's data and back.</summary>
public static class CardSubmit
{
    /// <summary>The field that names the action in every submit.</summary>
    public const string ActionField = "action";

    private static readonly ConcurrentDictionary<Type, Shape> Shapes = new();

    /// <summary>The submit data for <paramref name="payload"/>: its action name and its non-null fields.</summary>
    public static JObject Data<T>(T payload) where T : class, ICardSubmit<T>
    {
        var data = new JObject { [ActionField] = T.ActionName };
        foreach (var field in ShapeOf(typeof(T)).Fields)
        {
            if (field.Property.GetValue(payload) is string value)
            {
                data[field.WireName] = value;
            }
        }

        return data;
    }

    /// <summary>
    /// Reads a submit into <typeparamref name="T"/>. A field that is missing, or is not text, a number, a boolean or a date
    /// (an object, an array: a hand-made or hostile submit) reads as null, so the handler answers it like a missing field.
    /// A date the channel's reader made of a field reads as that instant in <paramref name="office"/>'s zone.
    /// </summary>
    public static T Read<T>(JObject value, OfficeTime office) where T : class, ICardSubmit<T>
    {
        var shape = ShapeOf(typeof(T));
        var arguments = shape.Fields.Select(f => (object?)Scalar(value[f.WireName], office)).ToArray();
        return (T)shape.Constructor.Invoke(arguments);
    }

    /// <summary>
    /// The first of <typeparamref name="T"/>'s <see cref="ICardSubmit{TSelf}.DefaultedFields"/> that <paramref name="value"/>
    /// holds but <see cref="Read{T}"/> would read as missing (an array, an object), or null when there is none.
    /// </summary>
    public static string? UnreadableDefaultedField<T>(JObject value, OfficeTime office) where T : class, ICardSubmit<T>
        => T.DefaultedFields.FirstOrDefault(field => value[field] is { Type: not JTokenType.Null } token && Scalar(token, office) is null);

    /// <summary>The wire name of <typeparamref name="T"/>'s field <paramref name="field"/>: the id of the input that fills it.</summary>
    public static string Field<T>(Expression<Func<T, string?>> field) where T : class, ICardSubmit<T>
        => field.Body is MemberExpression { Member: PropertyInfo property }
            ? WireName(property.Name)
            : throw new ArgumentException("Name a property of the submit record, e.g. s => s.Title.", nameof(field));

    private static string? Scalar(JToken? token, OfficeTime office) => token switch
    {
        JValue { Value: null } => null,
        JValue { Value: string text } => text,
        JValue { Value: bool flag } => flag ? "true" : "false",
        // The channel's JSON reader may have turned an ISO string into a date already: keep the instant and its offset,
        // and show a bare DateTime, whose offset the reader dropped, in the office's time zone.
        JValue { Value: DateTimeOffset instant } => instant.ToString("o", CultureInfo.InvariantCulture),
        JValue { Value: DateTime time } => office.Local(new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero))
            .ToString("o", CultureInfo.InvariantCulture),
        JValue { Value: IFormattable number } => number.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static Shape ShapeOf(Type type) => Shapes.GetOrAdd(type, static t =>
    {
        var constructor = t.GetConstructors().Single();
        var fields = constructor.GetParameters().Select(p =>
        {
            var property = t.GetProperty(p.Name!, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"{t.Name}: parameter {p.Name} has no property of the same name.");
            if (p.ParameterType != typeof(string))
            {
                throw new InvalidOperationException($"{t.Name}.{p.Name}: card fields are text (string?), as inputs submit them.");
            }

            return new ShapeField(property, WireName(p.Name!));
        }).ToArray();
        if (fields.Any(f => f.WireName == ActionField))
        {
            throw new InvalidOperationException($"{t.Name}: '{ActionField}' is reserved for the action name.");
        }

        return new Shape(constructor, fields);
    });

    private static string WireName(string property) => char.ToLowerInvariant(property[0]) + property[1..];

    private sealed record Shape(ConstructorInfo Constructor, ShapeField[] Fields);

    private sealed record ShapeField(PropertyInfo Property, string WireName);
}
