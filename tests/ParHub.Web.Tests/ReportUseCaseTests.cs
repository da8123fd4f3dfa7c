using System.Security.Claims;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Core.Reports;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Demo;
using ParHub.Web.Features.Reports;
using ParHub.Web.Shared;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>
/// The reports' use cases called directly, as the pages and the API call them: each step is refused as the rules say,
/// and a failure of its audit line (the database refuses it) leaves neither the change nor its revision nor its file.
/// </summary>
public abstract class ReportUseCaseTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private const string Regime = "haiphong-2018";

    private async Task<ClaimsPrincipal> UserAsync(string userName)
    {
        var (user, roles) = await app.WithDbAsync(async db =>
        {
            var u = await db.Users.AsNoTracking().SingleAsync(x => x.UserName == userName);
            var r = await db.UserRoles.Where(x => x.UserId == u.Id).Join(db.Roles, x => x.RoleId, x => x.Id, (_, role) => role.Name!).ToListAsync();
            return (u, r);
        });
        var claims = new List<Claim> { new(ClaimTypes.Name, userName), new(ClaimTypes.NameIdentifier, user.Id) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (user.AgencyId is { } agency) claims.Add(new(ParHubClaims.AgencyId, agency.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    /// <summary>Runs <paramref name="work"/> in a scope of its own, signed in as the user (as a request would be).</summary>
    private async Task<T> AsAsync<T>(string userName, Func<IServiceProvider, Task<T>> work)
    {
        var principal = await UserAsync(userName);
        using var scope = app.Services.CreateScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider };
        try { return await work(scope.ServiceProvider); }
        finally { accessor.HttpContext = null; }
    }

    /// <summary>The step fails while its audit line is refused; what <paramref name="state"/> reads is as before.</summary>
    private async Task RefusedAuditChangesNothingAsync<T>(string entityType, Func<Task> step, Func<ParHubDbContext, Task<T>> state)
    {
        var before = await app.WithDbAsync(state);
        await app.RefuseAuditAsync(entityType);
        try { await Assert.ThrowsAnyAsync<DbUpdateException>(step); }
        finally { await app.AllowAuditAsync(); }
        Assert.Equal(before, await app.WithDbAsync(state));
    }

    private static Func<ParHubDbContext, Task<string>> StateOf(int id) => async db =>
    {
        var r = await db.Reports.AsNoTracking().Include(x => x.Values).SingleAsync(x => x.Id == id);
        var revisions = await db.ReportRevisions.CountAsync(x => x.ReportId == id);
        var audits = await db.AuditEntries.CountAsync(x => x.EntityType == ReportHistory.EntityType && x.EntityId == id.ToString());
        var values = string.Join(",", r.Values.OrderBy(v => v.Code, StringComparer.Ordinal)
            .Select(v => $"{v.Code}={v.Value}/{v.Denominator}/{v.Text?.Length}"));
        return $"{r.Status} v{r.Version} rev{revisions} audit{audits} signed:{r.SignedStoredName} {values}";
    };

    private static Dictionary<string, FieldInput> Complete(int seed) =>
        DemoReports.Values(ReportForm.CchcPeriodic,
                new ExpectedReporter(0, "Sở Tài chính", Core.Agencies.AgencyKind.Department, "SBN", "Các sở"),
                new ReportingPeriod("2026-Q1", "Quý I/2026", PeriodKind.Q1, 2026, null, null, null), new Random(seed))
            .Where(kv => kv.Key != "plan_tasks") // left as ParHub filled it in
            .ToDictionary(kv => kv.Key, kv => new FieldInput
            {
                Value = kv.Value.Value is { } v ? VietnameseNumber.Format(v) : null,
                Denominator = kv.Value.Denominator is { } d ? VietnameseNumber.Format(d) : null,
                Text = kv.Value.Text,
            });

    private async Task<AgencyReport> OpenAsync(string period)
    {
        var agency = await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == "STC").Select(a => a.Id).SingleAsync());
        return await AsAsync("taichinh", async sp =>
        {
            await sp.GetRequiredService<ReportSetup>().EnsurePresetsAsync();
            return await sp.GetRequiredService<OpenReport>().RunAsync(new(Regime, period, agency));
        });
    }

    // Today the annual province report compared the year with its own third quarter.
    [Fact]
    public async Task The_annual_province_report_compares_with_the_year_before_and_a_quarter_with_the_period_before()
    {
        using var scope = app.Services.CreateScope();
        var regime = (await scope.ServiceProvider.GetRequiredService<ReportSetup>().RegimeAsync("haiphong-2018"))!;
        var year = DateTime.UtcNow.AddHours(7).Year - 1;
        var annual = regime.Regime.Periods(year).Single(p => p.Kind == PeriodKind.Year);
        Assert.Equal($"{year - 1}-Y", regime.ComparedWith(annual)!.Code);
        var content = await scope.ServiceProvider.GetRequiredService<ProvinceReportDocument>().ContentAsync(regime, annual);
        Assert.Contains((year - 1).ToString(), content.PreviousLabel);
        Assert.DoesNotContain("quý", content.PreviousLabel!, StringComparison.OrdinalIgnoreCase);
        var q3 = regime.Regime.Periods(year).Single(p => p.Code == $"{year}-Q3");
        Assert.Equal(regime.Comparisons(q3).Previous!.Code, regime.ComparedWith(q3)!.Code);
    }

    [Fact]
    public async Task Submit_return_accept_and_reopen_each_commit_with_their_audit_line_or_not_at_all()
    {
        var report = await OpenAsync("2026-H1");
        var id = report.Id;
        Task<SaveResult> Submit(int version) =>
            AsAsync("taichinh", sp => sp.GetRequiredService<SaveReport>().RunAsync(new(id, version, Complete(3), Submit: true)));

        await RefusedAuditChangesNothingAsync("Report", () => Submit(report.Version), StateOf(id));
        var submitted = (await Submit(report.Version)).Report;
        Assert.Equal(ReportStatus.Submitted, submitted.Status);
        // The same submission again is the same submission; an edit now is refused by the rules.
        Assert.True((await Submit(report.Version)).AlreadySubmitted);
        var locked = await Assert.ThrowsAsync<ReportRuleException>(() => AsAsync("taichinh",
            sp => sp.GetRequiredService<SaveReport>().RunAsync(new(id, submitted.Version, Complete(4), Submit: false))));
        Assert.Equal("Báo cáo đã gửi, đang chờ Sở Nội vụ xem xét; không thể sửa.", locked.Message);

        // Only Sở Nội vụ reviews; a refusal names the rule.
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            AsAsync("taichinh", sp => sp.GetRequiredService<AcceptReport>().RunAsync(id, submitted.Version)));
        var noComment = await Assert.ThrowsAsync<ReportRuleException>(() =>
            AsAsync("cchc", sp => sp.GetRequiredService<ReturnReport>().RunAsync(id, submitted.Version, " ")));
        Assert.Equal("Trả lại báo cáo cần ghi ý kiến để cơ quan sửa.", noComment.Message);
        await Assert.ThrowsAsync<ReportConflictException>(() =>
            AsAsync("cchc", sp => sp.GetRequiredService<AcceptReport>().RunAsync(id, submitted.Version - 1)));

        await RefusedAuditChangesNothingAsync("Report",
            () => AsAsync("cchc", sp => sp.GetRequiredService<ReturnReport>().RunAsync(id, submitted.Version, "Bổ sung số liệu")), StateOf(id));
        var returned = await AsAsync("cchc", sp => sp.GetRequiredService<ReturnReport>().RunAsync(id, submitted.Version, "Bổ sung số liệu"));
        Assert.Equal((ReportStatus.Returned, "Bổ sung số liệu"), (returned.Status, returned.ReviewComment));

        var again = (await Submit(returned.Version)).Report;
        await RefusedAuditChangesNothingAsync("Report",
            () => AsAsync("cchc", sp => sp.GetRequiredService<AcceptReport>().RunAsync(id, again.Version)), StateOf(id));
        var accepted = await AsAsync("cchc", sp => sp.GetRequiredService<AcceptReport>().RunAsync(id, again.Version));
        Assert.Equal(ReportStatus.Accepted, accepted.Status);
        Assert.NotNull(accepted.AcceptedAt);
        var twice = await Assert.ThrowsAsync<ReportRuleException>(() =>
            AsAsync("cchc", sp => sp.GetRequiredService<AcceptReport>().RunAsync(id, accepted.Version)));
        Assert.Equal("Chỉ tiếp nhận được báo cáo đã gửi.", twice.Message);

        await RefusedAuditChangesNothingAsync("Report",
            () => AsAsync("cchc", sp => sp.GetRequiredService<ReopenReport>().RunAsync(id, accepted.Version, "Sai số liệu")), StateOf(id));
        var reopened = await AsAsync("cchc", sp => sp.GetRequiredService<ReopenReport>().RunAsync(id, accepted.Version, "Sai số liệu"));
        Assert.Equal((ReportStatus.Returned, null, "Sai số liệu"), (reopened.Status, reopened.AcceptedAt, reopened.ReviewComment));
        var actions = await app.WithDbAsync(db =>
            db.ReportRevisions.Where(r => r.ReportId == id).OrderBy(r => r.No).Select(r => r.Action).ToListAsync());
        Assert.Equal(["create", "submit", "return", "submit", "accept", "reopen"], actions);
    }

    [Fact]
    public async Task A_returned_report_tells_the_agencys_people_once_with_the_reason_and_an_accepted_one_too()
    {
        var report = await OpenAsync("2026-Q1");
        var id = report.Id;
        var submitted = (await AsAsync("taichinh", sp => sp.GetRequiredService<SaveReport>().RunAsync(new(id, report.Version, Complete(5), Submit: true))))
            .Report;
        var officer = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "taichinh").Select(u => u.Id).SingleAsync());
        Func<ParHubDbContext, Task<List<string>>> told = db => db.Notifications.Where(n => n.UserId == officer && n.Key!.StartsWith($"report:{id}:"))
            .OrderBy(n => n.Id).Select(n => n.Title + " | " + n.Body).ToListAsync();
        // A return whose audit line fails tells nobody: the notice commits with the change.
        await RefusedAuditChangesNothingAsync("Report",
            () => AsAsync("cchc", sp => sp.GetRequiredService<ReturnReport>().RunAsync(id, submitted.Version, "Thiếu số liệu giải ngân")), told);
        Assert.Empty(await app.WithDbAsync(told));

        var returned = await AsAsync("cchc", sp => sp.GetRequiredService<ReturnReport>().RunAsync(id, submitted.Version, "Thiếu số liệu giải ngân"));
        var notes = await app.WithDbAsync(told);
        var note = Assert.Single(notes);
        Assert.StartsWith("Báo cáo CCHC Quý I/2026 bị trả lại | ", note);
        Assert.Contains("Lý do, ý kiến: Thiếu số liệu giải ngân", note);
        var link = await app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == officer && n.Key!.StartsWith($"report:{id}:"))
            .Select(n => n.Link).SingleAsync());
        Assert.Equal($"/Reports/Report/{id}", link);
        // Nobody outside the agency is told.
        var strangers = await app.WithDbAsync(db => db.Notifications.Where(n => n.Key!.StartsWith($"report:{id}:"))
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.AgencyId).Distinct().ToListAsync());
        Assert.Equal([report.AgencyId], strangers);

        // The same event again (a retry of the step's notice) is not told twice.
        await AsAsync("cchc", async sp =>
        {
            var db = sp.GetRequiredService<ParHubDbContext>();
            var n = await sp.GetRequiredService<Features.Notifications.Notifier>().ToAgenciesAsync([report.AgencyId],
                new($"report:{id}:return:{returned.Version}", "again", "again", "/"));
            await db.SaveChangesAsync();
            return n;
        });
        Assert.Single(await app.WithDbAsync(told));

        var again = (await AsAsync("taichinh", sp => sp.GetRequiredService<SaveReport>().RunAsync(new(id, returned.Version, Complete(6), Submit: true))))
            .Report;
        await AsAsync("cchc", sp => sp.GetRequiredService<AcceptReport>().RunAsync(id, again.Version));
        notes = await app.WithDbAsync(told);
        Assert.Equal(2, notes.Count);
        Assert.StartsWith("Báo cáo CCHC Quý I/2026 đã được tiếp nhận | ", notes[1]);
    }

    [Fact]
    public async Task A_signed_pdf_whose_audit_line_fails_leaves_no_file_and_no_link()
    {
        var report = await OpenAsync("2026-Q3");
        var folder = Path.Combine(app.Db.DataDir, FileStore.Reports);
        Directory.CreateDirectory(folder);
        var filesBefore = Directory.GetFiles(folder).Length;
        var pdf = "%PDF-1.4\n%ký số\n"u8.ToArray();
        Task Attach() => AsAsync("taichinh", async sp =>
        {
            await sp.GetRequiredService<AttachSignedReport>().RunAsync(new(report.Id, "ky-so.pdf", pdf.Length, new MemoryStream(pdf)));
            return 0;
        });

        await RefusedAuditChangesNothingAsync("Report", Attach, StateOf(report.Id));
        Assert.Equal(filesBefore, Directory.GetFiles(folder).Length);
        await Attach();
        var stored = await app.WithDbAsync(db => db.Reports.Where(r => r.Id == report.Id).Select(r => r.SignedStoredName).SingleAsync());
        Assert.Equal(pdf, await File.ReadAllBytesAsync(Path.Combine(folder, stored!)));
        Assert.Equal(filesBefore + 1, Directory.GetFiles(folder).Length);
    }

    [Fact]
    public async Task A_signed_pdf_just_over_the_limit_is_told_its_size_rounded_up()
    {
        var report = await OpenAsync("2026-Q3");
        var pdf = "%PDF-1.4\n"u8.ToArray();
        var e = await Assert.ThrowsAsync<ReportRuleException>(() => AsAsync("taichinh", async sp =>
        {
            await sp.GetRequiredService<AttachSignedReport>().RunAsync(new(report.Id, "ky-so.pdf", AttachSignedReport.MaxBytes + 1, new MemoryStream(pdf)));
            return 0;
        }));
        Assert.Equal("Tệp quá lớn (20,1 MB); tối đa 20 MB.", e.Message); // not "(20 MB); tối đa 20 MB"
    }

    [Fact]
    public async Task A_regime_and_a_form_version_are_not_changed_without_their_audit_lines()
    {
        await AsAsync("cchc", async sp => { await sp.GetRequiredService<ReportSetup>().EnsurePresetsAsync(); return 0; });
        var regime = await app.WithDbAsync(db => db.ReportRegimes.AsNoTracking().SingleAsync(r => r.Key == "hanoi-2019"));
        Task Save(string name) => AsAsync("cchc", async sp => await sp.GetRequiredService<SaveRegime>().RunAsync(new(regime.Id, name,
            regime.FromText, regime.ToText, "STP", regime.FormKey, regime.Rules, regime.IsActive)));
        Func<ParHubDbContext, Task<string>> state = db =>
            db.ReportRegimes.Where(r => r.Id == regime.Id).Select(r => r.Name + "|" + r.ReporterGroups).SingleAsync();
        await RefusedAuditChangesNothingAsync(SaveRegime.EntityType, () => Save("Chuyên đề mới"), state);
        await Save("Chuyên đề mới");
        Assert.Equal("Chuyên đề mới|STP", await app.WithDbAsync(state));
        var refused = await Assert.ThrowsAsync<ReportRuleException>(() => Save(" "));
        Assert.Equal("Tên chế độ báo cáo không được để trống.", refused.Message);

        var form = ReportForm.CchcPeriodic with { Title = "Mẫu thử" };
        Task Add() => AsAsync("cchc", async sp => await sp.GetRequiredService<ReportSetup>().AddVersionAsync(form));
        await RefusedAuditChangesNothingAsync("ReportForm", Add, db => db.ReportForms.CountAsync());
        var count = await app.WithDbAsync(db => db.ReportForms.CountAsync());
        await Add();
        Assert.Equal(count + 1, await app.WithDbAsync(db => db.ReportForms.CountAsync()));
    }

    [Fact]
    public async Task Access_to_reports_is_decided_in_one_place()
    {
        var stc = await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == "STC").Select(a => a.Id).SingleAsync());
        var own = new AgencyReport { AgencyId = stc };
        var other = new AgencyReport { AgencyId = stc + 1 };
        async Task<string> Allowed(string userName, AgencyReport report)
        {
            var user = await UserAsync(userName);
            var auth = app.Services.GetRequiredService<IAuthorizationService>();
            var ops = new[] { ReportOperations.Read, ReportOperations.Edit, ReportOperations.Review, ReportOperations.Attach };
            var allowed = new List<string>();
            foreach (OperationAuthorizationRequirement op in ops)
                if ((await auth.AuthorizeAsync(user, report, op)).Succeeded) allowed.Add(op.Name);
            return string.Join(",", allowed);
        }
        Assert.Equal("Read,Edit,Attach", await Allowed("taichinh", own));
        Assert.Equal("", await Allowed("taichinh", other));
        Assert.Equal("Read,Review,Attach", await Allowed("cchc", own));
        Assert.Equal("Read,Review,Attach", await Allowed("cchc", other));
    }
}

public sealed class SqliteReportUseCaseTests(SqliteFactory app) : ReportUseCaseTests<SqliteFactory>(app);
public sealed class PostgresReportUseCaseTests(PostgresFactory app) : ReportUseCaseTests<PostgresFactory>(app);
