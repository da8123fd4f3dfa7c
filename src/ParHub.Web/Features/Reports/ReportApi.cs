using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Reports;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Reports;

public sealed record PeriodDto(string Period, string Label, DateOnly? Due, DateOnly? CutoffFrom, DateOnly? CutoffTo);
public sealed record ApiValue(decimal? Value, decimal? Denominator, string? Text, string? Reason, string? Source = null);
public sealed record ReportDto(int Id, string Regime, string Period, int AgencyId, string Form, int FormVersion, ReportStatus Status,
    DateOnly? Due, DateTime? FirstSubmittedAt, bool? OnTime, int Version, Dictionary<string, ApiValue> Values);
public sealed record ReportPut(int Version, bool Submit, Dictionary<string, ApiValue> Values);
public sealed record AggregateDto(string Regime, string Period, string? Group, int Reports, Dictionary<string, AggregateValue> Values);
public sealed record RatesDto(string Regime, string Period, DateOnly? Due, DateOnly AsOf, RateCounts Totals, IReadOnlyList<RateAgencyDto> Agencies);
public sealed record RateAgencyDto(int AgencyId, string Name, string Group, string State, ReportStatus? Status, DateTime? FirstSubmittedAt);

/// <summary>
/// <c>/api/v1/reports</c>: agencies' own systems submit their report (their officer's API token); the province reads
/// totals and rates. Numbers are JSON numbers here; the form's rules and the workflow are the same as on the page.
/// </summary>
public static class ReportApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/reports").AddEndpointFilter<Data.TransactionEndpointFilter>().WithTags("Periodic reports");
        api.MapGet("/periods", PeriodsAsync).WithName("ListReportPeriods")
            .WithSummary("Các kỳ báo cáo của một chế độ (regime) trong năm (year).");
        api.MapGet("/{regime}/{period}", GetAsync).WithName("GetReport")
            .WithSummary(
                "Báo cáo của cơ quan mình (hoặc agencyId, cho Sở Nội vụ và lãnh đạo) trong kỳ; lần đầu tạo bản nháp có số "
                + "liệu điền sẵn.");
        api.MapPut("/{regime}/{period}", PutAsync).WithName("SaveReport")
            .WithSummary(
                "Lưu nháp hoặc gửi (submit=true) báo cáo của cơ quan mình. Gửi kèm version đã đọc; 409 nếu báo cáo vừa được "
                + "người khác cập nhật; 422 kèm danh sách lỗi nếu số liệu chưa đúng.");
        api.MapGet("/{regime}/{period}/aggregate", AggregateAsync).WithName("GetReportAggregate")
            .WithSummary(
                "Tổng hợp toàn tỉnh (hoặc một nhóm: group) của kỳ: tổng tử số và mẫu số của các báo cáo đã gửi, đã "
                + "tiếp nhận.");
        api.MapGet("/{regime}/{period}/rates", RatesAsync).WithName("GetReportingRates")
            .WithSummary("Tình hình nộp báo cáo của kỳ: phải nộp, đã nộp, đúng hạn, muộn, chưa nộp; theo cơ quan.");
    }

    /// <summary>The years a regime's periods are computed for (due dates fall in the next year at most).</summary>
    public const int MinYear = 1990, MaxYear = 2200;

    /// <summary>A refusal as ProblemDetails (<c>application/problem+json</c>): the message as detail, the field errors as <c>errors</c>.</summary>
    public static ProblemHttpResult Problem(int status, string detail, IReadOnlyList<ValueError>? errors = null) =>
        TypedResults.Problem(detail: detail, statusCode: status,
            extensions: errors is null ? null : new Dictionary<string, object?> { ["errors"] = errors });

    private static async Task<Results<Ok<List<PeriodDto>>, NotFound, ProblemHttpResult>> PeriodsAsync(ReportSetup setup, string regime, int year,
        CancellationToken ct)
    {
        if (year is < MinYear or > MaxYear) return Problem(400, $"Năm phải từ {MinYear} đến {MaxYear}.");
        var r = await setup.RegimeAsync(regime, ct);
        return r is null ? TypedResults.NotFound()
            : TypedResults.Ok(r.Regime.Periods(year).Select(p => new PeriodDto(p.Code, p.Label, p.Due, p.CutoffFrom, p.CutoffTo)).ToList());
    }

    private static async Task<ReportDto> DtoAsync(ParHubDbContext db, ReportSetup setup, AgencyReport r, CancellationToken ct)
    {
        var form = await setup.FormAsync(r.FormId, ct);
        var values = await db.ReportValues.AsNoTracking().Where(v => v.ReportId == r.Id).ToListAsync(ct);
        return new ReportDto(r.Id, r.RegimeKey, r.PeriodCode, r.AgencyId, form.Key, form.Version, r.Status, r.DueOn, r.FirstSubmittedAt,
            r.FirstSubmittedOn is { } s ? r.DueOn is null || s <= r.DueOn : null, r.Version,
            values.ToDictionary(v => v.Code, v => new ApiValue(v.Value, v.Denominator, v.Text, v.Reason, v.Source.ToString())));
    }

    private static async Task<Results<Ok<ReportDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> GetAsync(
        ParHubDbContext db, ReportSetup setup, OpenReport open, ReportAccess access, ICurrentUser user, string regime, string period, int? agencyId,
        CancellationToken ct)
    {
        await setup.EnsurePresetsAsync(ct);
        var agency = agencyId ?? user.AgencyId;
        if (agency is null) return TypedResults.NotFound();
        try
        {
            var existing = await db.Reports.AsNoTracking()
                .FirstOrDefaultAsync(r => r.RegimeKey == regime && r.PeriodCode == period && r.AgencyId == agency, ct);
            if (existing is null && !await access.CanEditAsync(agency.Value)) return TypedResults.NotFound();
            var report = existing ?? await open.RunAsync(new(regime, period, agency.Value), ct);
            if (!await access.AllowsAsync(report, ReportOperations.Read)) return TypedResults.Forbid();
            return TypedResults.Ok(await DtoAsync(db, setup, report, ct));
        }
        catch (UnauthorizedAccessException) { return TypedResults.Forbid(); }
        catch (ReportRuleException e) { return Problem(422, e.Message, e.Errors); }
    }

    private static async Task<Results<Ok<ReportDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> PutAsync(
        ParHubDbContext db, ReportSetup setup, OpenReport open, SaveReport save, ReportAccess access, ICurrentUser user, string regime, string period,
        ReportPut? body, CancellationToken ct)
    {
        if (user.AgencyId is not { } agency || !await access.CanEditAsync(agency)) return TypedResults.Forbid();
        if (body?.Values is null) return Problem(400, "Thiếu nội dung báo cáo (version, submit, values).");
        await setup.EnsurePresetsAsync(ct);
        try
        {
            var report = await open.RunAsync(new(regime, period, agency), ct);
            var input = body.Values.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => new FieldInput
            {
                Value = kv.Value.Value is { } v ? VietnameseNumber.Format(v) : null,
                Denominator = kv.Value.Denominator is { } d ? VietnameseNumber.Format(d) : null,
                Text = kv.Value.Text, Reason = kv.Value.Reason,
            });
            var result = await save.RunAsync(new(report.Id, body.Version, input, body.Submit), ct);
            return TypedResults.Ok(await DtoAsync(db, setup, result.Report, ct));
        }
        catch (UnauthorizedAccessException) { return TypedResults.Forbid(); }
        catch (ReportConflictException e) { return Problem(409, e.Message); }
        catch (ReportRuleException e) { return Problem(422, e.Message, e.Errors); }
    }

    private static async Task<Results<Ok<AggregateDto>, NotFound, ForbidHttpResult>> AggregateAsync(
        ReportSetup setup, ReportQueries queries, AgencyScope scope, string regime, string period, string? group, CancellationToken ct)
    {
        if (!scope.IsProvinceWide) return TypedResults.Forbid();
        var r = await setup.RegimeAsync(regime, ct);
        if (r?.Period(period) is null) return TypedResults.NotFound();
        var t = await queries.TotalsAsync(r, period, group, ct);
        return TypedResults.Ok(new AggregateDto(regime, period, group, t.Reports, t.Values.ToDictionary()));
    }

    private static async Task<Results<Ok<RatesDto>, NotFound, ForbidHttpResult>> RatesAsync(
        ReportSetup setup, ReportQueries queries, AgencyScope scope, TimeProvider clock, string regime, string period, DateOnly? asOf, CancellationToken ct)
    {
        if (!scope.IsProvinceWide) return TypedResults.Forbid();
        var r = await setup.RegimeAsync(regime, ct);
        var p = r?.Period(period);
        if (r is null || p is null) return TypedResults.NotFound();
        return TypedResults.Ok(ToDto(await queries.RatesAsync(r, p, asOf ?? VietnamTime.Today(clock), ct)));
    }

    public static RatesDto ToDto(RatesView v) => new(v.Regime.Setting.Key, v.Period.Code, v.Period.Due, v.AsOf, v.Totals,
        v.Rows.Select(x => new RateAgencyDto(x.Agency.AgencyId, x.Agency.Name, x.Agency.GroupCode, x.State.ToString(), x.Status, x.FirstSubmittedAt)).ToList());
}
