using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Plans;
using ParHub.Web.Data;
using ParHub.Web.Features.Tasks;

namespace ParHub.Web.Features.Plans;

public class DetailsModel(ParHubDbContext db, TaskQueries queries, TargetMeasurer measurer, BindTarget bind, Registries.RegistryQueries registries,
    App.ICurrentUser user, TimeProvider clock) : PageModel
{
    public Plan Plan { get; private set; } = null!;
    public List<PlanTask> Tasks { get; private set; } = [];
    public StatusCounts Counts { get; private set; } = StatusCounts.Of([]);
    public List<(string Area, StatusCounts Counts)> Areas { get; private set; } = [];
    public List<(int AgencyId, string Name, StatusCounts Counts)> LeadAgencies { get; private set; } = [];
    public DateOnly AsOf { get; private set; }
    public List<MeasuredTarget> Targets { get; private set; } = [];
    public bool CanBind => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Coordinator);

    /// <summary>The CCHC funds entries that name this plan.</summary>
    public List<Core.Registries.RegistryEntry> Funds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, DateOnly? asOf, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Targets).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        AsOf = asOf ?? VietnamTime.Today(clock);
        Tasks = await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == id).OrderBy(t => t.SortOrder).ToListAsync(ct);
        var filter = new TaskFilter { PlanId = id };
        Counts = await queries.CountsAsync(filter, AsOf, ct);
        Areas = await queries.CountsByAreaAsync(filter, AsOf, ct);
        LeadAgencies = await queries.CountsByLeadAgencyAsync(filter, AsOf, ct);
        Targets = await measurer.MeasureAsync(plan.Targets.OrderBy(t => t.SortOrder).Select(t => (t, plan)), AsOf, ct);
        Funds = await registries.FundsOfAsync(id, null, user, ct);
        return Page();
    }

    /// <summary>Binds a target to a metric (Coordinator); back to the targets.</summary>
    public async Task<IActionResult> OnPostBindAsync(int id, int targetId, string? metric, CancellationToken ct)
    {
        if (!CanBind) return Forbid();
        try
        {
            await bind.RunAsync(id, targetId, metric, ct);
            TempData["Message"] = "Đã lưu cách đo chỉ tiêu.";
        }
        catch (TaskRuleException e) { TempData["Message"] = e.Message; }
        return Redirect($"/Plans/Details/{id}#targets");
    }

    public async Task<IActionResult> OnGetXlsxAsync(int id, DateOnly? asOf, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return NotFound();
        var tasks = await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == id).ToListAsync(ct);
        var day = asOf ?? VietnamTime.Today(clock);
        return File(PlanExport.Xlsx(plan, tasks, day), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"nhiem-vu-{plan.Year}-{id}.xlsx");
    }

    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return NotFound();
        var tasks = await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == id).ToListAsync(ct);
        var names = await db.Agencies.AsNoTracking().Select(a => a.Name).ToListAsync(ct); // the issuer's name as the directory writes it
        return File(PlanExport.Docx(plan, tasks, names), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            $"phu-luc-nhiem-vu-{plan.Year}-{id}.docx");
    }
}
