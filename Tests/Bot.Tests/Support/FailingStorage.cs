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

    /// <summary>
    /// Replaces the last registration of <typeparamref name="T"/> (a factory, as AddStore makes) with a failing wrapper
    /// around it; the switch is there once the store is first resolved.
    /// </summary>
    public static Func<FailingStorage<T>> Replace(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
        var real = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(real);
        FailingStorage<T>? made = null;
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, sp =>
        {
            var (store, failing) = Wrap((T)real.ImplementationFactory!(sp));
            made = failing;
            return store;
        });
        return () => made ?? throw new InvalidOperationException($"{typeof(T).Name} was not resolved yet");
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
