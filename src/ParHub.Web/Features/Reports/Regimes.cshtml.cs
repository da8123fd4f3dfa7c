using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Reports;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Reports;

/// <summary>
/// The province's reporting regimes: who reports (agency groups or named agencies, picked from lists), with which form,
/// the periods (a row of pickers each: kind, due date, data cut-off) and which regime is in force. Changes are audited.
/// </summary>
[Authorize(Roles = Roles.DirectoryEditors)]
// The last card is a blank regime (Id 0): a new one, with its own code.
public class RegimesModel(ParHubDbContext db, ReportSetup setup) : PageModel
{
    /// <summary>Blank period rows under a regime's own, to add periods without JavaScript.</summary>
    public const int BlankRows = 2;

    public sealed class PeriodInput
    {
        public string? Kind { get; set; }
        public string? Due { get; set; }
        public string? From { get; set; }
        public bool FromYearBefore { get; set; }
        public string? To { get; set; }
    }

    public sealed class RegimeInput
    {
        public int Id { get; set; }
        /// <summary>A new regime's code (Id 0).</summary>
        public string? Key { get; set; }
        /// <summary>The one year the regime applies to (a thematic report); empty: every year.</summary>
        public int? Year { get; set; }
        public string Name { get; set; } = "";
        public string FromText { get; set; } = "";
        public string ToText { get; set; } = "";
        /// <summary>The codes of the groups and agencies picked (a value may also hold several, comma-separated).</summary>
        public List<string> Reporters { get; set; } = [];
        public string FormKey { get; set; } = "";
        public List<PeriodInput> Periods { get; set; } = [];
        public bool IsActive { get; set; }
    }

    public List<ReportRegimeSetting> Regimes { get; private set; } = [];
    public List<(string Code, string Name)> Groups { get; private set; } = [];
    public List<(string Code, string Name)> Agencies { get; private set; } = [];
    public List<ReportFormVersion> Forms { get; private set; } = [];
    public string? Error { get; private set; }
    public int? ErrorId { get; private set; }
    public string? Message { get; private set; }
    [BindProperty] public RegimeInput Input { get; set; } = new();

    public async Task OnGetAsync(bool? saved, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (saved == true) Message = "Đã lưu chế độ báo cáo.";
    }

    public async Task<IActionResult> OnPostAsync([FromServices] SaveRegime save, CancellationToken ct)
    {
        await LoadAsync(ct);
        try
        {
            var rules = PeriodRuleRow.ToRules(Input.Periods.Select(p => new PeriodRuleRow(p.Kind, p.Due, p.From, p.FromYearBefore, p.To)));
            var reporters = string.Join(',', Input.Reporters.Where(v => v is not null));
            await save.RunAsync(new(Input.Id, Input.Name, Input.FromText, Input.ToText, reporters, Input.FormKey, ReportRegime.Text(rules), Input.IsActive,
                Input.Key, Input.Year), ct);
        }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (Exception e) when (e is ReportRuleException or FormatException)
        {
            (Error, ErrorId) = (e.Message, Input.Id);
            return Page();
        }
        return Redirect("/Reports/Regimes?saved=true");
    }

    /// <summary>The codes a regime's reporters hold, as the pickers show them (typed, or as posted when refused).</summary>
    public ISet<string> ReportersOf(ReportRegimeSetting r) => new HashSet<string>(
        (ErrorId == r.Id ? Input.Reporters : [r.ReporterGroups ?? ""])
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), StringComparer.OrdinalIgnoreCase);

    /// <summary>A regime's period rows (its own, or as posted when refused) and the blank rows to add more.</summary>
    public IReadOnlyList<PeriodRuleRow> RowsOf(ReportRegimeSetting r)
    {
        IEnumerable<PeriodRuleRow> rows;
        if (ErrorId == r.Id) rows = Input.Periods.Select(p => new PeriodRuleRow(p.Kind, p.Due, p.From, p.FromYearBefore, p.To));
        else
        {
            try { rows = PeriodRuleRow.Of(ReportRegime.ParseRules(r.Rules)); }
            catch (FormatException) { rows = []; } // stored rules are checked on save; nothing to show rather than a 500
        }
        return [.. rows.Where(x => !string.IsNullOrWhiteSpace(x.Kind)), .. Enumerable.Repeat(new PeriodRuleRow(null, null), BlankRows)];
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await setup.EnsurePresetsAsync(ct);
        Regimes = await db.ReportRegimes.AsNoTracking().OrderBy(r => r.Year != null).ThenBy(r => r.Key).ToListAsync(ct);
        Regimes.Add(new ReportRegimeSetting { Id = 0, FormKey = ReportForm.CchcKey, FromText = "Các cơ quan, đơn vị", ToText = "Sở Nội vụ" }); // a new one
        Groups = (await db.AgencyGroups.AsNoTracking().OrderBy(g => g.Code).Select(g => new { g.Code, g.Name }).ToListAsync(ct))
            .Select(g => (g.Code, g.Name)).ToList();
        Agencies = (await db.Agencies.AsNoTracking().Where(a => a.ValidTo == null).Select(a => new { a.Code, a.Name }).ToListAsync(ct))
            .OrderBy(a => a.Name, Core.Text.VietnameseCollation.Comparer).Select(a => (a.Code, a.Name)).ToList();
        Forms = await db.ReportForms.AsNoTracking().OrderBy(f => f.Key).ThenByDescending(f => f.Version).ToListAsync(ct);
    }
}
