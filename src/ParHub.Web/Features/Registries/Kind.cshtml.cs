using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Core.Registries;
using ParHub.Core.Time;
using ParHub.Web.App;
using ParHub.Web.Features.Agencies;

namespace ParHub.Web.Features.Registries;

/// <summary>
/// One registry's year: its entries (an officer: their agency's and those about it), filtered by agency; export to XLSX;
/// the agencies short of what it expects (initiatives, dialogues, plans, budget proposals); inspection coverage by group.
/// </summary>
[Authorize]
public class KindModel(RegistryQueries queries, RegistryXlsx xlsx, ICurrentUser user, TimeProvider clock) : PageModel
{
    public RegistryKind Kind { get; private set; } = null!;
    public int Year { get; private set; }
    public int? AgencyId { get; private set; }
    public bool IsProvince { get; private set; }
    public bool CanWrite { get; private set; }
    public List<RegistryEntry> Entries { get; private set; } = [];
    public List<MissingAgency> Missing { get; private set; } = [];
    public List<GroupCoverage> Coverage { get; private set; } = [];
    public AgencyDirectoryCache.Snapshot Directory { get; private set; } = null!;
    /// <summary>The year's funds per agency and per field (the funds registry).</summary>
    public (List<FundsLine> Agencies, List<FundsLine> Fields)? Funds { get; private set; }
    /// <summary>The imported plan of an agency plan entry (the agencies' plans registry), by entry.</summary>
    public Dictionary<int, int> PlanLinks { get; private set; } = [];
    /// <summary>The year's deadline of the registry (as the plan set it, or the default), when it has one.</summary>
    public DateOnly? Due { get; private set; }
    public string? DueError { get; private set; }

    public string? AgencyName(int id) => Directory.ById.GetValueOrDefault(id)?.Agency.Name;

    private bool Load(string kind, int? year, out int? own)
    {
        own = null;
        if (RegistryCatalog.Find(kind) is not { } k) return false;
        Kind = k;
        Year = year is >= RegistryValues.MinYear and <= RegistryValues.MaxYear ? year.Value : VietnamTime.Today(clock).Year;
        return RegistryAccess.Scope(user, out own);
    }

    public async Task<IActionResult> OnGetAsync(string kind, int? year, int? agency, CancellationToken ct)
    {
        if (RegistryCatalog.Find(kind) is null) return NotFound();
        if (!Load(kind, year, out var own)) return Forbid();
        if (!ModelState.IsValid) return BadRequest();
        IsProvince = own is null;
        CanWrite = RegistryAccess.MayWriteAny(user, Kind);
        Directory = await queries.DirectoryAsync(ct);
        AgencyId = agency is { } a && Directory.ById.ContainsKey(a) ? a : null;
        Entries = await queries.ListAsync(Kind, Year, AgencyId, own, ct);
        if (Kind.Code == RegistryCatalog.Funds) Funds = await queries.FundsAsync(Year, own, ct);
        if (Kind.Code == RegistryCatalog.AgencyPlans) PlanLinks = await queries.PlanLinksAsync(Entries, ct);
        Due = await queries.DueAsync(Kind, Year, ct);
        if (IsProvince)
        {
            Missing = await queries.MissingAsync(Kind, Year, ct);
            if (Kind.Code == RegistryCatalog.Inspections) Coverage = await queries.CoverageAsync(Year, ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDueAsync(string kind, int year, string? due, [FromServices] SetRegistryDeadline set, CancellationToken ct)
    {
        try
        {
            var saved = await set.RunAsync(new SetRegistryDeadlineRequest(kind, year, due), ct);
            TempData["Message"] = $"Đã đặt hạn năm {year}: {VnDate.Show(saved)}.";
            return Redirect($"/Registries/{kind}?year={year}");
        }
        catch (UnauthorizedAccessException) { return Forbid(); }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (RegistryRefusedException e) { DueError = e.Message; }
        return await OnGetAsync(kind, year, null, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string kind, int? year, int? agency, CancellationToken ct)
    {
        if (RegistryCatalog.Find(kind) is null) return NotFound();
        if (!Load(kind, year, out var own)) return Forbid();
        if (!ModelState.IsValid) return BadRequest();
        var bytes = await xlsx.ExportAsync(Kind, Year, agency, own, ct);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"so-{Kind.Code}-{Year}.xlsx");
    }
}
