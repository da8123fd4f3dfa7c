using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Web.App;

namespace ParHub.Web.Features.Tasks;

/// <summary>A standalone task assigned by the Government, the Prime Minister or the province's leaders.</summary>
[Authorize(Policy = Policies.DirectoryEditor)]
public class NewModel(AddAssignedTask add, TimeProvider clock) : PageModel
{
    public static readonly string[] Sources = ["Chính phủ giao", "Thủ tướng Chính phủ giao", "Lãnh đạo tỉnh/thành phố giao"];

    /// <summary>The tasks the periodic report counts as "được Chính phủ, Thủ tướng Chính phủ giao".</summary>
    public static readonly string[] Central = [Sources[0], Sources[1]];

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

    public void OnGet() => Input.Year = VietnamTime.Today(clock).Year;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await add.RunAsync(new AssignedTaskRequest(Input.Source, Input.AssignedBy, Input.Content, Input.Lead,
            Input.Cooperating, Input.Product, Input.Timeframe, Input.Year), ct);
        if (result.Task is not { } task)
        {
            Errors.AddRange(result.Errors);
            return Page();
        }
        TempData["Message"] = "Đã thêm nhiệm vụ được giao.";
        return Redirect($"/Tasks/Details/{task.Id}");
    }
}
