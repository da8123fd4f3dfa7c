using ParHub.Core.Reports;

namespace ParHub.Web.Features.Reports;

/// <summary>A Coordinator reopens a submitted or accepted report for the agency, giving the reason; it is returned to it.</summary>
public sealed class ReopenReport(ReportReview review)
{
    public Task<AgencyReport> RunAsync(int id, int version, string? reason, CancellationToken ct = default) =>
        review.RunAsync(id, version, "reopen", status => ReportState.Reopen(status, reason), ct);
}
