using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Audit;

/// <summary>Browse the audit log. Province-wide roles see everything; others only their own agency's lines.</summary>
public class IndexModel(ParHubDbContext db, AgencyScope scope) : PageModel
{
    public const int PageSize = 100;
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserFilter { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    [BindProperty(SupportsGet = true)] public int? AgencyId { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public List<AuditEntry> Entries { get; private set; } = [];
    public List<string> EntityTypes { get; private set; } = [];
    public int Total { get; private set; }
    public string? AgencyName { get; private set; }
    public bool ProvinceWide => scope.IsProvinceWide;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!scope.IsProvinceWide)
        {
            // Outside the province-wide roles, only the own agency's lines, whatever the URL asks.
            if (scope.OwnAgencyId is not { } own) return Forbid();
            if (AgencyId is { } asked && asked != own) return Forbid();
            AgencyId = own;
        }
        if (AgencyId is { } agency)
        {
            q = q.Where(e => e.AgencyId == agency);
            AgencyName = await db.Agencies.Where(a => a.Id == agency).Select(a => a.Name).SingleOrDefaultAsync(ct);
        }
        if (!string.IsNullOrWhiteSpace(Entity)) q = q.Where(e => e.EntityType == Entity);
        if (!string.IsNullOrWhiteSpace(UserFilter)) q = q.Where(e => e.UserName.Contains(UserFilter.Trim()));
        // Any date is accepted; the ends of the calendar (01/01/0001, 31/12/9999) mean "no bound" rather than an overflow.
        if (From is { } f && f > DateOnly.MinValue.AddDays(1))
        {
            var t = f.ToDateTime(TimeOnly.MinValue, DateTimeKind.Local).ToUniversalTime();
            q = q.Where(e => e.At >= t);
        }
        if (To is { } to && to < DateOnly.MaxValue.AddDays(-1))
        {
            var t = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Local).ToUniversalTime();
            q = q.Where(e => e.At < t);
        }
        if (PageNumber > 1_000_000) PageNumber = 1_000_000;
        if (!string.IsNullOrWhiteSpace(Text)) q = q.Where(e => (e.Summary ?? "").Contains(Text.Trim()) || e.Changes.Contains(Text.Trim()));
        PageNumber = Math.Max(1, PageNumber);
        Total = await q.CountAsync(ct);
        Entries = await q.OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        EntityTypes = await db.AuditEntries.Select(e => e.EntityType).Distinct().OrderBy(e => e).ToListAsync(ct);
        return Page();
    }

    public string NextPageUrl => Url.Page("/Audit/Index", new { Entity, user = UserFilter, From, To, Text, AgencyId, page = PageNumber + 1 })!;
}
