using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Agencies;
using ParHub.Core.Text;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Agencies;

/// <summary>What saving an agency came to: saved, refused with messages per field, or no such agency.</summary>
public sealed record SaveAgencyResult(Agency? Agency, IReadOnlyDictionary<string, string> Errors, bool NotFound = false)
{
    public bool Saved => Agency is not null;
}

/// <summary>
/// Creates or edits an agency (the page, the API and the XLSX import): validated against the directory, audited,
/// the change and its audit line committed together.
/// </summary>
public sealed class SaveAgency(ParHubDbContext db, AuditLog audit)
{
    public const string EntityType = "Agency";

    public Task<SaveAgencyResult> RunAsync(AgencyInput input, int? id, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        if (id is { } existing && !await db.Agencies.AnyAsync(a => a.Id == existing, ct))
            return new SaveAgencyResult(null, new Dictionary<string, string>(), NotFound: true);
        input.GroupIds = input.GroupIds?.Where(g => g > 0).Distinct().ToList();
        var errors = await ValidateAsync(input, id, ct);
        if (errors.Count > 0) return new SaveAgencyResult(null, errors);
        var agency = await ApplyAsync(input, id, ct: ct);
        await db.SaveChangesAsync(ct);
        return new SaveAgencyResult(agency, errors);
    }, ct);

    public static IReadOnlyDictionary<string, string?> Snapshot(Agency a) => new Dictionary<string, string?>
    {
        ["Code"] = a.Code,
        ["Kind"] = a.Kind.ToString(),
        ["Name"] = a.Name,
        ["ShortName"] = a.ShortName,
        ["Aliases"] = a.Aliases,
        ["ParentId"] = a.ParentId?.ToString(CultureInfo.InvariantCulture),
        ["ValidFrom"] = a.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["ValidTo"] = a.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["SuccessorId"] = a.SuccessorId?.ToString(CultureInfo.InvariantCulture),
        ["Address"] = a.Address,
        ["Phone"] = a.Phone,
        ["Email"] = a.Email,
        ["Groups"] = string.Join(",", a.Groups.Select(g => g.GroupId).Order()),
    };

    /// <summary>Checks an input against the directory; Vietnamese messages keyed by field name.</summary>
    public async Task<Dictionary<string, string>> ValidateAsync(AgencyInput input, int? id, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        input.Code = (input.Code ?? "").Trim();
        input.Name = VietnameseText.CollapseWhitespace(input.Name);
        if (input.Code.Length == 0) errors["Code"] = "Vui lòng nhập mã cơ quan.";
        else if (input.Code.Length > 64) errors["Code"] = "Mã cơ quan không quá 64 ký tự.";
        else if (await db.Agencies.AnyAsync(a => a.Code == input.Code && a.Id != id, ct))
            errors["Code"] = $"Mã “{input.Code}” đã được dùng cho cơ quan khác.";
        if (input.Name.Length == 0) errors["Name"] = "Vui lòng nhập tên cơ quan.";
        else if (input.Name.Length > 300) errors["Name"] = "Tên cơ quan không quá 300 ký tự.";
        if (!Enum.IsDefined(input.Kind)) errors["Kind"] = "Loại cơ quan không hợp lệ.";
        if (input.ParentId is { } p)
        {
            if (p == id) errors["ParentId"] = "Cơ quan không thể trực thuộc chính nó.";
            else if (!await db.Agencies.AnyAsync(a => a.Id == p, ct)) errors["ParentId"] = "Cơ quan cấp trên không tồn tại.";
            else if (id is { } self && await IsDescendantAsync(p, self, ct))
                errors["ParentId"] = "Không thể chọn cơ quan cấp dưới làm cơ quan cấp trên.";
        }
        if (input.SuccessorId is { } s)
        {
            if (s == id) errors["SuccessorId"] = "Cơ quan kế thừa phải là cơ quan khác.";
            else if (!await db.Agencies.AnyAsync(a => a.Id == s, ct)) errors["SuccessorId"] = "Cơ quan kế thừa không tồn tại.";
        }
        if (input.ValidFrom is { } from && input.ValidTo is { } to && to < from)
            errors["ValidTo"] = "Ngày kết thúc phải sau ngày bắt đầu hiệu lực.";
        if (input.Email is { Length: > 0 } email && !email.Contains('@'))
            errors["Email"] = "Địa chỉ thư điện tử không hợp lệ.";
        if (input.GroupIds is { Count: > 0 } groups)
        {
            var known = await db.AgencyGroups.Where(g => groups.Contains(g.Id)).CountAsync(ct);
            if (known != groups.Distinct().Count()) errors["GroupIds"] = "Nhóm cơ quan không tồn tại.";
        }
        return errors;
    }

    private async Task<bool> IsDescendantAsync(int candidate, int ancestor, CancellationToken ct)
    {
        var parents = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.ParentId }).ToDictionaryAsync(a => a.Id, a => a.ParentId, ct);
        var seen = new HashSet<int>();
        for (int? cur = candidate; cur is { } c && seen.Add(c); cur = parents.GetValueOrDefault(c))
            if (c == ancestor) return true;
        return false;
    }

    /// <summary>Creates (id null) or updates an agency and audits it, inside the caller's unit (the XLSX import). The caller saves.</summary>
    public async Task<Agency> ApplyAsync(AgencyInput input, int? id, string? summary = null, bool asNew = false,
        CancellationToken ct = default)
    {
        Agency agency;
        IReadOnlyDictionary<string, string?>? before = null;
        if (id is { } existing)
        {
            agency = await db.Agencies.Include(a => a.Groups).SingleAsync(a => a.Id == existing, ct);
            before = asNew ? null : Snapshot(agency);
        }
        else
        {
            agency = new Agency();
            db.Agencies.Add(agency);
        }
        agency.Code = input.Code.Trim();
        agency.Kind = input.Kind;
        agency.Name = VietnameseText.CollapseWhitespace(input.Name);
        agency.ShortName = Blank(input.ShortName);
        agency.Aliases = string.Join('\n', (input.Aliases ?? "").Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        agency.ParentId = input.ParentId;
        agency.ValidFrom = input.ValidFrom;
        agency.ValidTo = input.ValidTo;
        agency.SuccessorId = input.SuccessorId;
        agency.Address = Blank(input.Address);
        agency.Phone = Blank(input.Phone);
        agency.Email = Blank(input.Email);
        if (input.GroupIds is { } groupIds)
        {
            agency.Groups.RemoveAll(g => !groupIds.Contains(g.GroupId));
            foreach (var g in groupIds.Distinct().Where(g => agency.Groups.All(m => m.GroupId != g)))
                agency.Groups.Add(new AgencyGroupMember { GroupId = g, Agency = agency });
        }
        agency.RefreshSearchText();
        if (agency.Id == 0) await db.SaveChangesAsync(ct); // the audit line needs the new id
        audit.RecordChange(EntityType, agency.Id.ToString(CultureInfo.InvariantCulture), agency.Id,
            summary ?? agency.Name, before, Snapshot(agency));
        return agency;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

}
