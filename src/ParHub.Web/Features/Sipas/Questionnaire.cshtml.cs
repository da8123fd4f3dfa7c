using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.App;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Sipas;

/// <summary>An item as the editor's form posts it (choices one per line, its place as typed).</summary>
public sealed class ItemForm
{
    public string? OriginalCode { get; set; }
    public string Component { get; set; } = "";
    public string? Code { get; set; }
    public string? Text { get; set; }
    public ItemType Type { get; set; }
    public string? Options { get; set; }
    public bool Required { get; set; }
    public string? ShowIf { get; set; }
    public string? Order { get; set; }
}

/// <summary>
/// The questionnaire editor of a programme for the survey staff: parts, components and items (text, type, choices,
/// place, required, condition). Each save goes through <see cref="EditQuestionnaire"/>: once there are answers it makes
/// a new version, and the responses keep the version they answered.
/// </summary>
[Authorize(Policy = Policies.DirectoryEditor)]
public class QuestionnaireModel(ParHubDbContext db, EditQuestionnaire edit) : PageModel
{
    public SurveyProgramme Programme { get; private set; } = null!;
    public SurveyQuestionnaire Questionnaire { get; private set; } = null!;
    public SurveyDefinition Definition { get; private set; } = null!;
    public IReadOnlySet<string> Answered { get; private set; } = new HashSet<string>();
    public int ResponsesOfVersion { get; private set; }
    public List<string> Problems { get; private set; } = [];
    [BindProperty] public ItemForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, string? item, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (item is not null && Definition.Sections.SelectMany(s => s.Components).FirstOrDefault(c => c.Items.Any(i => i.Code == item)) is { } c)
        {
            var i = c.Items.Single(x => x.Code == item);
            Input = new ItemForm
            {
                OriginalCode = i.Code, Component = c.Code, Code = i.Code, Text = i.Text, Type = i.Type, Required = i.Required, ShowIf = i.ShowIf,
                Options = i.Options is { } o ? string.Join("\n", o) : null,
            };
        }
        return Page();
    }

    public Task<IActionResult> OnPostItemAsync(int id, int q, CancellationToken ct)
    {
        int? order = null;
        if (!string.IsNullOrWhiteSpace(Input.Order))
        {
            if (!int.TryParse(Input.Order.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var o) || o < 1)
                return FailAsync(id, ["Thứ tự phải là số nguyên dương (1 là đầu nhóm), hoặc để trống."], ct);
            order = o;
        }
        if (!ModelState.IsValid) return FailAsync(id, ["Loại câu hỏi không hợp lệ."], ct);
        var options = Input.Options?.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        var original = string.IsNullOrWhiteSpace(Input.OriginalCode) ? null : Input.OriginalCode;
        var e = new ItemEdit(original, Input.Component, Input.Code ?? "", Input.Text ?? "", Input.Type, options, Input.Required, Input.ShowIf, order);
        return SaveAsync(id, q, original is null ? $"thêm câu {e.Code}" : $"sửa câu {original}", (d, a) => SurveyEditor.SaveItem(d, e, a), ct);
    }

    public Task<IActionResult> OnPostDeleteAsync(int id, int q, string code, CancellationToken ct) =>
        SaveAsync(id, q, $"xóa câu {code}", (d, a) => SurveyEditor.DeleteItem(d, code ?? "", a), ct);

    public Task<IActionResult> OnPostComponentAsync(int id, int q, string section, string? original, string? code, string? title,
        CancellationToken ct) =>
        SaveAsync(id, q, original is null ? $"thêm nhóm {code}" : $"sửa nhóm {original}",
            (d, _) => SurveyEditor.SaveComponent(d, section ?? "", string.IsNullOrWhiteSpace(original) ? null : original, code ?? "", title ?? ""), ct);

    public Task<IActionResult> OnPostSectionAsync(int id, int q, string? original, string? code, string? title, bool index, string? showIf,
        CancellationToken ct) =>
        SaveAsync(id, q, original is null ? $"thêm phần {code}" : $"sửa phần {original}",
            (d, _) => SurveyEditor.SaveSection(d, string.IsNullOrWhiteSpace(original) ? null : original, code ?? "", title ?? "", index, showIf), ct);

    private async Task<IActionResult> SaveAsync(int id, int q, string summary, Func<SurveyDefinition, IReadOnlySet<string>, SurveyDefinition> change,
        CancellationToken ct)
    {
        try
        {
            var saved = await edit.RunAsync(id, q, summary, change, ct);
            TempData["Message"] = saved.NewVersion
                ? $"Đã lưu thành phiên bản mới {saved.Version}; các phiếu đã nhận giữ phiên bản cũ."
                : $"Đã lưu bảng hỏi (phiên bản {saved.Version}).";
            return Redirect($"/Sipas/Questionnaire/{id}");
        }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (SurveyEditException e) { return await FailAsync(id, e.Problems, ct); }
        catch (SurveyRuleException e) { return await FailAsync(id, [e.Message], ct); }
    }

    private async Task<IActionResult> FailAsync(int id, IReadOnlyList<string> problems, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Problems = problems.ToList();
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var p = await SurveyForms.ProgrammeAsync(db, id, ct);
        if (p?.QuestionnaireId is not { } qid) return false;
        Programme = p;
        Questionnaire = await db.SurveyQuestionnaires.AsNoTracking().SingleAsync(x => x.Id == qid, ct);
        Definition = SurveyDefinition.FromJson(Questionnaire.Definition);
        Answered = await EditQuestionnaire.AnsweredAsync(db, Questionnaire.Code, ct);
        ResponsesOfVersion = await db.SurveyResponses.CountAsync(r => r.QuestionnaireId == qid, ct);
        return true;
    }
}
