using ParHub.Core.Reports;

namespace ParHub.Web.Features.Reports;

/// <summary>Sở Nội vụ returns a submitted report to the agency with its comments; the agency may edit and submit again.</summary>
public sealed class ReturnReport(ReportReview review)
{
    public Task<AgencyReport> RunAsync(int id, int version, string? comment, CancellationToken ct = default) =>
        review.RunAsync(id, version, "return", status => ReportState.Return(status, comment), ct);
}
