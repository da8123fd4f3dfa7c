using ParHub.Core.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Tthc;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Tthc;

/// <summary>The Coordinator publishes a period's service index by a decision; the list of what has been published.</summary>
[Authorize(Policy = Policies.DirectoryEditor)]
public class PublishModel(ParHubDbContext db, PublishServiceIndex publish) : PageModel
{
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? To { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Decision { get; set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public List<TthcPublication> Published { get; private set; } = [];

    public async Task OnGetAsync(string? from, string? to, CancellationToken ct)
    {
        (From, To) = (from, to);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!VnDate.TryParse(From, out var f) || !VnDate.TryParse(To, out var t))
            Problems = ["Ngày không hợp lệ: nhập theo dạng dd/MM/yyyy."];
        else
        {
            var (problems, id) = await publish.RunAsync(f, t, Title, Decision, ct);
            if (id is { } published) return Redirect($"/CongKhai/Tthc/{published}");
            Problems = problems;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Published = await db.TthcPublications.AsNoTracking().OrderByDescending(p => p.PublishedAt)
            .Select(p => new TthcPublication { Id = p.Id, From = p.From, To = p.To, Title = p.Title, Decision = p.Decision, PublishedAt = p.PublishedAt })
            .ToListAsync(ct);
}
