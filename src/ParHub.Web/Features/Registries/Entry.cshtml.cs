using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Registries;
using ParHub.Core.Reports;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Agencies;
using ParHub.Web.Shared;

namespace ParHub.Web.Features.Registries;

/// <summary>
/// One entry of a registry: new or stored, its form (for who may write it), its file, and for an inspection its findings,
/// each with the remedy task it is tracked by. Reading is scoped as the list is; every write goes through a use case.
/// </summary>
[Authorize]
[RequestSizeLimit(SaveRegistryEntry.MaxFileBytes + 256 * 1024)]
[UploadLimit(SaveRegistryEntry.MaxFileBytes + 256 * 1024, "Tệp đính kèm quá lớn; tối đa 20 MB.")]
public class EntryModel(ParHubDbContext db, RegistryQueries queries, ICurrentUser user, FileStore files) : PageModel, IUploadPage
{
    public RegistryKind Kind { get; private set; } = null!;
    public RegistryEntry? Stored { get; private set; }
    public bool CanWrite { get; private set; }
    public bool IsProvince { get; private set; }
    public List<FindingView> Findings { get; private set; } = [];
    public List<string> Problems { get; private set; } = [];
    public string? Error { get; private set; }
    public AgencyDirectoryCache.Snapshot Directory { get; private set; } = null!;

    [BindProperty] public Dictionary<string, string?> In { get; set; } = [];
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public int? Agency { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? FindingText { get; set; }
    [BindProperty] public string? FindingDue { get; set; }

    public void Refuse(string message) => Problems.Add(message);

    public string? AgencyName(int id) => Directory.ById.GetValueOrDefault(id)?.Agency.Name;

    /// <summary>The agencies the user may record for: an officer their own, the province every agency existing today.</summary>
    public IEnumerable<AgencyDirectoryCache.Entry> Recorders => IsProvince
        ? Directory.Entries.Where(e => e.Agency.ValidTo is null)
        : Directory.Entries.Where(e => e.Agency.Id == user.AgencyId);

    private async Task<IActionResult?> LoadAsync(string kind, int? id, CancellationToken ct)
    {
        if (RegistryCatalog.Find(kind) is not { } k) return NotFound();
        Kind = k;
        if (!RegistryAccess.Scope(user, out _)) return Forbid();
        IsProvince = RegistryAccess.IsProvince(user);
        Directory = await queries.DirectoryAsync(ct);
        if (id is { } i)
        {
            Stored = await db.RegistryEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == i && e.Kind == k.Code, ct);
            if (Stored is null) return NotFound();
            if (!RegistryAccess.MayRead(user, Stored)) return Forbid();
            CanWrite = RegistryAccess.MayWrite(user, k, Stored.AgencyId);
            if (k.FollowUps is not null) Findings = await queries.FindingsAsync(i, ct);
        }
        else
        {
            CanWrite = RegistryAccess.MayWriteAny(user, k);
            if (!CanWrite) return Forbid();
        }
        return null;
    }

    private void Fill()
    {
        if (Stored is not { } e) { Agency ??= IsProvince ? null : user.AgencyId; return; }
        var v = e.ValueMap;
        Agency = e.AgencyId;
        Date = e.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Version = e.Version;
        foreach (var c in Kind.Columns)
            In[c.Key] = c.Type switch
            {
                ColumnType.Count or ColumnType.Money => RegistryValues.Number(v, c.Key) is { } n ? VietnameseNumber.Format(n) : null,
                ColumnType.Agency => RegistryValues.Id(v, c.Key) is { } a ? Directory.ById.GetValueOrDefault(a)?.Agency.Code : null,
                _ => v.GetValueOrDefault(c.Key),
            };
    }

    public async Task<IActionResult> OnGetAsync(string kind, int? id, CancellationToken ct)
    {
        if (await LoadAsync(kind, id, ct) is { } refused) return refused;
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, int? id, IFormFile? file, [FromServices] SaveRegistryEntry save, CancellationToken ct)
    {
        if (await LoadAsync(kind, id, ct) is { } refused) return refused;
        if (Problems.Count > 0) return Page();
        if (Agency is not { } agency) { Problems.Add("Cơ quan, đơn vị: chưa chọn."); return Page(); }
        try
        {
            await using var stream = file?.OpenReadStream();
            var saved = await save.RunAsync(new SaveRegistryEntryRequest(Kind.Code, id, Version, agency, Date, In,
                file is null || stream is null ? null : new RegistryFile(file.FileName, file.Length, stream)), ct);
            TempData["Message"] = id is null ? $"Đã thêm {Kind.Singular}." : "Đã lưu thay đổi.";
            return Redirect($"/Registries/{Kind.Code}/Entry/{saved.Id}");
        }
        catch (UnauthorizedAccessException) { return Forbid(); }
        catch (KeyNotFoundException) { return NotFound(); }
        catch (RegistryRefusedException e) { Problems = e.Problems.ToList(); }
        catch (RegistryConflictException e) { Error = e.Message; }
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string kind, int id, [FromServices] DeleteRegistryEntry delete, CancellationToken ct)
    {
        if (await LoadAsync(kind, id, ct) is { } refused) return refused;
        try
        {
            await delete.RunAsync(Kind.Code, id, ct);
            TempData["Message"] = $"Đã xóa {Kind.Singular}.";
            return Redirect($"/Registries/{Kind.Code}?year={Stored!.Year}");
        }
        catch (UnauthorizedAccessException) { return Forbid(); }
        catch (RegistryRefusedException e) { Problems = e.Problems.ToList(); }
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostFindingAsync(string kind, int id, [FromServices] AddFinding add, CancellationToken ct)
    {
        if (await LoadAsync(kind, id, ct) is { } refused) return refused;
        if (Kind.FollowUps is null) return NotFound();
        try
        {
            var finding = await add.RunAsync(new AddFindingRequest(id, FindingText, FindingDue), ct);
            TempData["Message"] = $"Đã ghi và giao thành nhiệm vụ (hạn {Core.Time.VnDate.Show(finding.Due)}).";
            return Redirect($"/Registries/{Kind.Code}/Entry/{id}#findings");
        }
        catch (UnauthorizedAccessException) { return Forbid(); }
        catch (RegistryRefusedException e) { Problems = e.Problems.ToList(); }
        var (text, due) = (FindingText, FindingDue);
        Fill();
        (FindingText, FindingDue) = (text, due);
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(string kind, int id, CancellationToken ct)
    {
        if (await LoadAsync(kind, id, ct) is { } refused) return refused;
        if (Stored?.StoredName is not { } name) return NotFound();
        var path = files.PathOf(SaveRegistryEntry.Folder, name);
        if (!System.IO.File.Exists(path)) return NotFound();
        return PhysicalFile(path, "application/octet-stream", Stored.FileName ?? name);
    }
}
