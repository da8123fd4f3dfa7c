using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using ParHub.Web.Data;

namespace ParHub.Web.App;

/// <summary>
/// Deployment defaults: data-protection keys (which sign cookies and anti-forgery tokens) kept under
/// <c>PARHUB_DATA_DIR/keys</c>, so that two instances on one machine never accept each other's cookies; forwarded
/// headers honoured only from the proxies named in <c>PARHUB_PROXY</c>; HSTS on HTTPS; a Content-Security-Policy.
/// </summary>
public static class Deployment
{
    /// <summary>Scripts and styles from ParHub itself only (no inline scripts anywhere; inline style attributes are allowed).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddDataProtection().SetApplicationName("ParHub");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, sp) =>
        {
            var dir = Path.Combine(sp.GetRequiredService<DatabaseSettings>().DataDir, "keys");
            Directory.CreateDirectory(dir);
            o.XmlRepository = new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(
                new DirectoryInfo(dir), sp.GetRequiredService<ILoggerFactory>());
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var part in (config["PARHUB_PROXY"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (part.Contains('/')) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(part));
                else if (IPAddress.TryParse(part, out var ip)) o.KnownProxies.Add(ip);
            }
        });
    }

    /// <summary>With <c>PARHUB_PROXY</c> set (addresses or networks of the reverse proxies), the client address and scheme come from X-Forwarded-*.</summary>
    public static void UseForwardedHeaders(WebApplication app)
    {
        if (!string.IsNullOrWhiteSpace(app.Configuration["PARHUB_PROXY"])) app.UseForwardedHeaders();
    }
}
