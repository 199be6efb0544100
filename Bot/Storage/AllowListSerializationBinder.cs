using Newtonsoft.Json.Serialization;

namespace Cppcc.Bot.Storage;

/// <summary>
/// Bot state is stored with Newtonsoft type names so values round-trip with their types (the SDK storage contract).
/// Stored state can contain text users typed, so a "$type" planted in it must never instantiate an arbitrary .NET
/// type: only our own types, the Bot Framework's, JSON.NET's and plain values/collections are allowed.
/// </summary>
public sealed class AllowListSerializationBinder : ISerializationBinder
{
    private static readonly string[] AllowedAssemblyPrefixes = { "Cppcc.", "Microsoft.Bot.", "Newtonsoft.Json" };
    private static readonly string[] AllowedCoreNamespaces =
    {
        "System.Collections.Generic", "System.Collections.ObjectModel", "System.Collections.Concurrent",
    };

    private readonly DefaultSerializationBinder _inner = new();

    /// <inheritdoc />
    public Type BindToType(string? assemblyName, string typeName)
    {
        var type = _inner.BindToType(assemblyName, typeName);
        return IsAllowed(type) ? type : throw new Newtonsoft.Json.JsonSerializationException($"Type '{typeName}' is not allowed in bot state.");
    }

    /// <inheritdoc />
    public void BindToName(Type serializedType, out string? assemblyName, out string? typeName)
        => _inner.BindToName(serializedType, out assemblyName, out typeName);

    private static bool IsAllowed(Type type)
    {
        if (type.IsArray)
        {
            return IsAllowed(type.GetElementType()!);
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            return IsAllowed(type.GetGenericTypeDefinition()) && type.GetGenericArguments().All(IsAllowed);
        }

        var assembly = type.Assembly.GetName().Name ?? "";
        if (AllowedAssemblyPrefixes.Any(p => assembly.StartsWith(p, StringComparison.Ordinal)))
        {
            return true;
        }

        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(object) || type == typeof(decimal)
               || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid)
               || (type.Namespace is { } ns && AllowedCoreNamespaces.Contains(ns));
    }
}
