using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Account;

public class TokensModel(ApiTokens tokens, UserManager<AppUser> users) : PageModel
{
    public List<ApiToken> Tokens { get; private set; } = [];
    public string? NewToken { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await tokens.ListAsync(users.GetUserId(User)!, ct);

    public async Task<IActionResult> OnPostCreateAsync(string name, CancellationToken ct)
    {
        var id = users.GetUserId(User)!;
        NewToken = await tokens.IssueAsync(id, name, ct: ct);
        Tokens = await tokens.ListAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct) =>
        await tokens.RevokeAsync(users.GetUserId(User)!, id, ct) ? RedirectToPage() : NotFound();
}
