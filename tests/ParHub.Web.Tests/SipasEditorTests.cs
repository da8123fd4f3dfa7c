using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Core.Sipas;
using ParHub.Web.Features.Sipas;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>The survey staff edit a programme's questionnaire: versions once answered, stable codes, audited, staff only.</summary>
public abstract class SipasEditorTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    private Task<int> QuestionnaireOf(int programme) =>
        app.WithDbAsync(db => db.SurveyProgrammes.Where(p => p.Id == programme).Select(p => p.QuestionnaireId!.Value).SingleAsync());

    private Task<SurveyDefinition> DefinitionOf(int questionnaire) => app.WithDbAsync(async db =>
        SurveyDefinition.FromJson(await db.SurveyQuestionnaires.Where(q => q.Id == questionnaire).Select(q => q.Definition).SingleAsync()));

    private async Task<SurveyForm> FormAsync(int programme)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<SurveyFormCache>().FindAsync(programme, default))!;
    }

    private async Task<long> SubmitAsync(int programme, int agency, Dictionary<string, string> answers)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SubmitResponse>().RunAsync(new(programme, agency, SurveyChannel.Paper, answers));
    }

    [Fact]
    public async Task Editing_an_answered_questionnaire_makes_a_new_version_the_response_keeps_its_own_and_codes_stay_stable()
    {
        var (programme, agency) = await app.CollectingProgrammeAsync();
        var q0 = await QuestionnaireOf(programme);
        var first = await SubmitAsync(programme, agency, new() { ["8.c"] = "1", ["9.1"] = "5" });
        var coordinator = await app.SignInAsync("cchc");
        var page = $"/Sipas/Questionnaire/{programme}";
        Assert.Contains("phiên bản", WebUtility.HtmlDecode(await coordinator.GetStringAsync(page)));

        // A new item asked only of those who used a procedure.
        var add = await coordinator.PostFormAsync($"{page}?handler=Item", new()
        {
            ["q"] = q0.ToString(), ["Input.Component"] = "8", ["Input.Code"] = "8.d", ["Input.Text"] = "Ông/bà nộp hồ sơ trực tuyến?",
            ["Input.Type"] = "YesNo", ["Input.ShowIf"] = "8.c=1",
        }, page);
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        var q1 = await QuestionnaireOf(programme);
        Assert.NotEqual(q0, q1);
        var (v0, v1) = await app.WithDbAsync(async db => (await db.SurveyQuestionnaires.SingleAsync(q => q.Id == q0),
            await db.SurveyQuestionnaires.SingleAsync(q => q.Id == q1)));
        Assert.Equal(v0.Code, v1.Code);
        Assert.True(v1.Version > v0.Version);
        Assert.DoesNotContain(SurveyDefinition.FromJson(v0.Definition).Items, i => i.Code == "8.d"); // the old version is untouched
        Assert.Equal("8.c=1", (await DefinitionOf(q1)).Items.Single(i => i.Code == "8.d").ShowIf);
        Assert.Equal(q0, await app.WithDbAsync(db => db.SurveyResponses.Where(r => r.Id == first).Select(r => r.QuestionnaireId).SingleAsync()));
        Assert.Contains($"phiên bản mới {v1.Version}", WebUtility.HtmlDecode(await coordinator.GetStringAsync(page)));

        // The new version has no answers yet and is this programme's alone: changed in place — and the cached form follows.
        Assert.Equal(q1, (await FormAsync(programme)).QuestionnaireId);
        var reworded = await coordinator.PostFormAsync($"{page}?handler=Item", new()
        {
            ["q"] = q1.ToString(), ["Input.OriginalCode"] = "9.1", ["Input.Component"] = "I.A", ["Input.Code"] = "9.1",
            ["Input.Text"] = "Thông tin chính sách dễ tìm, dễ hiểu", ["Input.Type"] = "Scale5",
        }, page);
        Assert.Equal(HttpStatusCode.Redirect, reworded.StatusCode);
        Assert.Equal(q1, await QuestionnaireOf(programme));
        Assert.Equal("Thông tin chính sách dễ tìm, dễ hiểu", (await DefinitionOf(q1)).Items.Single(i => i.Code == "9.1").Text);
        Assert.Equal("Thông tin chính sách dễ tìm, dễ hiểu", (await FormAsync(programme)).Definition.Items.Single(i => i.Code == "9.1").Text);

        // 9.1 has answers: its code stays; deleting it only hides it.
        var renamed = await coordinator.PostFormAsync($"{page}?handler=Item", new()
        {
            ["q"] = q1.ToString(), ["Input.OriginalCode"] = "9.1", ["Input.Component"] = "I.A", ["Input.Code"] = "9.1x",
            ["Input.Text"] = "Khác", ["Input.Type"] = "Scale5",
        }, page);
        Assert.Contains("Câu 9.1 đã có câu trả lời: giữ nguyên mã câu", WebUtility.HtmlDecode(await renamed.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"{page}?handler=Delete",
            new() { ["q"] = q1.ToString(), ["code"] = "9.1" }, page)).StatusCode);
        Assert.True((await DefinitionOf(q1)).Items.Single(i => i.Code == "9.1").Hidden);

        // A stale form (the programme has moved on to another version) changes nothing.
        var stale = await coordinator.PostFormAsync($"{page}?handler=Delete", new() { ["q"] = q0.ToString(), ["code"] = "9.2" }, page);
        Assert.Contains(EditQuestionnaire.StaleMessage, WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));

        // New responses answer the new version, with its new item; the hidden one is no longer taken.
        var second = await SubmitAsync(programme, agency, new() { ["8.c"] = "1", ["8.d"] = "2", ["9.1"] = "5", ["9.2"] = "4" });
        var stored = await app.WithDbAsync(db => db.SurveyResponses.Include(r => r.Answers).SingleAsync(r => r.Id == second));
        Assert.Equal(q1, stored.QuestionnaireId);
        Assert.Equal(["8.c", "8.d", "9.2"], stored.Answers.Select(a => a.ItemCode).Order(StringComparer.Ordinal));
        var steps = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "SurveyProgramme" && e.EntityId == programme.ToString()
            && e.Action == "questionnaire"));
        Assert.Equal(3, steps);
    }

    [Fact]
    public async Task Bad_edits_are_refused_with_their_reasons_and_store_nothing()
    {
        var (programme, _) = await app.CollectingProgrammeAsync();
        var q = await QuestionnaireOf(programme);
        var before = await app.WithDbAsync(db => db.SurveyQuestionnaires.CountAsync());
        var coordinator = await app.SignInAsync("cchc");
        var page = $"/Sipas/Questionnaire/{programme}";
        async Task<string> Post(string handler, Dictionary<string, string> fields)
        {
            fields["q"] = q.ToString();
            var r = await coordinator.PostFormAsync($"{page}?handler={handler}", fields, page);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        }
        Assert.Contains("câu 9.99 phải có trước câu này", await Post("Item", new()
        {
            ["Input.Component"] = "8", ["Input.Code"] = "8.e", ["Input.Text"] = "Mới", ["Input.Type"] = "YesNo", ["Input.ShowIf"] = "9.99=1",
        }));
        // 9.5 is taken — and answered already (the demo's responses), which is said first.
        Assert.Contains("Mã 9.5 là của một câu đã có câu trả lời; chọn mã khác.", await Post("Item", new()
        { ["Input.Component"] = "I.A", ["Input.Code"] = "9.5", ["Input.Text"] = "Trùng", ["Input.Type"] = "Scale5" }));
        Assert.Contains("Loại câu hỏi không hợp lệ", await Post("Item", new()
        { ["Input.Component"] = "I.A", ["Input.Code"] = "9.50", ["Input.Text"] = "X", ["Input.Type"] = "Khác" }));
        Assert.Contains("Thứ tự phải là số nguyên dương", await Post("Item", new()
        { ["Input.Component"] = "I.A", ["Input.Code"] = "9.50", ["Input.Text"] = "X", ["Input.Type"] = "Scale5", ["Input.Order"] = "đầu" }));
        Assert.Contains("phải là thang 5 mức", await Post("Item", new()
        { ["Input.Component"] = "II.A", ["Input.Code"] = "9.50", ["Input.Text"] = "X", ["Input.Type"] = "Text" }));
        Assert.Contains("Không tìm thấy câu 77", await Post("Delete", new() { ["code"] = "77" }));
        Assert.Equal(before, await app.WithDbAsync(db => db.SurveyQuestionnaires.CountAsync()));
        Assert.Equal(q, await QuestionnaireOf(programme));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/Sipas/Questionnaire/999999")).StatusCode);
    }

    [Fact]
    public async Task Only_the_survey_staff_see_or_edit_the_questionnaire()
    {
        var (programme, _) = await app.CollectingProgrammeAsync();
        var q = await QuestionnaireOf(programme);
        var before = (await DefinitionOf(q)).ToJson();
        var page = $"/Sipas/Questionnaire/{programme}";
        var anonymous = await app.Anonymous().GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.PathAndQuery);
        var officer = await app.SignInAsync("tuphap");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(page)).StatusCode);
        var token = await officer.AntiforgeryTokenAsync("/Tasks");
        var post = await officer.PostAsync($"{page}?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string>
        { ["q"] = q.ToString(), ["code"] = "9.3", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(before, (await DefinitionOf(q)).ToJson());
        Assert.Equal(q, await QuestionnaireOf(programme));
    }
}

public sealed class SqliteSipasEditorTests(SqliteFactory app) : SipasEditorTests<SqliteFactory>(app);
public sealed class PostgresSipasEditorTests(PostgresFactory app) : SipasEditorTests<PostgresFactory>(app);
