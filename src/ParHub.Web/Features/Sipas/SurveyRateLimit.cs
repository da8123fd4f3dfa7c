using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using ParHub.Web.Features.Account;

namespace ParHub.Web.Features.Sipas;

/// <summary>
/// Per-client rate limit on the public form's posts: <c>PARHUB_SURVEY_PER_MINUTE</c> per client address and minute
/// (default 120: a form is about five pages, and a counter's kiosks may share one address). The address lives only in
/// the limiter's memory for its window; it is never stored with a response.
/// </summary>
public static class SurveyRateLimit
{
    public const string Policy = "survey";

    public static void Add(IServiceCollection services, IConfiguration config)
    {
        var perMinute = int.TryParse(config["PARHUB_SURVEY_PER_MINUTE"], out var n) && n > 0 ? n : 120;
        services.AddRateLimiter(o => o.AddPolicy(Policy, http => HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetSlidingWindowLimiter(SignInRateLimit.ClientOf(http), _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("show")));
    }
}
