using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Console;
using ParHub.Web.Data;
using ParHub.Web.Features.Account;
using ParHub.Web.Features.Agencies;
using ParHub.Web.Features.Audit;
using ParHub.Web.Features.Demo;
using ParHub.Web.Features.Health;

namespace ParHub.Web.App;

/// <summary>Builds the ASP.NET Core application: services, authentication, pages, endpoints.</summary>
public static class ParHubApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = ContentRoot(),
        });
        ConfigureLogging(builder.Logging);
        AddServices(builder.Services, builder.Configuration);
        return builder;
    }

    /// <summary>The folder with wwwroot: the project folder when run from a build output, else the current one.</summary>
    private static string ContentRoot()
    {
        var env = Environment.GetEnvironmentVariable("PARHUB_CONTENT_ROOT");
        if (!string.IsNullOrEmpty(env)) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "ParHub.Web");
            if (Directory.Exists(Path.Combine(candidate, "wwwroot"))) return candidate;
            if (Directory.Exists(Path.Combine(dir.FullName, "wwwroot")) && File.Exists(Path.Combine(dir.FullName, "ParHub.Web.csproj")))
                return dir.FullName;
        }
        return AppContext.BaseDirectory;
    }

    /// <summary>
    /// Logs go to stderr (stdout is kept for the JSON that commands print): readable lines (time, level, message) in a
    /// terminal, JSON lines when <c>PARHUB_LOG_FORMAT=json</c> or when stderr is not a terminal (services, CI, files).
    /// </summary>
    public static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        var format = Environment.GetEnvironmentVariable("PARHUB_LOG_FORMAT");
        var json = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            || (!string.Equals(format, "text", StringComparison.OrdinalIgnoreCase) && Console.IsErrorRedirected);
        if (json)
            logging.AddJsonConsole(o =>
            {
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
                o.JsonWriterOptions =
                    new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
        else
            logging.AddSimpleConsole(o =>
            {
                o.TimestampFormat = "HH:mm:ss ";
                o.SingleLine = true;
                o.IncludeScopes = false;
            });
        // Everything to stderr: stdout is kept for the JSON that commands print.
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
    }

    public static void AddServices(IServiceCollection services, IConfiguration config)
    {
        // Resolved from configuration when first needed, so hosts and tests can set PARHUB_DB / PARHUB_DATA_DIR late.
        services.AddSingleton(sp => DatabaseSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<IConfiguration>()["PARHUB_NOW_FILE"] is { Length: > 0 } f ? new FileClock(f)
            : TimeProvider.System);
        services.AddSingleton<AgencyDirectoryCache>();
        services.AddHybridCache();
        services.AddSingleton<Shared.ReadCache>();
        services.AddSingleton<Shared.CacheInvalidation>();
        services.AddSingleton<UnitOfWorkInterceptor>();
        services.AddSingleton<TextSafetyInterceptor>();
        void Context(IServiceProvider sp, DbContextOptionsBuilder o)
        {
            var settings = sp.GetRequiredService<DatabaseSettings>();
            settings.Configure(o);
            o.AddInterceptors(sp.GetRequiredService<TextSafetyInterceptor>(), sp.GetRequiredService<Shared.CacheInvalidation>(),
                sp.GetRequiredService<UnitOfWorkInterceptor>());
            if (settings.Provider == DbProvider.Sqlite) o.AddInterceptors(SqliteConnectionSetup.Instance);
        }
        // One model, one subclass per provider (each with its own migrations); everything injects ParHubDbContext.
        services.AddDbContext<SqliteParHubDbContext>(Context);
        services.AddDbContext<PostgresParHubDbContext>(Context);
        services.AddScoped<ParHubDbContext>(sp => sp.GetRequiredService<DatabaseSettings>().Provider == DbProvider.Postgres
            ? sp.GetRequiredService<PostgresParHubDbContext>()
            : sp.GetRequiredService<SqliteParHubDbContext>());
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<AgencyScope>();
        services.AddScoped<AuditLog>();
        services.AddScoped<Migrator>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoPlans>();
        services.AddScoped<DemoReports>();
        services.AddScoped<DemoIndex>();
        services.AddScoped<DemoProvinceIndex>();
        services.AddScoped<DemoSurvey>();
        services.AddScoped<DemoDossiers>();
        services.AddScoped<DemoProcedures>();
        services.AddScoped<DemoFeedback>();
        services.AddScoped<Features.Demo.DemoRegistries>();
        services.AddScoped<AgencyQueries>();
        services.AddUseCases();
        services.AddScoped<Features.Account.ApiTokens>();
        services.AddScoped<Sessions>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<Features.Admin.Users.UserAccounts>();
        services.AddScoped<AgencyXlsx>();
        services.AddScoped<Features.Plans.PlanImporter>();
        services.AddScoped<Features.Sipas.SipasResults>();
        services.AddScoped<Features.Sipas.SurveyFormCache>();
        services.AddScoped<Features.Tthc.DossierWriter>();
        services.AddScoped<Features.Tthc.TthcFigures>();
        services.AddSingleton<Shared.PendingTables>();
        services.AddScoped<Features.Tthc.MonthTotalsQueries>();
        services.AddScoped<Features.Tthc.Pakn.FeedbackWriter>();
        services.AddScoped<Features.Tthc.Pakn.FeedbackFigures>();
        services.AddScoped<Features.Sipas.SurveyResponseWriter>();
        services.AddSingleton<Features.Sipas.SurveyWriteBatch>();
        services.AddScoped<Features.Tthc.ServiceIndexConfigs>();
        services.AddScoped<Features.Sipas.SipasReports>();
        services.AddScoped<Features.Sipas.SurveyTokens>();
        services.AddScoped<Features.Tasks.TaskQueries>();
        services.AddScoped<Features.Registries.RegistryQueries>();
        services.AddScoped<Features.Registries.RegistryXlsx>();
        services.AddScoped<Features.Tasks.TaskAccess>();
        services.AddScoped<Features.Tasks.TaskTracking>();
        Features.Reports.ReportServices.AddReports(services);
        AddParIndex(services);
        services.AddScoped<Features.ParIndex.SelfAssessmentReport>();
        services.AddSingleton(sp => Features.Notifications.SmtpSettings.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped<Features.Notifications.MailSender>();
        services.AddScoped<Features.Notifications.Outbox>();
        services.AddScoped<Features.Notifications.Notifier>();
        services.AddScoped<Features.Notifications.NotificationQueries>();
        services.AddScoped<Features.Home.OfficerHome>();
        services.AddScoped<Features.Home.CoordinatorHome>();
        services.AddScoped<Features.Home.AppraiserHome>();
        services.AddScoped<Features.Home.AdminHome>();
        services.AddScoped<Features.Dashboard.DashboardQuery>();
        services.AddScoped<Features.Portal.PortalQuery>();
        services.AddScoped<Features.Plans.TargetMeasurer>();
        services.AddScoped<Shared.FileStore>();
        services.AddScoped<Features.Notifications.OutboxSender>();
        services.AddHostedService<Features.Notifications.OutboxWorker>();
        services.AddScoped<Features.Notifications.Reminders>();
        services.AddHostedService<Features.Notifications.DigestScheduler>();
        services.AddHostedService<StartupTasks>();

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<ParHubDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<ParHubClaimsFactory>();
        // A password-reset link from "Quên mật khẩu" is good for two hours (and once: the reset changes the security stamp).
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(Features.Account.RequestPasswordReset.LinkHours));

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "parhub.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure whenever the request is HTTPS (behind a proxy too, with PARHUB_PROXY)
            // Every request: the session must be open and the user's security stamp unchanged (see Sessions).
            o.Events.OnValidatePrincipal = Sessions.ValidatePrincipalAsync;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // The API answers 401/403 instead of redirecting to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            // A refused request answers 403 where it was made (the friendly error page is rendered), never a redirect.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "Smart";
                o.DefaultChallengeScheme = "Smart";
                o.DefaultAuthenticateScheme = "Smart";
            })
            .AddPolicyScheme("Smart", "Cookie or API token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.DirectoryEditor, p => p.RequireRole(Roles.Admin, Roles.Coordinator))
            .AddPolicy(Policies.AuditReader, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.SurveyEntry, p => p.RequireRole(Roles.Admin, Roles.Coordinator, Roles.Interviewer));

        // Vietnamese letters are written as they are, not as &#x…; entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddMvcOptions(o =>
            {
                o.Filters.Add<TransactionPageFilter>();
                o.Filters.Add(new UploadRefusalFilter());
                o.Filters.Add(new DateInputFilter());
                o.ModelBinderProviders.Insert(0, new NulStrippingBinderProvider());
                o.ModelBinderProviders.Insert(0, new VnDateBinderProvider());
            })
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        // API errors (refusals, status codes without a body, exceptions) are ProblemDetails: application/problem+json.
        services.AddProblemDetails();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-CSRF-TOKEN";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        SignInRateLimit.Add(services, config);
        Features.Sipas.SurveyRateLimit.Add(services, config);
        Deployment.AddServices(services, config);
        services.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "ParHub API";
            doc.Info.Description =
                "API của ParHub: danh mục cơ quan (đọc cho người dùng đã đăng nhập; ghi cho Quản trị và Sở Nội vụ). " +
                "Xác thực bằng cookie phiên hoặc mã truy cập cá nhân: Authorization: Bearer phk_…";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Vietnamese);
            o.SupportedCultures = [Vietnamese];
            o.SupportedUICultures = [Vietnamese];
            o.RequestCultureProviders.Clear();
        });
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = 5 * Features.Tasks.TaskTracking.MaxFileBytes + 1024 * 1024;
            o.ValueCountLimit = 50_000; // a previewed plan of a few hundred tasks posts all its cells
        });
    }

    /// <summary>The PAR Index: its queries and the one place that decides access (its use cases: <see cref="UseCases"/>).</summary>
    private static void AddParIndex(IServiceCollection services)
    {
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Features.ParIndex.AssessmentAuthorization>();
        services.AddScoped<Features.ParIndex.IndexAccess>();
        services.AddScoped<Features.ParIndex.IndexQueries>();
        services.AddScoped<Features.ParIndex.ProvinceLeads>();
        services.AddScoped<Features.Indices.IndexTrends>();
    }

    private static Task ApiAware(
        Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Headers["HX-Request"] == "true")
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>What an exception answers: input that cannot be stored is the client's (400), a lost race is 409, the rest 500.</summary>
    private static int StatusOf(Exception e) => e switch
    {
        InputRefusedException => StatusCodes.Status400BadRequest,
        BadHttpRequestException b => b.StatusCode,
        DbUpdateConcurrencyException => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static WebApplication Build(string[] args)
    {
        var app = CreateBuilder(args).Build();
        Configure(app);
        return app;
    }

    public static void Configure(WebApplication app)
    {
        CultureInfo.DefaultThreadCurrentCulture = Vietnamese;
        CultureInfo.DefaultThreadCurrentUICulture = Vietnamese;
        Deployment.UseForwardedHeaders(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", StatusCodeSelector = StatusOf });
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api") && !ctx.Request.Path.StartsWithSegments("/health"),
            b => b.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        // The API answers ProblemDetails, never the HTML error page: for exceptions and for bare status codes.
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), b =>
        {
            b.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusOf });
            b.UseStatusCodePages();
        });
        app.UseRequestLocalization();
        app.Use(async (ctx, next) =>
        {
            ctx.Response.Headers.XContentTypeOptions = "nosniff";
            ctx.Response.Headers["X-Frame-Options"] = "DENY";
            ctx.Response.Headers["Referrer-Policy"] = "same-origin";
            ctx.Response.Headers.ContentSecurityPolicy = Deployment.ContentSecurityPolicy;
            await next();
        });
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseUploadLimits();
        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        HealthEndpoint.Map(app);
        AgencyApi.Map(app);
        Features.Tasks.TaskApi.Map(app);
        Features.Reports.ReportApi.Map(app);
    }
}

public static class Policies
{
    public const string Admin = "Admin";
    public const string DirectoryEditor = "DirectoryEditor";
    public const string AuditReader = "AuditReader";
    /// <summary>Who enters survey answers: the survey staff and interviewers.</summary>
    public const string SurveyEntry = "SurveyEntry";
}
