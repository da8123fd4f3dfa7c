using Microsoft.AspNetCore.Authorization;

namespace ParHub.Web.Features.Reports;

/// <summary>The periodic reports' services, queries and use cases, registered by the application at start-up.</summary>
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
        services.AddScoped<OpenReport>();
        services.AddScoped<SaveReport>();
        services.AddScoped<ReportReview>();
        services.AddScoped<ReturnReport>();
        services.AddScoped<AcceptReport>();
        services.AddScoped<ReopenReport>();
        services.AddScoped<AttachSignedReport>();
        services.AddScoped<SaveProvinceReport>();
        services.AddScoped<SaveRegime>();
        return services;
    }
}
