namespace Cppcc.Bot.Hosting;

/// <summary>
/// Registrations that wrap another feature's service (web chat around the Bot Framework authentication, WeChat around
/// the delivery channel, the audit trail around staff actions) must come after what they wrap. Called in the wrong
/// order they would silently leave the wrapper out (an unaudited staff action, a web chat reply sent to a Connector),
/// so the host stops at start-up instead, with one message naming the call to move.
/// </summary>
public static class RegistrationOrder
{
    /// <summary>The registration of <typeparamref name="T"/> that <paramref name="wrapper"/> wraps.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="registeredBy"/> has not run yet.</exception>
    public static ServiceDescriptor Wrapped<T>(this IServiceCollection services, string wrapper, string registeredBy)
        => services.LastOrDefault(d => d.ServiceType == typeof(T)) ?? throw OutOfOrder(wrapper, typeof(T), registeredBy);

    /// <summary>Checks that every service <paramref name="wrapper"/> replaces is registered already.</summary>
    /// <exception cref="InvalidOperationException">One of them is not.</exception>
    public static IServiceCollection RequireRegistered(this IServiceCollection services, string wrapper, params (Type Service, string RegisteredBy)[] wrapped)
    {
        foreach (var (service, registeredBy) in wrapped)
        {
            if (!services.Any(d => d.ServiceType == service))
            {
                throw OutOfOrder(wrapper, service, registeredBy);
            }
        }

        return services;
    }

    private static InvalidOperationException OutOfOrder(string wrapper, Type service, string registeredBy)
        => new($"{wrapper} must be called after {registeredBy}: it wraps the {service.Name} that {registeredBy} registers. "
            + $"Move {wrapper}() below {registeredBy}() in Program.cs.");
}
