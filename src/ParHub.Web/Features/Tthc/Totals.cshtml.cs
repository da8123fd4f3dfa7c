using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Core.Reports;
using ParHub.Core.Time;
using ParHub.Core.Tthc;
using ParHub.Web.App;

namespace ParHub.Web.Features.Tthc;

/// <summary>
/// Monthly dossier totals, for an agency that has no dossier export: without a month, the year's list of the months
/// each agency entered ("chưa nhập" where not); with one, the month's form — entered by the agency's officer (their
/// own agency only) or the Coordinator, read by the other province roles; refused with every problem at once until
/// it balances; saved over the version it showed.
/// </summary>
public class TotalsModel(MonthTotalsQueries queries, ICurrentUser user, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }
    public int? Month { get; private set; }
    public DateOnly Today { get; private set; }
    public (int Id, string Code, string Name)? Agency { get; private set; }
    public IReadOnlyList<AgencyMonths> Agencies { get; private set; } = [];
    public DossierMonthTotals? Stored { get; private set; }
    public bool CanEdit { get; private set; }
    public string? Error { get; private set; }
    public string? Message { get; private set; }
    public string? Warning { get; private set; }
    public IReadOnlyList<MonthProblem> Problems { get; private set; } = [];

    [BindProperty] public Dictionary<string, string?> In { get; set; } = [];
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int? agency, int? year, int? month, string? done, CancellationToken ct)
    {
        if (!TthcAccess.Scope(user, out var own)) return Forbid();
        if (!ModelState.IsValid) return BadRequest();
        if (own is { } mine && agency is { } asked && asked != mine) return Forbid();
        Today = VietnamTime.Today(clock);
        agency ??= own;
        Year = year ?? Today.Year;
        if (Year < MonthTotals.FirstYear || Year > Today.Year)
        {
            (Error, Year) = ("Năm không hợp lệ.", Today.Year);
            month = null;
        }
        if (month is { } m && agency is { } a)
        {
            if (MonthTotals.MonthRefusal(Year, m, Today) is { } refusal) Error = refusal;
            else
            {
                if (await LoadMonthAsync(a, m, keepTyped: false, ct) is { } result) return result;
                if (done == "1") Message = $"Đã lưu số liệu tháng {m}/{Year}.";
                return Page();
            }
        }
        Agencies = await queries.YearAsync(Year, agency, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int agency, int year, int month, [FromServices] SaveMonthTotals save, CancellationToken ct)
    {
        if (!TthcAccess.Scope(user, out _)) return Forbid();
        try
        {
            await save.RunAsync(new SaveMonthTotalsRequest(agency, year, month, Version, In), ct);
            return Redirect($"/Tthc/Totals?agency={agency}&year={year}&month={month}&done=1");
        }
        catch (UnauthorizedAccessException) { return Forbid(); }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (MonthTotalsRefusedException e) { Problems = e.Problems; }
        catch (MonthTotalsConflictException e) { Error = e.Message; }
        Today = VietnamTime.Today(clock);
        Year = year;
        if (MonthTotals.MonthRefusal(year, month, Today) is not null) { Agencies = await queries.YearAsync(Today.Year, agency, ct); return Page(); }
        return await LoadMonthAsync(agency, month, keepTyped: true, ct) ?? Page();
    }

    /// <summary>The month's form: what is stored (or, for a new month, last month's pending as carried over); what was typed after a refusal.</summary>
    private async Task<IActionResult?> LoadMonthAsync(int agency, int month, bool keepTyped, CancellationToken ct)
    {
        Agency = await queries.AgencyAsync(agency, ct);
        if (Agency is null) return NotFound();
        Month = month;
        Stored = await queries.MonthAsync(agency, Year, month, ct);
        var (py, pm) = MonthTotals.Previous(Year, month);
        var previous = await queries.MonthAsync(agency, py, pm, ct);
        CanEdit = TthcAccess.MayEnter(user, agency);
        if (Stored is not null) Warning = MonthTotals.CarriedWarning(Stored.Counts, previous?.Counts, Year, month);
        if (keepTyped) return null; // the typed values and the version the form showed stay as posted
        Version = Stored?.Version ?? 0;
        In = Stored is { } s ? MonthTotals.Fields.ToDictionary(f => f.Code, f => (string?)VietnameseNumber.Format(f.Get(s.Counts)))
            : previous is { } p ? new Dictionary<string, string?> { [MonthTotals.Carried] = VietnameseNumber.Format(p.Counts.Pending) } : [];
        return null;
    }
}
