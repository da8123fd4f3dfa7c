using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;
using ParHub.Web.Features.Account;
using ParHub.Web.Features.Admin.Users;

namespace ParHub.Web.App.Commands;

/// <summary>
/// <c>users list|add|reset-password|lock|unlock|token</c>: the same use cases as the admin page (<see cref="UserAccounts"/>),
/// audited, so that a locked account's sessions and tokens stop on their next request.
/// </summary>
internal static class UserCommands
{
    public static Command Create()
    {
        var users = new Command("users", "tài khoản: liệt kê, tạo, đặt lại mật khẩu, khóa, mã truy cập API");

        var json = CliArgs.Flag("--json", "in dạng JSON");
        var list = new Command("list", "liệt kê tài khoản") { json };
        list.SetAction(p => Run(sp => ListAsync(sp, p.GetValue(json))));
        users.Add(list);

        Option<string?> userName = UserName(), password = Password(), role = CliArgs.Value("--role", "ROLE", "vai trò", needed: true);
        Option<string?> agency = CliArgs.Value("--agency", "MÃ", "mã cơ quan (bắt buộc với AgencyOfficer)");
        Option<string?> name = CliArgs.Value("--name", "\"Họ tên\"", "họ tên (mặc định: tên đăng nhập)");
        Option<string?> email = CliArgs.Value("--email", "EMAIL", "thư điện tử");
        var add = new Command("add", "tạo tài khoản (có ghi nhật ký)") { userName, password, role, agency, name, email };
        add.SetAction(p => Run(sp => AddAsync(sp, new(p.Require(userName), p.GetValue(name) ?? p.Require(userName), p.GetValue(email),
            p.Require(role), null, p.Require(password), false), p.GetValue(agency))));
        users.Add(add);

        Option<string?> resetUser = UserName(), resetPassword = Password();
        var reset = new Command("reset-password", "đặt mật khẩu mới và mở khóa (mọi phiên của tài khoản kết thúc)")
            { resetUser, resetPassword };
        reset.SetAction(p => Run(sp => ResetPasswordAsync(sp, p.Require(resetUser), p.Require(resetPassword))));
        users.Add(reset);

        foreach (var locked in new[] { true, false })
        {
            var who = UserName();
            var command = new Command(locked ? "lock" : "unlock",
                locked ? "khóa tài khoản (có ghi nhật ký; phiên và mã truy cập dừng ngay)"
                    : "mở khóa tài khoản (có ghi nhật ký)") { who };
            command.SetAction(p => Run(sp => SetLockedAsync(sp, p.Require(who), locked)));
            users.Add(command);
        }

        Option<string?> tokenUser = UserName(), tokenName = CliArgs.Value("--name", "TÊN", "tên của mã (mặc định CLI)");
        var token = new Command("token", "tạo mã truy cập API cá nhân (in ra một lần)") { tokenUser, tokenName };
        token.SetAction(p => Run(sp => TokenAsync(sp, p.Require(tokenUser), p.GetValue(tokenName) ?? "CLI")));
        users.Add(token);
        return users;
    }

    private static Option<string?> UserName() => CliArgs.Value("--username", "U", "tên đăng nhập", needed: true);
    private static Option<string?> Password() => CliArgs.Value("--password", "P", "mật khẩu", needed: true);

    /// <summary>The work with the application's services; an account refusal becomes the command's refusal.</summary>
    private static Task<int> Run(Func<IServiceProvider, Task<int>> work) => CliHost.WithServicesAsync(initialize: true, async sp =>
    {
        try { return await work(sp); }
        catch (AccountException e) { throw new CliException(e.Message); }
    });

    private static async Task<int> ListAsync(IServiceProvider sp, bool json)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var db = sp.GetRequiredService<ParHubDbContext>();
        var rows = new List<object>();
        foreach (var u in await db.Users.Include(u => u.Agency).OrderBy(u => u.UserName).ToListAsync())
        {
            var roles = await users.GetRolesAsync(u);
            rows.Add(new { userName = u.UserName, fullName = u.FullName, roles, agency = u.Agency?.Code, lockedOut = await users.IsLockedOutAsync(u) });
        }
        if (json) CliHost.PrintJson(rows);
        else foreach (dynamic r in rows) Console.WriteLine($"{r.userName,-16} {string.Join(",", r.roles),-16} {r.agency,-10} {r.fullName}");
        return 0;
    }

    private static async Task<int> AddAsync(IServiceProvider sp, AccountInput input, string? agencyCode)
    {
        if (!Roles.All.Contains(input.Role))
            throw new CliException($"Vai trò “{input.Role}” không hợp lệ. Chọn một trong: {string.Join(", ", Roles.All)}.");
        int? agencyId = null;
        if (agencyCode is { } code)
            agencyId = (await sp.GetRequiredService<ParHubDbContext>().Agencies.SingleOrDefaultAsync(a => a.Code == code))?.Id
                ?? throw new CliException($"Không có cơ quan mã “{code}”.");
        if (input.Role == Roles.AgencyOfficer && agencyId is null)
            throw new CliException("Cán bộ đầu mối phải gắn với một cơ quan (--agency MÃ).");
        await sp.GetRequiredService<UserAccounts>().CreateAsync(input with { AgencyId = agencyId });
        CliHost.PrintJson(new { userName = input.UserName, role = input.Role, agency = agencyCode, created = true });
        return 0;
    }

    private static async Task<int> ResetPasswordAsync(IServiceProvider sp, string userName, string password)
    {
        var user = await sp.GetRequiredService<UserAccounts>().ResetPasswordAsync(userName, password);
        CliHost.PrintJson(new { userName = user.UserName, passwordReset = true });
        return 0;
    }

    private static async Task<int> SetLockedAsync(IServiceProvider sp, string userName, bool locked)
    {
        // Like the admin page: audited, and every session and token of the user stops on its next request.
        var user = await sp.GetRequiredService<UserAccounts>().SetLockedAsync(userName, locked);
        CliHost.PrintJson(new { userName = user.UserName, locked });
        return 0;
    }

    private static async Task<int> TokenAsync(IServiceProvider sp, string userName, string name)
    {
        var created = await sp.GetRequiredService<CreateApiToken>().RunAsync(userName, name);
        CliHost.PrintJson(new { userName = created.User.UserName, token = created.Token });
        return 0;
    }
}
