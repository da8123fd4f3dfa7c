using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ParHub.Web.Features.Account;

/// <summary>
/// Per-client rate limit on sign-in attempts (the ASP.NET Core rate limiter): <c>PARHUB_SIGNIN_PER_MINUTE</c> posts
/// of the sign-in form per client address and minute (default 10); showing the form is not limited. A client over
/// the limit gets 429 with a Vietnamese page.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";

    public static void Add(IServiceCollection services, IConfiguration config)
    {
        var perMinute = int.TryParse(config["PARHUB_SIGNIN_PER_MINUTE"], out var n) && n > 0 ? n : 10;
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetSlidingWindowLimiter(ClientOf(http), _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("show"));
            o.OnRejected = (ctx, _) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
        });
    }
}
