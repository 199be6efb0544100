using System.Reflection;

namespace Cppcc.Bot.Tests.Support;

/// <summary>
/// A store whose every method call throws what a full disk throws while <see cref="Failing"/> is set, and otherwise passes
/// through: storage failing under a running bot, without mounting a small disk.
/// </summary>
public class FailingStorage<T> : DispatchProxy where T : class
{
    private T _inner = null!;

    public bool Failing { get; set; }

    public int Refused { get; private set; }

    public static (T Store, FailingStorage<T> Switch) Wrap(T inner)
    {
        var store = Create<T, FailingStorage<T>>();
        var proxy = (FailingStorage<T>)(object)store;
        proxy._inner = inner;
        return (store, proxy);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        // Properties describe the store (its lease length); only calls reach the disk.
        if (Failing && targetMethod?.IsSpecialName != true)
        {
            Refused++;
            throw new IOException("No space left on device");
        }

        try
        {
            return targetMethod!.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
