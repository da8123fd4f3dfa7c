using ParHub.Core.Reports;
using ParHub.Web.Features.Tasks;

namespace ParHub.Web.Features.Reports;

/// <summary>What ParHub already knows of a report when it is first opened.</summary>
public sealed class ReportPrefill(TaskQueries tasks)
{
    /// <summary>The agency's plan tasks of the year, done / total as of the data cut-off (or the due date).</summary>
    public async Task<Dictionary<string, FieldValue>> ValuesAsync(ReportForm form, ReportingPeriod period, int agencyId, CancellationToken ct = default)
    {
        var result = new Dictionary<string, FieldValue>();
        var asOf = period.CutoffTo ?? period.Due ?? new DateOnly(period.Year, 12, 31);
        foreach (var f in form.Fields.Where(f => f.Prefill == "tasks.done/total"))
        {
            var counts = await tasks.CountsAsync(new TaskFilter { AgencyId = agencyId, Year = period.Year, LeadOnly = true }, asOf, ct);
            result[f.Code] = new FieldValue(counts.Done, counts.Total, Source: ValueSource.Prefilled);
        }
        return result;
    }
}
