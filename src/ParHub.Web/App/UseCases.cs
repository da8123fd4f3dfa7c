using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ParHub.Web.App;

/// <summary>
/// Registers every use case of the features: a public, non-abstract class under <c>ParHub.Web.Features</c> with a
/// public <c>RunAsync</c> method is one use case, scoped to the request. Adding a use case is adding its class.
/// </summary>
public static class UseCases
{
    public static IReadOnlyList<Type> All { get; } = typeof(UseCases).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true, IsGenericTypeDefinition: false }
            && t.Namespace?.StartsWith("ParHub.Web.Features", StringComparison.Ordinal) == true
            && t.GetMethod("RunAsync", BindingFlags.Public | BindingFlags.Instance) is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    public static IServiceCollection AddUseCases(this IServiceCollection services)
    {
        foreach (var type in All) services.TryAddScoped(type);
        return services;
    }
}
