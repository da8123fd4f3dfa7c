using ParHub.Core.Reports;
using ParHub.Web.Data;
using ParHub.Web.Features.Reports;

namespace ParHub.Web.Features.Demo;

/// <summary>
/// Reports of past periods for the demo: most agencies report, most on time, with figures that pass the form's rules.
/// The current year is left to the people who try ParHub (and to the browser test).
/// </summary>
public sealed class DemoReports(ParHubDbContext db, ReportSetup setup, TimeProvider clock)
{
    public async Task<int> SeedAsync(int years, int seed = 2026, CancellationToken ct = default)
    {
        await setup.EnsurePresetsAsync(ct);
        var regime = await setup.ActiveRegimeAsync(ct);
        if (regime is null) return 0;
        var (formRow, form) = await setup.LatestFormAsync(regime.Setting.FormKey, ct);
        var rng = new Random(seed);
        var thisYear = VietnamTime.Today(clock).Year;
        var count = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var year = thisYear - years; year < thisYear; year++)
            foreach (var period in regime.Regime.Periods(year))
            {
                foreach (var agency in await setup.ExpectedAsync(regime, period, ct))
                {
                    if (rng.NextDouble() < 0.08) continue; // missing
                    var due = period.Due ?? new DateOnly(year, 12, 31);
                    var submittedOn = due.AddDays(rng.NextDouble() < 0.8 ? -rng.Next(0, 10) : rng.Next(1, 15));
                    var at = submittedOn.ToDateTime(new TimeOnly(2 + rng.Next(0, 8), rng.Next(0, 60)), DateTimeKind.Utc);
                    var report = new AgencyReport
                    {
                        RegimeKey = regime.Setting.Key, PeriodCode = period.Code, AgencyId = agency.AgencyId, FormId = formRow.Id,
                        Status = ReportStatus.Accepted, DueOn = period.Due, FirstSubmittedAt = at, FirstSubmittedOn = submittedOn,
                        SubmittedAt = at, AcceptedAt = at.AddDays(3), UpdatedAt = at.AddDays(3), UpdatedBy = "demo", Version = 3,
                    };
                    foreach (var (code, v) in Values(form, agency, period, rng))
                    {
                        var row = new ReportValueRow { Code = code };
                        row.Assign(v);
                        report.Values.Add(row);
                    }
                    db.Reports.Add(report);
                    count++;
                }
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return count;
    }

    /// <summary>Figures that satisfy the form's rules (parts add up to their totals).</summary>
    public static Dictionary<string, FieldValue> Values(ReportForm form, ExpectedReporter agency, ReportingPeriod period, Random rng)
    {
        var scale = agency.Kind == Core.Agencies.AgencyKind.Commune ? 1 : 4;
        var v = new Dictionary<string, FieldValue>();
        void N(string code, decimal value) => v[code] = new FieldValue(value);
        N("docs_issued", rng.Next(1, 6 * scale));
        var total = rng.Next(5, 15 * scale);
        v["plan_tasks"] = new FieldValue(rng.Next(0, total + 1), total, Source: ValueSource.Prefilled);
        N("inspected_units", rng.Next(0, 4 * scale));
        N("news_items", rng.Next(2, 20 * scale));
        int onTime = rng.Next(0, 5 * scale), late = rng.Next(0, 2), inProgress = rng.Next(0, 4 * scale), overdue = rng.Next(0, 2);
        N("gov_done_on_time", onTime); N("gov_done_late", late); N("gov_in_progress", inProgress); N("gov_overdue", overdue);
        N("gov_total", onTime + late + inProgress + overdue);
        N("initiatives", rng.Next(0, 3));
        N("legal_docs_issued", rng.Next(0, 3 * scale));
        N("legal_docs_reviewed", rng.Next(0, 10 * scale));
        N("tthc_decisions", rng.Next(0, 4 * scale));
        int fNew = rng.Next(0, 30 * scale), carried = rng.Next(0, 5), done = rng.Next(0, fNew + carried + 1), prog = fNew + carried - done,
            over = rng.Next(0, Math.Min(prog, 3) + 1);
        N("feedback_new", fNew); N("feedback_carried", carried); N("feedback_done", done); N("feedback_in_progress", prog);
        N("feedback_in_time", prog - over); N("feedback_overdue", over);
        N("internal_simplified", rng.Next(0, 5));
        N("units_reduced", rng.Next(0, 2));
        N("staff_reduced", rng.Next(0, 5 * scale));
        var plan = rng.Next(1_000, 200_000 * scale);
        N("invest_plan", plan);
        N("invest_disbursed", Math.Round(plan * (decimal)rng.NextDouble(), 3));
        N("online_full", rng.Next(0, 60 * scale));
        N("online_partial", rng.Next(0, 20 * scale));
        foreach (var f in form.Fields.Where(f => f.Kind == FieldKind.Text))
            v[f.Code] = new FieldValue(null, null,
                $"{agency.Name}: {f.Label.ToLowerInvariant()} trong {period.Label.ToLowerInvariant()} được triển khai theo kế hoạch.");
        return v;
    }
}
