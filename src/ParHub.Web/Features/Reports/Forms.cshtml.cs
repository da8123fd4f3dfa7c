using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Reports;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Reports;

/// <summary>
/// The report forms and their editor: a list of the forms (each key's newest version, and the regimes that use it); with a
/// key, its newest version as rows to edit — sections, fields (kind, unit, required, range, prefill source picked from what
/// ParHub knows, formula), checks — saved as a new version; without one, a new form. Blank rows add without JavaScript.
/// </summary>
[Authorize(Roles = Roles.DirectoryEditors)]
public class FormsModel(ParHubDbContext db, ReportSetup setup) : PageModel
{
    public const int BlankSections = 2;
    public const int BlankFields = 8;
    public const int BlankRules = 3;

    public sealed class FormInput
    {
        public string? Key { get; set; }
        public string? Title { get; set; }
        public int FromVersion { get; set; }
        public List<SectionRowInput> Sections { get; set; } = [];
        public List<FieldRowInput> Fields { get; set; } = [];
        public List<RuleRowInput> Rules { get; set; } = [];
    }

    public sealed class SectionRowInput { public string? Code { get; set; } public string? Title { get; set; } }

    public sealed class FieldRowInput
    {
        public string? Section { get; set; }
        public string? Code { get; set; }
        public string? Label { get; set; }
        public string? Kind { get; set; }
        public string? Unit { get; set; }
        public bool Required { get; set; }
        public string? Min { get; set; }
        public string? Max { get; set; }
        public string? Prefill { get; set; }
        public string? Derived { get; set; }
        public string? DerivedOver { get; set; }
        public string? Hint { get; set; }
    }

    public sealed class RuleRowInput
    {
        public string? Left { get; set; }
        public string? Op { get; set; }
        public string? Right { get; set; }
        public string? Message { get; set; }
    }

    public List<ReportFormVersion> Latest { get; private set; } = [];
    public Dictionary<string, List<string>> UsedBy { get; private set; } = [];
    public bool Editing { get; private set; }
    public bool IsNew => Input.FromVersion == 0;
    public List<string> Problems { get; private set; } = [];
    public string? Message { get; private set; }
    [BindProperty] public FormInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string? key, bool? edit, int? saved, CancellationToken ct)
    {
        await setup.EnsurePresetsAsync(ct);
        await LoadListAsync(ct);
        if (saved is { } v && key is not null) Message = $"Đã lưu phiên bản {v} của mẫu {key}. Báo cáo đã lập giữ phiên bản cũ.";
        if (key is not null)
        {
            if (!await db.ReportForms.AnyAsync(f => f.Key == key, ct)) return NotFound();
            var (row, form) = await setup.LatestFormAsync(key, ct);
            var (sections, fields, rules) = FormEditing.Rows(form);
            Input = new FormInput
            {
                Key = form.Key, Title = form.Title, FromVersion = row.Version,
                Sections = sections.Select(s => new SectionRowInput { Code = s.Code, Title = s.Title }).ToList(),
                Fields = fields.Select(f => new FieldRowInput
                {
                    Section = f.Section, Code = f.Code, Label = f.Label, Kind = f.Kind, Unit = f.Unit, Required = f.Required, Min = f.Min, Max = f.Max,
                    Prefill = f.Prefill, Derived = f.Derived, DerivedOver = f.DerivedOver, Hint = f.Hint,
                }).ToList(),
                Rules = rules.Select(r => new RuleRowInput { Left = r.Left, Op = r.Op, Right = r.Right, Message = r.Message }).ToList(),
            };
            Editing = true;
        }
        else if (edit == true) Editing = true; // a new form
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] SaveForm save, CancellationToken ct)
    {
        try
        {
            var row = await save.RunAsync(new SaveFormRequest(Input.Key, Input.Title, Input.FromVersion,
                Input.Sections.Select(s => new SectionRow(s.Code, s.Title)).ToList(),
                Input.Fields.Select(f => new FieldRow(f.Section, f.Code, f.Label, f.Kind, f.Unit, f.Required, f.Min, f.Max, f.Prefill, f.Derived,
                    f.DerivedOver, f.Hint)).ToList(),
                Input.Rules.Select(r => new RuleRow(r.Left, r.Op, r.Right, r.Message)).ToList()), ct);
            return Redirect($"/Reports/Forms?key={Uri.EscapeDataString(row.Key)}&saved={row.Version}");
        }
        catch (FormRefusedException e) { Problems = [.. e.Problems]; }
        await LoadListAsync(ct);
        Editing = true;
        return Page();
    }

    private async Task LoadListAsync(CancellationToken ct)
    {
        var all = await db.ReportForms.AsNoTracking().ToListAsync(ct);
        Latest = all.GroupBy(f => f.Key).Select(g => g.MaxBy(f => f.Version)!).OrderBy(f => f.Key).ToList();
        UsedBy = (await db.ReportRegimes.AsNoTracking().Select(r => new { r.FormKey, r.Name }).ToListAsync(ct))
            .GroupBy(r => r.FormKey).ToDictionary(g => g.Key, g => g.Select(r => r.Name).ToList());
    }
}
