using ParHub.Core.Reports;
using ParHub.Web.Features.Tasks;
using ParHub.Web.Features.Tthc;

namespace ParHub.Web.Features.Reports;

/// <summary>What ParHub already knows of a report when it is first opened.</summary>
public sealed class ReportPrefill(TaskQueries tasks, TthcFigures dossiers, ParHub.Web.Features.Tthc.Pakn.FeedbackFigures feedback,
    Registries.RegistryQueries registries)
{
    /// <summary>
    /// The agency's plan tasks of the year, done / total as of the data cut-off (or the due date); its dossiers of the
    /// period (the data cut-off, or the year to the due date) from the one-stop imports, and its feedback (PAKN) of the
    /// same period from the registry, when there are any.
    /// </summary>
    public async Task<Dictionary<string, FieldValue>> ValuesAsync(ReportForm form, ReportingPeriod period, int agencyId, CancellationToken ct = default)
    {
        var result = new Dictionary<string, FieldValue>();
        var asOf = period.CutoffTo ?? period.Due ?? new DateOnly(period.Year, 12, 31);
        foreach (var f in form.Fields.Where(f => f.Prefill == "tasks.done/total"))
        {
            var counts = await tasks.CountsAsync(new TaskFilter { AgencyId = agencyId, Year = period.Year, LeadOnly = true }, asOf, ct);
            result[f.Code] = new FieldValue(counts.Done, counts.Total, Source: ValueSource.Prefilled);
        }
        await CentralTasksAsync(form, period.Year, asOf, agencyId, result, ct);
        var from = period.CutoffFrom ?? new DateOnly(period.Year, 1, 1);
        var to = period.CutoffTo ?? period.Due ?? new DateOnly(period.Year, 12, 31);
        if (from > to) return result;
        await RegistriesAsync(form, period.Year, from, to, agencyId, result, ct);
        await FeedbackAsync(form, from, to, agencyId, result, ct);
        var fromDossiers = form.Fields.Where(f => f.Prefill?.StartsWith("tthc.", StringComparison.Ordinal) == true).ToList();
        if (fromDossiers.Count == 0) return result;
        var (agencies, _) = await dossiers.ComputeAsync(from, to, agencyId, ct: ct);
        if (agencies.SingleOrDefault() is not { } figures) return result; // no dossiers imported: the officer types them
        var t = figures.Tally;
        foreach (var f in fromDossiers)
        {
            FieldValue? value = f.Prefill switch
            {
                "tthc.in_scope" => new FieldValue(t.InScope, null, Source: ValueSource.Prefilled),
                "tthc.tien_do" when t.InScope > 0 => new FieldValue(t.ResolvedOnTime + t.PendingInTime, t.InScope, Source: ValueSource.Prefilled),
                "tthc.truc_tuyen" when t.Received > 0 => new FieldValue(t.ReceivedOnline, t.Received, Source: ValueSource.Prefilled),
                _ => null,
            };
            if (value is not null) result[f.Code] = value;
        }
        return result;
    }

    /// <summary>
    /// The four counts of the tasks the Government and the Prime Minister assigned (<c>gov.*</c>): the agency's as lead,
    /// due in the year, by their state as of the cut-off; the total is the four's sum (a task without a deadline is in
    /// none of them). Nothing when ParHub tracks none: the officer types them.
    /// </summary>
    private async Task CentralTasksAsync(ReportForm form, int year, DateOnly asOf, int agencyId, Dictionary<string, FieldValue> result, CancellationToken ct)
    {
        var fields = form.Fields.Where(f => f.Prefill?.StartsWith("gov.", StringComparison.Ordinal) == true).ToList();
        if (fields.Count == 0) return;
        var c = await tasks.CountsAsync(new TaskFilter
        {
            AgencyId = agencyId, LeadOnly = true, Sources = Tasks.NewModel.Central, DueFrom = new DateOnly(year, 1, 1), DueTo = new DateOnly(year, 12, 31),
        }, asOf, ct);
        var inProgress = c.InProgressOnTime + c.NotYetDue;
        var total = c.DoneOnTime + c.DoneLate + inProgress + c.Overdue;
        if (total == 0) return;
        foreach (var f in fields)
        {
            decimal? value = f.Prefill switch
            {
                "gov.total" => total,
                "gov.done_on_time" => c.DoneOnTime,
                "gov.done_late" => c.DoneLate,
                "gov.in_progress" => inProgress,
                "gov.overdue" => c.Overdue,
                _ => null,
            };
            if (value is not null) result[f.Code] = new FieldValue(value, null, Source: ValueSource.Prefilled);
        }
    }

    /// <summary>
    /// The fields read from the registries: a measure (<c>reg:…</c>, <see cref="Core.Registries.RegistryMeasure"/>) over the
    /// agency's entries of the period, when the registry has any of the agency's; the inspection coverage of its own units in
    /// the year (<c>kiemtra.bao_phu</c>) and the findings of its inspections remedied by the cut-off (<c>kiemtra.khac_phuc</c>).
    /// </summary>
    private async Task RegistriesAsync(ReportForm form, int year, DateOnly from, DateOnly to, int agencyId, Dictionary<string, FieldValue> result,
        CancellationToken ct)
    {
        var facts = new Dictionary<string, List<Core.Registries.RegistryFact>>(); // one read per registry, however many fields use it
        foreach (var f in form.Fields)
        {
            if (Core.Registries.RegistryMeasure.Parse(f.Prefill) is { } m)
            {
                if (!facts.TryGetValue(m.Kind.Code, out var kindFacts))
                    facts[m.Kind.Code] = kindFacts = await registries.FactsAsync(m.Kind, agencyId, from, to, ct);
                if (m.Of(kindFacts, from, to) is { } n) result[f.Code] = new FieldValue(n, null, Source: ValueSource.Prefilled);
            }
            else if (f.Prefill == "kiemtra.bao_phu" && await registries.UnitCoverageAsync(agencyId, year, ct) is { } c)
                result[f.Code] = new FieldValue(c.Inspected, c.Units, Source: ValueSource.Prefilled);
            else if (f.Prefill == "kiemtra.khac_phuc" && await registries.RemediesAsync(agencyId, year, to, ct) is { Findings: > 0 } r)
                result[f.Code] = new FieldValue(r.Remedied, r.Findings, Source: ValueSource.Prefilled);
        }
    }

    /// <summary>The feedback fields (<c>pakn.*</c>): received in the period; answered on time / answered (when any was answered).</summary>
    private async Task FeedbackAsync(ReportForm form, DateOnly from, DateOnly to, int agencyId, Dictionary<string, FieldValue> result, CancellationToken ct)
    {
        var fields = form.Fields.Where(f => f.Prefill?.StartsWith("pakn.", StringComparison.Ordinal) == true).ToList();
        if (fields.Count == 0) return;
        var (agencies, _) = await feedback.ComputeAsync(from, to, agencyId, ct);
        if (agencies.SingleOrDefault() is not { } figures) return; // none in the registry: the officer types them
        var t = figures.Tally;
        foreach (var f in fields)
        {
            FieldValue? value = f.Prefill switch
            {
                "pakn.received" => new FieldValue(t.Received, null, Source: ValueSource.Prefilled),
                "pakn.dung_han" when t.Answered > 0 => new FieldValue(t.AnsweredOnTime, t.Answered, Source: ValueSource.Prefilled),
                _ => null,
            };
            if (value is not null) result[f.Code] = value;
        }
    }
}
