using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using ParHub.Web.Features.Agencies;
using ParHub.Web.Shared.Office;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>The directory pages: tree, search, edit validation, XLSX export and import (preview, then one transaction).</summary>
public abstract class DirectoryTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    [Fact]
    public async Task The_tree_shows_the_province_and_hides_abolished_districts_unless_asked()
    {
        var client = await app.SignInAsync("xem");
        var tree = await client.GetStringAsync("/Agencies");
        Assert.Contains("Ủy ban nhân dân thành phố Hải Phòng", tree);
        Assert.Contains("Sở Nội vụ", tree);
        Assert.DoesNotContain("Ủy ban nhân dân quận Lê Chân", tree);
        Assert.Contains("Ủy ban nhân dân quận Lê Chân", await client.GetStringAsync("/Agencies?showEnded=true"));
    }

    [Theory]
    [InlineData("so noi vu", "Sở Nội vụ")]
    [InlineData("so ke hoach", "Sở Kế hoạch và Đầu tư")]
    [InlineData("KH&ĐT", "Sở Kế hoạch và Đầu tư")]
    [InlineData("kế hoạch đầu tư", "Sở Kế hoạch và Đầu tư")]
    [InlineData("VP UBND TP", "Văn phòng Ủy ban nhân dân thành phố")]
    public async Task The_search_page_finds_agencies_as_people_type_them(string query, string expected)
    {
        var client = await app.SignInAsync("xem");
        var html = await client.GetStringAsync("/Agencies?showEnded=true&q=" + Uri.EscapeDataString(query));
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var first = doc.QuerySelector("[data-testid=search-results] li a");
        Assert.NotNull(first);
        Assert.Equal(expected, first!.TextContent.Trim());
    }

    [Fact]
    public async Task The_edit_form_refuses_bad_input_with_vietnamese_messages_and_saves_nothing()
    {
        var coordinator = await app.SignInAsync("cchc");
        var before = await app.WithDbAsync(db => db.Agencies.CountAsync());
        var r = await coordinator.PostFormAsync("/Agencies/Edit", new()
        {
            ["Input.Code"] = "SNV", ["Input.Kind"] = "Department", ["Input.Name"] = " ", ["Input.ValidFrom"] = "2025-01-01", ["Input.ValidTo"] = "2024-01-01",
        });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Contains("đã được dùng cho cơ quan khác", html);
        Assert.Contains("Vui lòng nhập tên cơ quan", html);
        Assert.Contains("Ngày kết thúc phải sau ngày bắt đầu", html);
        Assert.Equal(before, await app.WithDbAsync(db => db.Agencies.CountAsync()));
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string name = "danh-muc.xlsx")
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", name);
        return content;
    }

    private static async Task<HttpResponseMessage> PostUploadAsync(HttpClient client, string url, byte[] bytes, string name = "danh-muc.xlsx")
    {
        var token = await client.AntiforgeryTokenAsync("/Agencies/Import");
        var content = Upload(bytes, name);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(url, content);
    }

    [Fact]
    public async Task Export_then_import_with_a_rename_and_a_new_agency_updates_in_one_transaction()
    {
        var coordinator = await app.SignInAsync("cchc");
        var export = await coordinator.GetAsync("/Agencies/Export");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
        var rows = Xlsx.ReadFirstSheet(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
        Assert.Equal(AgencyXlsx.Header, rows[0]);
        var count = await app.WithDbAsync(db => db.Agencies.CountAsync());
        Assert.Equal(count, rows.Count - 1);

        var data = rows.Skip(1).Select(r => r.Concat(Enumerable.Repeat("", AgencyXlsx.Header.Length)).Take(AgencyXlsx.Header.Length).ToArray()).ToList();
        var sdl = data.Single(r => r[0] == "SDL");
        sdl[2] = "Sở Du lịch thành phố Hải Phòng";
        data.Add(["TTXTDL", "Đơn vị sự nghiệp", "Trung tâm Xúc tiến Du lịch", "TT XTDL", "", "SDL", "01/01/2020", "", "", "", "", "", ""]);
        var file = Xlsx.Write("Danh mục", AgencyXlsx.Header, data.Select(r => (IReadOnlyList<string?>)r));

        var preview = await PostUploadAsync(coordinator, "/Agencies/Import?handler=Preview", file);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains($"{count + 1} dòng: 1 thêm mới, {count} cập nhật, 0 dòng lỗi", html);
        Assert.Equal(count, await app.WithDbAsync(db => db.Agencies.CountAsync())); // nothing written by a preview
        var upload = System.Text.RegularExpressions.Regex.Match(html, "name=\"upload\" value=\"([0-9a-f]{32})\"").Groups[1].Value;

        var apply = await coordinator.PostFormAsync("/Agencies/Import?handler=Apply", new() { ["upload"] = upload }, "/Agencies/Import");
        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        Assert.Equal(count + 1, await app.WithDbAsync(db => db.Agencies.CountAsync()));
        var added = await app.WithDbAsync(db => db.Agencies.Include(a => a.Parent).SingleAsync(a => a.Code == "TTXTDL"));
        Assert.Equal("Sở Du lịch", added.Parent!.Code == "SDL" ? "Sở Du lịch" : added.Parent.Name);
        Assert.Equal(new DateOnly(2020, 1, 1), added.ValidFrom);
        Assert.Equal("Sở Du lịch thành phố Hải Phòng",
            await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == "SDL").Select(a => a.Name).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "import" && e.Summary!.Contains("1 thêm mới"))));
    }

    [Fact]
    public async Task A_sheet_with_errors_is_shown_with_its_problems_and_nothing_is_written()
    {
        var coordinator = await app.SignInAsync("cchc");
        var count = await app.WithDbAsync(db => db.Agencies.CountAsync());
        var file = Xlsx.Write("Danh mục", AgencyXlsx.Header,
        [
            ["MOI-1", "Sở, ban, ngành", "Sở Mới", "", "", "KHONG-CO", "", "", "", "", "", "", ""],
            ["MOI-2", "Bộ", "Cơ quan lạ", "", "", "", "32/13/2024", "", "", "", "", "", ""],
            ["MOI-3", "Sở, ban, ngành", "Sở hợp lệ", "", "", "", "", "", "", "", "", "", ""],
        ]);
        var html = WebUtility.HtmlDecode(await (await PostUploadAsync(coordinator, "/Agencies/Import?handler=Preview", file)).Content.ReadAsStringAsync());
        Assert.Contains("Không có cơ quan cấp trên mã “KHONG-CO”", html);
        Assert.Contains("Loại cơ quan “Bộ” không hợp lệ", html);
        Assert.Contains("không đúng dạng dd/mm/yyyy", html);
        Assert.DoesNotContain("Xác nhận nhập", html);
        Assert.Equal(count, await app.WithDbAsync(db => db.Agencies.CountAsync()));
    }

    [Theory]
    [InlineData("not-a-spreadsheet.xlsx", "không phải định dạng Office")]
    [InlineData("danh-muc.csv", "Chỉ nhận tệp Excel")]
    public async Task A_file_that_is_not_a_spreadsheet_gets_a_clear_message(string name, string message)
    {
        var coordinator = await app.SignInAsync("cchc");
        var html = WebUtility.HtmlDecode(
            await (await PostUploadAsync(coordinator, "/Agencies/Import?handler=Preview", "Mã;Tên\nX;Y"u8.ToArray(), name)).Content.ReadAsStringAsync());
        Assert.Contains(message, html);
    }

    [Fact]
    public async Task A_corrupted_zip_and_a_sheet_without_a_header_row_are_refused()
    {
        var coordinator = await app.SignInAsync("cchc");
        var corrupt = "PK\u0003\u0004garbage-garbage-garbage"u8.ToArray();
        var html = WebUtility.HtmlDecode(await (await PostUploadAsync(coordinator, "/Agencies/Import?handler=Preview", corrupt)).Content.ReadAsStringAsync());
        Assert.Contains("bị hỏng", html);
        var noHeader = Xlsx.Write("Sheet1", ["Cột 1", "Cột 2"], [["a", "b"]]);
        html = WebUtility.HtmlDecode(await (await PostUploadAsync(coordinator, "/Agencies/Import?handler=Preview", noHeader)).Content.ReadAsStringAsync());
        Assert.Contains("Không tìm thấy dòng tiêu đề", html);
    }

    [Fact]
    public async Task Only_directory_editors_may_import()
    {
        var officer = await app.SignInAsync("tuphap");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/Agencies/Import")).StatusCode);
    }
}

public sealed class SqliteDirectoryTests(SqliteFactory app) : DirectoryTests<SqliteFactory>(app);
public sealed class PostgresDirectoryTests(PostgresFactory app) : DirectoryTests<PostgresFactory>(app);
