using ParHub.Core.Reports;

namespace ParHub.Web.Features.Reports;

/// <summary>Sở Nội vụ accepts a submitted report, which locks it.</summary>
public sealed class AcceptReport(ReportReview review)
{
    public Task<AgencyReport> RunAsync(int id, int version, CancellationToken ct = default) =>
        review.RunAsync(id, version, "accept", ReportState.Accept, ct);
}
