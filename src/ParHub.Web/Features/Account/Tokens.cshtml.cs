using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Account;

public class TokensModel(ParHubDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock) : PageModel
{
    public List<ApiToken> Tokens { get; private set; } = [];
    public string? NewToken { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        var id = users.GetUserId(User);
        Tokens = await db.ApiTokens.Where(t => t.UserId == id).OrderByDescending(t => t.Id).ToListAsync();
    }

    public async Task<IActionResult> OnPostCreateAsync(string name)
    {
        var id = users.GetUserId(User)!;
        var token = ApiTokenHandler.NewToken();
        var row = new ApiToken
        {
            UserId = id, Name = string.IsNullOrWhiteSpace(name) ? "API" : name.Trim()[..Math.Min(100, name.Trim().Length)],
            TokenHash = ApiTokenHandler.Hash(token), Prefix = token[..10], CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ApiTokens.Add(row);
        audit.Record("create", "ApiToken", row.Prefix, null, $"Tạo mã truy cập API “{row.Name}”", []);
        await db.SaveChangesAsync();
        NewToken = token;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        var userId = users.GetUserId(User);
        var row = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId);
        if (row is null) return NotFound();
        row.RevokedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("revoke", "ApiToken", row.Prefix, null, $"Thu hồi mã truy cập API “{row.Name}”", []);
        await db.SaveChangesAsync();
        return RedirectToPage();
    }
}
