using Microsoft.EntityFrameworkCore;
using ParHub.Core.Reports;
using ParHub.Web.Data;

namespace ParHub.Web.Features.Reports;

/// <summary>The form editor's rows, and the version they were edited from (0 for a new form).</summary>
public sealed record SaveFormRequest(string? Key, string? Title, int FromVersion, IReadOnlyList<SectionRow> Sections, IReadOnlyList<FieldRow> Fields,
    IReadOnlyList<RuleRow> Rules);

/// <summary>Refused: every problem of the rows, or why the form cannot be saved over; nothing was stored.</summary>
public sealed class FormRefusedException(IReadOnlyList<string> problems) : Exception(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Saves what the form editor holds as a new version of the form (<see cref="ReportSetup.AddVersionAsync"/>: the version
/// and its audit line together): reports already made keep the version they were made with. Refused with every problem
/// (<see cref="FormRefusedException"/>), when a new form takes a key in use, or when the form was changed since it was opened.
/// </summary>
public sealed class SaveForm(ParHubDbContext db, ReportSetup setup)
{
    public async Task<ReportFormVersion> RunAsync(SaveFormRequest request, CancellationToken ct = default)
    {
        var (form, problems) = FormEditing.Build(request.Key, request.Title, request.Sections, request.Fields, request.Rules);
        if (form is null) throw new FormRefusedException(problems);
        var latest = await db.ReportForms.Where(f => f.Key == form.Key).MaxAsync(f => (int?)f.Version, ct) ?? 0;
        if (request.FromVersion == 0 && latest > 0)
            throw new FormRefusedException([$"Đã có mẫu báo cáo mã \"{form.Key}\": chọn mã khác, hoặc sửa mẫu đó."]);
        if (request.FromVersion != latest)
            throw new FormRefusedException([$"Mẫu \"{form.Key}\" vừa có phiên bản {latest} mới hơn bản bạn sửa: tải lại trang rồi sửa lại."]);
        try { return await setup.AddVersionAsync(form, ct); }
        catch (FormatException e) { throw new FormRefusedException([e.Message]); }
    }
}
