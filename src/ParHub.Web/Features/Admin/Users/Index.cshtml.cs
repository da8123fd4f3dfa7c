using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Admin.Users;

[Authorize(Policy = Policies.Admin)]
public class IndexModel(ParHubDbContext db) : PageModel
{
    public sealed record UserRow(string Id, string UserName, string FullName, IReadOnlyList<string> Roles, string? Agency, bool Locked);
    public List<UserRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var users = await db.Users.AsNoTracking().Include(u => u.Agency).ToListAsync(ct);
        Rows = users.OrderBy(u => u.UserName).Select(u => new UserRow(u.Id, u.UserName!, u.FullName,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(), u.Agency?.Name,
            u.LockoutEnd is { } end && end > now)).ToList();
    }
}
