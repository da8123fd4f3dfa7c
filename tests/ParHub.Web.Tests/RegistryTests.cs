using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Core.Plans;
using ParHub.Core.Registries;
using ParHub.Core.Reports;
using ParHub.Core.Scoring;
using ParHub.Web.Features.ParIndex;
using ParHub.Web.Features.Registries;
using ParHub.Web.Features.Reports;
using ParHub.Web.Shared.Office;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>
/// The registries (issue 16): entries added, edited and deleted through the pages with their audit lines, scoped to the
/// officer's agency on the server; exported to XLSX and imported back (previewed, then all or nothing); an inspection's
/// finding tracked as a remedy task of the inspected agency; the report fields and the index criterion read from them.
/// Each test writes its own agency's or year's entries: the class shares one database with the demo's.
/// </summary>
public abstract class RegistryTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private static async Task<string> HtmlAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    private Task<int> AgencyAsync(string code) => app.WithDbAsync(db => db.Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, string kind, int? id, int agency, string date,
        Dictionary<string, string> values, int version = 0)
    {
        var url = $"/Registries/{kind}/Entry" + (id is { } i ? "/" + Id(i) : "");
        var fields = values.ToDictionary(v => $"In[{v.Key}]", v => v.Value);
        (fields["Agency"], fields["Date"], fields["Version"]) = (Id(agency), date, Id(version));
        return client.PostFormAsync(url, fields, url);
    }

    private static int EntryId(HttpResponseMessage saved) =>
        int.Parse(Regex.Match(saved.Headers.Location!.ToString(), @"/Entry/(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_officer_keeps_their_agencys_registry_audited_and_sees_no_other_agencys()
    {
        var (stp, stc) = (await AgencyAsync("STP"), await AgencyAsync("STC"));
        var officer = await app.SignInAsync("tuphap"); // Sở Tư pháp
        var initiative = new Dictionary<string, string>
        {
            ["ten"] = "Số hóa sổ hộ tịch", ["hinh_thuc"] = "giai_phap", ["linh_vuc"] = "chinh-phu-so", ["quyet_dinh"] = "12/QĐ-STP ngày 10/3/2023",
        };
        var saved = await SaveAsync(officer, RegistryCatalog.Initiatives, null, stp, "10/03/2023", initiative);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = EntryId(saved);
        var entry = await app.WithDbAsync(db => db.RegistryEntries.SingleAsync(e => e.Id == id));
        Assert.Equal((stp, 2023, new DateOnly(2023, 3, 10), "giai_phap", 1),
            (entry.AgencyId, entry.Year, entry.Date, entry.ValueMap["hinh_thuc"], entry.Version));
        var created = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.EntityType == SaveRegistryEntry.EntityType && e.EntityId == Id(id)));
        Assert.Equal(("create", stp, "tuphap"), (created.Action, created.AgencyId, created.UserName));
        Assert.Contains("Số hóa sổ hộ tịch", created.Changes);
        Assert.Contains("Đã thêm sáng kiến.", await HtmlAsync(await officer.GetAsync(saved.Headers.Location!.ToString())));

        // Another agency's registry: refused on the server, whatever the form says; nothing stored.
        var count = await app.WithDbAsync(db => db.RegistryEntries.CountAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await SaveAsync(officer, RegistryCatalog.Initiatives, null, stc, "10/03/2023", initiative)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SaveAsync(officer, RegistryCatalog.Headcount, null, stp, "10/03/2023",
            new() { ["loai"] = "cong_chuc", ["duoc_giao"] = "60" })).StatusCode); // the province keeps the headcount
        // Bad input: every problem shown, what was typed kept, nothing stored.
        var bad = await SaveAsync(officer, RegistryCatalog.Initiatives, null, stp, "31/02/2023", new() { ["ten"] = "", ["hinh_thuc"] = "xyz" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var problems = new HtmlParser().ParseDocument(await bad.Content.ReadAsStringAsync())
            .QuerySelectorAll("[data-testid=registry-problems] li").Select(li => li.TextContent).ToList();
        Assert.Equal(["Ngày công nhận: " + Core.Time.VnDate.Invalid, "Tên sáng kiến, mô hình, giải pháp: chưa nhập.",
            "Hình thức: \"xyz\" không có trong danh sách (Sáng kiến; Mô hình; Giải pháp)."], problems);
        Assert.Equal(count, await app.WithDbAsync(db => db.RegistryEntries.CountAsync()));

        // The list: the officer's own agency only; the province sees every agency's.
        var other = await app.WithDbAsync(db => db.RegistryEntries.FirstAsync(e => e.Kind == RegistryCatalog.Initiatives && e.AgencyId != stp));
        var mine = new HtmlParser().ParseDocument(await officer.GetStringAsync("/Registries/sang-kien?year=2023"));
        Assert.Equal([Id(id)], mine.QuerySelectorAll("[data-testid=registry-entries] tr[data-entry]").Select(r => r.GetAttribute("data-entry")));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/Registries/sang-kien/Entry/{other.Id}")).StatusCode);
        var exported = Xlsx.ReadFirstSheet(new MemoryStream(
            await officer.GetByteArrayAsync($"/Registries/sang-kien?handler=Export&year={other.Year}&agency={other.AgencyId}")));
        Assert.DoesNotContain(exported.Skip(1), r => r[0] == Id(other.Id)); // asking for another agency's rows gives none of them
        var coordinator = await app.SignInAsync("cchc");
        var all = new HtmlParser().ParseDocument(await coordinator.GetStringAsync($"/Registries/sang-kien?year={other.Year}"));
        Assert.Contains(Id(other.Id), all.QuerySelectorAll("tr[data-entry]").Select(r => r.GetAttribute("data-entry")));

        // An edit over the version the form showed; a stale one is refused and loses nothing.
        initiative["ten"] = "Số hóa sổ hộ tịch toàn thành phố";
        Assert.Equal(HttpStatusCode.Redirect,
            (await SaveAsync(officer, RegistryCatalog.Initiatives, id, stp, "10/03/2023", initiative, version: 1)).StatusCode);
        var stale = await SaveAsync(coordinator, RegistryCatalog.Initiatives, id, stp, "10/03/2023", initiative, version: 1);
        Assert.Contains("vừa được tuphap cập nhật", await HtmlAsync(stale));
        var edited = await app.WithDbAsync(db => db.RegistryEntries.SingleAsync(e => e.Id == id));
        Assert.Equal(("Số hóa sổ hộ tịch toàn thành phố", 2), (edited.ValueMap["ten"], edited.Version));
        var update = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.EntityType == SaveRegistryEntry.EntityType && e.EntityId == Id(id)
            && e.Action == "update"));
        Assert.Contains("toàn thành phố", update.Changes);

        // Deleted with its audit line.
        var deleted = await officer.PostFormAsync($"/Registries/sang-kien/Entry/{id}?handler=Delete", [], $"/Registries/sang-kien/Entry/{id}");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.RegistryEntries.AnyAsync(e => e.Id == id)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == SaveRegistryEntry.EntityType && e.EntityId == Id(id)
            && e.Action == "delete")));

        // Odd requests: never a 500.
        foreach (var url in new[] { "/Registries/khong-co", "/Registries/sang-kien?year=abc", "/Registries/sang-kien?year=99999999999", "/Registries?year=-1",
                     "/Registries/sang-kien/Entry/2147483647", "/Registries/sang-kien?agency=x", "/Registries/kiem-tra/Entry/1?handler=File" })
            Assert.True((int)(await coordinator.GetAsync(url)).StatusCode < 500, url);
        Assert.Contains("Login", (await app.Anonymous().GetAsync("/Registries/sang-kien")).Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("dieutra")).GetAsync("/Registries")).StatusCode);
    }

    [Fact]
    public async Task Funds_name_their_plan_and_task_and_are_totalled_by_agency_and_field_and_agency_plans_link_to_the_imported_plan()
    {
        var (stc, year) = (await AgencyAsync("STC"), 2022);
        var officer = await app.SignInAsync("taichinh");
        var task = await app.WithDbAsync(db => db.PlanTasks.OrderBy(t => t.Id).Select(t => new { t.Id, t.PlanId }).FirstAsync());
        var funds = new Dictionary<string, string>
        {
            ["noi_dung"] = "Số hóa hồ sơ thuế", ["linh_vuc"] = "chinh-phu-so", ["nguon"] = "ngan_sach", ["de_xuat"] = "500", ["duoc_giao"] = "400",
            ["da_chi"] = "250,5", ["nhiem_vu"] = "999999999",
        };
        Assert.Contains("Nhiệm vụ trên ParHub (số hiệu): không có nhiệm vụ số 999999999 trên ParHub.",
            await HtmlAsync(await SaveAsync(officer, RegistryCatalog.Funds, null, stc, "15/01/2022", funds)));
        funds["nhiem_vu"] = Id(task.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(officer, RegistryCatalog.Funds, null, stc, "15/01/2022", funds)).StatusCode);
        (funds["linh_vuc"], funds["de_xuat"], funds["duoc_giao"], funds["da_chi"]) = ("tthc", "100", "100", "100");
        funds.Remove("nhiem_vu");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(officer, RegistryCatalog.Funds, null, stc, "16/01/2022", funds)).StatusCode);
        Assert.Equal(task.Id, await app.WithDbAsync(db => db.RegistryEntries.Where(e => e.Kind == RegistryCatalog.Funds && e.AgencyId == stc && e.Year == year)
            .Select(e => e.TaskId).MaxAsync()));

        // The task's page shows the funds it carries; the registry totals per agency and per field.
        var coordinator = await app.SignInAsync("cchc");
        var taskPage = new HtmlParser().ParseDocument(await coordinator.GetStringAsync($"/Tasks/Details/{task.Id}"));
        Assert.Contains("Số hóa hồ sơ thuế", taskPage.QuerySelector("[data-testid=funds]")!.TextContent);
        var otherView = await (await app.SignInAsync("khcn")).GetAsync($"/Tasks/Details/{task.Id}"); // another agency: not its funds
        Assert.DoesNotContain("Số hóa hồ sơ thuế", await HtmlAsync(otherView));
        var page = new HtmlParser().ParseDocument(await coordinator.GetStringAsync($"/Registries/kinh-phi?year={year}"));
        var agencyRow = page.QuerySelectorAll("[data-testid=funds-agencies] tr").Single(r => r.TextContent.Contains("Sở Tài chính"));
        Assert.Equal(["600", "500", "350,5", "70,1%"], agencyRow.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        var fieldRows = page.QuerySelectorAll("[data-testid=funds-fields] tbody tr").Select(r => r.QuerySelector("th")!.TextContent).ToList();
        Assert.Equal(["Cải cách thủ tục hành chính", "Chính quyền điện tử, chính quyền số"], fieldRows);

        // An agency's plan whose number is a plan imported into ParHub links to it.
        var plan = await app.WithDbAsync(db => db.Plans.Where(p => p.Number != null).Select(p => new { p.Id, p.Number, p.Year }).FirstAsync());
        var planAgency = await AgencyAsync("SNV");
        var saved = await SaveAsync(coordinator, RegistryCatalog.AgencyPlans, null, planAgency, $"10/01/{plan.Year}",
            new() { ["so_hieu"] = plan.Number!, ["trich_yeu"] = "Kế hoạch CCHC năm" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var plans = new HtmlParser().ParseDocument(await coordinator.GetStringAsync($"/Registries/ke-hoach?year={plan.Year}&agency={planAgency}"));
        Assert.Equal($"/Plans/Details/{plan.Id}", plans.QuerySelector($"tr[data-entry='{EntryId(saved)}'] [data-testid=plan-link]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Who_is_late_is_read_against_the_deadline_the_years_plan_sets()
    {
        var y = DateTime.UtcNow.AddHours(7).Year; // the demo's plans of the agencies this year: STP 08/01, SKHCN 10/01, SYT 12/01, STC 22/01
        var coordinator = await app.SignInAsync("cchc");
        async Task<Dictionary<string, string>> LateAsync()
        {
            var page = new HtmlParser().ParseDocument(await coordinator.GetStringAsync($"/Registries/ke-hoach?year={y}"));
            var ids = await app.WithDbAsync(db => db.Agencies.Where(a => new[] { "STP", "SKHCN", "SYT", "STC" }.Contains(a.Code))
                .ToDictionaryAsync(a => a.Id.ToString(CultureInfo.InvariantCulture), a => a.Code));
            return page.QuerySelectorAll("[data-testid=registry-missing] tr[data-agency]")
                .Where(r => ids.ContainsKey(r.GetAttribute("data-agency")!))
                .ToDictionary(r => ids[r.GetAttribute("data-agency")!], r => r.QuerySelector("td:last-child")!.TextContent);
        }
        Assert.Equal(["STC"], (await LateAsync()).Keys); // the default, seed 000: before 15 January
        var url = $"/Registries/ke-hoach?year={y}";
        var set = await coordinator.PostFormAsync($"/Registries/ke-hoach?handler=Due", new() { ["year"] = Id(y), ["due"] = $"09/01/{y}" }, url);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var late = await LateAsync();
        Assert.Equal(["SKHCN", "STC", "SYT"], late.Keys.Order());
        Assert.Equal($"Muộn (ngày 10/01/{y})", late["SKHCN"]);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Setting" && e.EntityId == $"registry-due:ke-hoach:{y}")));
        Assert.Contains($"Hạn phải là một ngày của năm {y}.", await HtmlAsync(await coordinator.PostFormAsync("/Registries/ke-hoach?handler=Due",
            new() { ["year"] = Id(y), ["due"] = $"09/01/{y + 1}" }, url)));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("tuphap")).PostFormAsync("/Registries/ke-hoach?handler=Due",
            new() { ["year"] = Id(y), ["due"] = $"20/01/{y}" }, url)).StatusCode);
        // Back to the default for the other tests of the class.
        await coordinator.PostFormAsync($"/Registries/ke-hoach?handler=Due", new() { ["year"] = Id(y), ["due"] = $"15/01/{y}" }, url);
    }

    public static TheoryData<string> Kinds() => new(RegistryCatalog.All.Select(k => k.Code));

    /// <summary>A valid value of each column, as an officer types it; the agency columns name Sở Tư pháp's unit.</summary>
    private static Dictionary<string, string> Typed(RegistryKind kind, int n) => kind.Columns
        .Where(c => c.Type is not (ColumnType.Plan or ColumnType.Task))
        .ToDictionary(c => c.Key, c => c.Type switch
        {
            ColumnType.Count => Math.Min(n, (int)c.Max).ToString(CultureInfo.InvariantCulture),
            ColumnType.Money => VietnameseNumber.Format(Math.Min(n + 0.5m, c.Max)),
            ColumnType.Date => $"05/02/{2021}",
            ColumnType.Choice => c.Choices![n % c.Choices.Count].Code,
            ColumnType.YesNo => "1",
            ColumnType.Agency => "TTTGPL",
            _ => $"{c.Title} số {n}",
        });

    /// <summary>Every registry, end to end on its pages: added, listed, exported, imported back as an edit, deleted — each change audited.</summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_registry_is_kept_on_its_pages_and_goes_to_Excel_and_back(string code)
    {
        var kind = RegistryCatalog.Find(code)!;
        var stp = await AgencyAsync("STP");
        var client = await app.SignInAsync(kind.ProvinceOnly ? "cchc" : "tuphap");
        const int year = 2021;
        var saved = await SaveAsync(client, code, null, stp, $"03/02/{year}", Typed(kind, 7));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await HtmlAsync(saved));
        var id = EntryId(saved);
        var list = new HtmlParser().ParseDocument(await client.GetStringAsync($"/Registries/{code}?year={year}"));
        Assert.NotNull(list.QuerySelector($"[data-testid=registry-entries] tr[data-entry='{id}']"));

        var sheet = Xlsx.ReadFirstSheet(new MemoryStream(await client.GetByteArrayAsync($"/Registries/{code}?handler=Export&year={year}&agency={stp}")));
        var row = sheet.Skip(1).Single(r => r[0] == Id(id));
        var header = RegistryXlsx.Header(kind).ToList();
        var edited = Typed(kind, 9);
        var cells = header.Select((h, i) => i < row.Length ? row[i] : "").ToArray();
        foreach (var c in kind.Columns.Where(c => edited.ContainsKey(c.Key))) cells[header.IndexOf(c.Title)] = edited[c.Key];
        var token = await client.AntiforgeryTokenAsync($"/Registries/{code}/Import");
        var preview = await HtmlAsync(await client.PostAsync($"/Registries/{code}/Import?handler=Preview",
            Upload(Xlsx.Write("Sổ", header, [cells]), token)));
        Assert.Contains("1 dòng, 0 dòng lỗi", preview);
        var upload = Regex.Match(preview, "name=\"upload\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Registries/{code}/Import?handler=Apply", new() { ["upload"] = upload },
            $"/Registries/{code}/Import")).StatusCode);
        var entry = await app.WithDbAsync(db => db.RegistryEntries.SingleAsync(e => e.Id == id));
        var expected = RegistryValues.Read(kind, $"03/02/{year}", edited.ToDictionary(kv => kv.Key, kv => (string?)kv.Value), _ => 1);
        foreach (var c in kind.Columns.Where(c => c.Type is not (ColumnType.Agency or ColumnType.Plan or ColumnType.Task)))
            Assert.Equal(expected.Values.GetValueOrDefault(c.Key), entry.ValueMap.GetValueOrDefault(c.Key));
        Assert.Equal(2, entry.Version);

        var url = $"/Registries/{code}/Entry/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url + "?handler=Delete", [], url)).StatusCode);
        Assert.Equal(["create", "delete", "update"], await app.WithDbAsync(db => db.AuditEntries
            .Where(e => e.EntityType == SaveRegistryEntry.EntityType && e.EntityId == Id(id)).Select(e => e.Action).OrderBy(a => a).ToListAsync()));
        // Another agency's officer sees none of it, and cannot write the kind for Sở Tư pháp.
        var other = await app.SignInAsync("khcn");
        Assert.Equal(HttpStatusCode.Forbidden, (await SaveAsync(other, code, null, stp, $"03/02/{year}", Typed(kind, 7))).StatusCode);
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string token, string name = "so.xlsx")
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", name);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return content;
    }

    [Fact]
    public async Task A_registry_goes_to_Excel_and_back_previewed_first_then_all_or_nothing()
    {
        var kind = RegistryCatalog.Find(RegistryCatalog.Dialogues)!;
        var coordinator = await app.SignInAsync("cchc");
        var year = await app.WithDbAsync(db => db.RegistryEntries.Where(e => e.Kind == kind.Code).MaxAsync(e => e.Year));
        var export = await coordinator.GetAsync($"/Registries/{kind.Code}?handler=Export&year={year}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
        var sheet = Xlsx.ReadFirstSheet(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
        Assert.Equal(RegistryXlsx.Header(kind), sheet[0].Take(RegistryXlsx.Header(kind).Count));
        var stored = await app.WithDbAsync(db => db.RegistryEntries.Where(e => e.Kind == kind.Code && e.Year == year)
            .OrderBy(e => e.Date).ThenBy(e => e.Id).ToListAsync());
        Assert.Equal(stored.Select(e => Id(e.Id)), sheet.Skip(1).Select(r => r[0]));
        Assert.Equal(stored.Select(e => Core.Time.VnDate.Show(e.Date)), sheet.Skip(1).Select(r => r[3])); // a date cell, read back dd/mm/yyyy

        // Edit one row, add two (one for an unknown agency): the preview names the bad row, and nothing is written.
        var width = RegistryXlsx.Header(kind).Count;
        var rows = sheet.Skip(1).Select(r => r.Concat(Enumerable.Repeat("", width)).Take(width).ToArray()).ToList();
        var col = RegistryXlsx.Header(kind).ToList();
        rows[0][col.IndexOf("Số người tham dự")] = "999";
        string[] NewRow(string agency) =>
            ["", agency, "", $"05/06/{year}", "Giám đốc Sở", "Doanh nghiệp", "40", "Thủ tục đầu tư", "5", "5", "Đã trả lời tại chỗ"];
        rows.Add(NewRow("STP"));
        rows.Add(NewRow("Sở Không Có"));
        var before = await app.WithDbAsync(db => db.RegistryEntries.CountAsync());
        var token = await coordinator.AntiforgeryTokenAsync($"/Registries/{kind.Code}/Import");
        var file = Xlsx.Write("Sổ", RegistryXlsx.Header(kind), rows.Select(r => (IReadOnlyList<string?>)r));
        var preview = await HtmlAsync(await coordinator.PostAsync($"/Registries/{kind.Code}/Import?handler=Preview", Upload(file, token)));
        Assert.Contains($"{rows.Count} dòng, 1 dòng lỗi", preview);
        Assert.Contains("Không tìm thấy cơ quan “Sở Không Có” trong danh mục.", preview);
        Assert.DoesNotContain("data-testid=\"import-apply\"", preview);
        Assert.Equal(before, await app.WithDbAsync(db => db.RegistryEntries.CountAsync()));

        rows.RemoveAt(rows.Count - 1);
        file = Xlsx.Write("Sổ", RegistryXlsx.Header(kind), rows.Select(r => (IReadOnlyList<string?>)r));
        preview = await HtmlAsync(await coordinator.PostAsync($"/Registries/{kind.Code}/Import?handler=Preview", Upload(file, token)));
        Assert.Contains($"{rows.Count} dòng, 0 dòng lỗi", preview);
        var upload = Regex.Match(preview, "name=\"upload\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        var apply = await coordinator.PostFormAsync($"/Registries/{kind.Code}/Import?handler=Apply", new() { ["upload"] = upload },
            $"/Registries/{kind.Code}/Import");
        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        Assert.Contains($"1 mục thêm mới, {rows.Count - 1} mục cập nhật",
            await HtmlAsync(await coordinator.GetAsync(apply.Headers.Location!.ToString())));
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.RegistryEntries.CountAsync()));
        Assert.Equal("999", (await app.WithDbAsync(db => db.RegistryEntries.SingleAsync(e => e.Id == stored[0].Id))).ValueMap["so_nguoi"]);
        var stp = await AgencyAsync("STP");
        Assert.True(await app.WithDbAsync(db =>
            db.RegistryEntries.AnyAsync(e => e.Kind == kind.Code && e.AgencyId == stp && e.Date == new DateOnly(year, 6, 5))));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == SaveRegistryEntry.EntityType
            && e.EntityId == Id(stored[0].Id) && e.Action == "update")));

        // An officer's sheet with another agency's row is refused row by row; a file that is not a workbook, in one sentence.
        var officer = await app.SignInAsync("tuphap");
        var officerToken = await officer.AntiforgeryTokenAsync($"/Registries/{kind.Code}/Import");
        var theirs = Xlsx.Write("Sổ", RegistryXlsx.Header(kind), [NewRow("STC")]);
        Assert.Contains("Bạn không được ghi sổ này của cơ quan đó.",
            await HtmlAsync(await officer.PostAsync($"/Registries/{kind.Code}/Import?handler=Preview", Upload(theirs, officerToken))));
        var notXlsx = await HtmlAsync(await officer.PostAsync($"/Registries/{kind.Code}/Import?handler=Preview",
            Upload("Mã cơ quan,Ngày\nSTP,1/1/2026"u8.ToArray(), officerToken)));
        Assert.Contains("data-testid=\"import-errors\"", notXlsx);
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.RegistryEntries.CountAsync()));
    }

    [Fact]
    public async Task An_inspection_finding_becomes_a_remedy_task_and_the_report_and_the_criterion_read_the_registry()
    {
        const int year = 2025;
        var (stp, unit) = (await AgencyAsync("STP"), await AgencyAsync("TTTGPL"));
        var officer = await app.SignInAsync("tuphap");
        var inspection = new Dictionary<string, string> { ["doi_tuong"] = "TTTGPL", ["doan"] = "Đoàn kiểm tra của Sở Tư pháp" };
        var saved = await SaveAsync(officer, RegistryCatalog.Inspections, null, stp, "10/06/2025", inspection);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = EntryId(saved);
        Assert.Equal(unit, (await app.WithDbAsync(db => db.RegistryEntries.SingleAsync(e => e.Id == id))).SubjectAgencyId);
        var url = $"/Registries/kiem-tra/Entry/{id}";

        // No finding before the visit; none due before it.
        var early = await HtmlAsync(await officer.PostFormAsync(url + "?handler=Finding",
            new() { ["FindingText"] = "Chưa niêm yết", ["FindingDue"] = "30/09/2025" }, url));
        Assert.Contains("Nhập “Ngày kiểm tra thực tế” của cuộc kiểm tra trước khi ghi tồn tại, hạn chế.", early);
        inspection["ngay_kiem_tra"] = "12/06/2025";
        inspection["van_ban"] = "45/TB-STP ngày 20/6/2025";
        Assert.Equal(HttpStatusCode.Redirect,
            (await SaveAsync(officer, RegistryCatalog.Inspections, id, stp, "10/06/2025", inspection, version: 1)).StatusCode);
        Assert.Contains("Thời hạn không được trước ngày 12/06/2025 (ngày kiểm tra thực tế).",
            await HtmlAsync(await officer.PostFormAsync(url + "?handler=Finding",
                new() { ["FindingText"] = "Chưa niêm yết", ["FindingDue"] = "01/06/2025" }, url)));
        Assert.Equal(0, await app.WithDbAsync(db => db.InspectionFindings.CountAsync(f => f.EntryId == id)));

        var added = await officer.PostFormAsync(url + "?handler=Finding",
            new() { ["FindingText"] = "Chưa niêm yết công khai TTHC tại trụ sở", ["FindingDue"] = "30/09/2025" }, url);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var finding = await app.WithDbAsync(db => db.InspectionFindings.SingleAsync(f => f.EntryId == id));
        var task = await app.WithDbAsync(db => db.PlanTasks.Include(t => t.Assignments).SingleAsync(t => t.Id == finding.TaskId));
        Assert.Equal((AddFinding.TaskSource, "45/TB-STP ngày 20/6/2025", new DateOnly(2025, 9, 30), unit),
            (task.Source, task.AssignedBy, task.EffectiveDue, task.Assignments.Single(a => a.Role == AssignmentRole.Lead).AgencyId));
        Assert.Contains("Chưa niêm yết công khai TTHC tại trụ sở", task.Content);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "finding" && e.EntityId == Id(id))));
        var page = new HtmlParser().ParseDocument(await officer.GetStringAsync(url));
        Assert.Equal("Đang thực hiện", page.QuerySelector($"[data-testid=findings] tr[data-task='{task.Id}'] td:last-child")!.TextContent);
        var coordinator = await app.SignInAsync("cchc");
        Assert.Contains("Chưa niêm yết công khai TTHC tại trụ sở", await HtmlAsync(await coordinator.GetAsync($"/Tasks/Details/{task.Id}")));
        // The inspection keeps its findings: it cannot be deleted from under their tasks.
        Assert.Contains("không xóa được", await HtmlAsync(await officer.PostFormAsync(url + "?handler=Delete", [], url)));

        // A dialogue's request to settle is a task of the agency that held it.
        var dialogue = EntryId(await SaveAsync(officer, RegistryCatalog.Dialogues, null, stp, "20/05/2025",
            new() { ["chu_tri"] = "Giám đốc Sở", ["doi_tuong"] = "nguoi_dan", ["so_kien_nghi"] = "3", ["so_da_tra_loi"] = "2" }));
        var dialogueUrl = $"/Registries/doi-thoai/Entry/{dialogue}";
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(dialogueUrl + "?handler=Finding",
            new() { ["FindingText"] = "Trả lời bằng văn bản kiến nghị về công chứng tại nhà", ["FindingDue"] = "30/06/2025" }, dialogueUrl)).StatusCode);
        var followUp = await app.WithDbAsync(db => db.InspectionFindings.SingleAsync(f => f.EntryId == dialogue));
        var settle = await app.WithDbAsync(db => db.PlanTasks.Include(t => t.Assignments).SingleAsync(t => t.Id == followUp.TaskId));
        Assert.Equal((stp, "Kết luận đối thoại với người dân, doanh nghiệp"), (settle.Assignments.Single().AgencyId!.Value, settle.Source));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostFormAsync($"/Registries/sang-kien/Entry/{dialogue}?handler=Finding",
            new() { ["FindingText"] = "x", ["FindingDue"] = "30/06/2025" }, dialogueUrl)).StatusCode); // the entry is not an initiative

        // The report: the registry's figures of the year, prefilled; the criterion: 1 of the 2 units inspected, with its source.
        using var scope = app.Services.CreateScope();
        var period = new ReportingPeriod("2025-N", "Năm 2025", PeriodKind.Year, year, new DateOnly(2025, 12, 15), null, new DateOnly(2025, 12, 14));
        var values = await scope.ServiceProvider.GetRequiredService<ReportPrefill>().ValuesAsync(ReportForm.CchcPeriodic, period, stp);
        Assert.Equal((1m, (decimal?)null), (values["inspections_planned"].Value, values["inspections_planned"].Denominator));
        Assert.Equal(1m, values["inspected_units"].Value);
        Assert.Equal((1m, (decimal?)2m), (values["inspection_coverage"].Value, values["inspection_coverage"].Denominator));
        Assert.All(new[] { "inspections_planned", "inspected_units", "inspection_coverage" }, c => Assert.Equal(ValueSource.Prefilled, values[c].Source));
        Assert.False(values.ContainsKey("findings_remedied")); // STP was not inspected itself
        var unitValues = await scope.ServiceProvider.GetRequiredService<ReportPrefill>().ValuesAsync(ReportForm.CchcPeriodic, period, unit);
        Assert.Equal((0m, (decimal?)1m), (unitValues["findings_remedied"].Value, unitValues["findings_remedied"].Denominator));
        Assert.StartsWith("Theo sổ theo dõi kiểm tra CCHC", ReportForm.CchcPeriodic.Field("inspection_coverage")!.Hint);

        var computed = await scope.ServiceProvider.GetRequiredService<IndexQueries>().ComputedAsync(IndexPresets.DemoDepartments(year), stp, year);
        var (input, shown) = computed["1.6"];
        Assert.Equal(ScoreInput.Rate(1, 2), input);
        Assert.Equal("1/2 đơn vị trực thuộc được kiểm tra CCHC năm 2025 (sổ kiểm tra CCHC trên ParHub)", shown);
        Assert.Equal(2m, ScoringEngine.Points(IndexPresets.DemoDepartments(year).Nodes.Single(n => n.Code == "1.6").Rule!, 2, input)); // 50% ≥ 30%
    }
}

public sealed class SqliteRegistryTests(SqliteFactory app) : RegistryTests<SqliteFactory>(app);
public sealed class PostgresRegistryTests(PostgresFactory app) : RegistryTests<PostgresFactory>(app);
