using Microsoft.AspNetCore.Authorization;

namespace ParHub.Web.Features.Reports;

/// <summary>
/// The periodic reports' services, queries and access, registered by the application at start-up (the use cases, classes
/// with <c>RunAsync</c>, are registered by convention: <see cref="App.UseCases"/>).
/// </summary>
public static class ReportServices
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<ReportSetup>();
        services.AddScoped<ReportQueries>();
        services.AddScoped<ReportReminders>();
        services.AddScoped<ProvinceReportDocument>();
        services.AddSingleton<IAuthorizationHandler, ReportAuthorization>();
        services.AddScoped<ReportAccess>();
        services.AddScoped<ReportHistory>();
        services.AddScoped<ReportPrefill>();
        return services;
    }
}
