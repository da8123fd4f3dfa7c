using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Core.Agencies;
using ParHub.Core.Audit;
using ParHub.Core.Plans;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Web.Features.Plans;

namespace ParHub.Web.Features.Tasks;

/// <summary>A standalone task assigned by the Government, the Prime Minister or the province's leaders.</summary>
[Authorize(Policy = Policies.DirectoryEditor)]
public class NewModel(ParHubDbContext db, PlanImporter importer, AuditLog audit, TimeProvider clock) : PageModel
{
    public static readonly string[] Sources = ["Chính phủ giao", "Thủ tướng Chính phủ giao", "Lãnh đạo tỉnh/thành phố giao"];

    public sealed class TaskInput
    {
        public string Source { get; set; } = Sources[0];
        public string? AssignedBy { get; set; }
        public string? Content { get; set; }
        public string? Lead { get; set; }
        public string? Cooperating { get; set; }
        public string? Product { get; set; }
        public string? Timeframe { get; set; }
        public int Year { get; set; }
    }

    [BindProperty] public TaskInput Input { get; set; } = new();
    public List<string> Errors { get; } = [];

    public void OnGet() => Input.Year = clock.GetLocalNow().Year;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Content)) Errors.Add("Vui lòng nhập nội dung nhiệm vụ.");
        if (string.IsNullOrWhiteSpace(Input.AssignedBy)) Errors.Add("Vui lòng nhập văn bản giao nhiệm vụ.");
        if (Input.Year is < 1990 or > 2100) Errors.Add("Năm không hợp lệ.");
        var resolver = await importer.ResolverAsync(ct);
        var on = DocumentReference.Parse(Input.AssignedBy)?.Date;
        var lead = resolver.Resolve(Input.Lead, on);
        var coop = resolver.Resolve(Input.Cooperating, on);
        if (lead.Count == 0) Errors.Add("Vui lòng nhập cơ quan chủ trì.");
        Errors.AddRange(lead.Concat(coop).Where(x => x.Kind == ResolvedKind.Unresolved).Select(x => $"Không tìm thấy cơ quan “{x.Text}” trong danh mục."));
        var tf = TimeframeParser.Parse(Input.Timeframe ?? "", new TimeframeContext(Math.Clamp(Input.Year, 1990, 2100)));
        if (tf.Kind == TimeframeKind.Unknown) Errors.Add($"Không đọc được thời hạn “{Input.Timeframe}”. Ví dụ: “Trước ngày 30/6/2026”, “Quý III/2026”.");
        if (Errors.Count > 0) return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        var task = new PlanTask
        {
            No = "—", Group = Input.Source, ReformArea = Input.Source, Content = Input.Content!.Trim(), Product = Input.Product?.Trim(),
            LeadText = Input.Lead?.Trim(), CooperatingText = Input.Cooperating?.Trim(), AssignedBy = Input.AssignedBy!.Trim(),
            TimeframeText = Input.Timeframe?.Trim(), TimeframeKind = tf.Kind, Recurrence = tf.Recurrence, Start = tf.Start, Due = tf.Due,
            UpdatedAt = now, Source = Input.Source,
        };
        task.RefreshSortDue();
        task.Assignments.AddRange(PlanImporter.Assignments(lead, AssignmentRole.Lead).Concat(PlanImporter.Assignments(coop, AssignmentRole.Cooperating)));
        db.PlanTasks.Add(task);
        await db.SaveChangesAsync(ct);
        audit.Record("create", TaskTracking.EntityType, task.Id.ToString(CultureInfo.InvariantCulture), null,
            $"Nhiệm vụ được giao: {task.AssignedBy}", [new FieldChange("Content", null, task.Content), new FieldChange("Due", null, task.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Đã thêm nhiệm vụ được giao.";
        return Redirect($"/Tasks/Details/{task.Id}");
    }
}
