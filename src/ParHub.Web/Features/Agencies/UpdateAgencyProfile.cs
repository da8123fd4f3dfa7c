using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Agencies;

/// <summary>An agency's own officer keeps its contact details; checked, audited, committed with the audit line.</summary>
public sealed class UpdateAgencyProfile(ParHubDbContext db, AuditLog audit)
{
    /// <summary>Null when saved, else the Vietnamese reason it was refused.</summary>
    public Task<string?> RunAsync(int id, string? address, string? phone, string? email, CancellationToken ct = default) =>
        db.InTransactionAsync(async () =>
        {
            if (email is { Length: > 0 } e && !e.Contains('@')) return "Địa chỉ thư điện tử không hợp lệ.";
            if ((address?.Length ?? 0) > 300 || (phone?.Length ?? 0) > 50 || (email?.Length ?? 0) > 200) return "Thông tin quá dài.";
            var agency = await db.Agencies.Include(a => a.Groups).SingleAsync(a => a.Id == id, ct);
            var before = SaveAgency.Snapshot(agency);
            agency.Address = Blank(address);
            agency.Phone = Blank(phone);
            agency.Email = Blank(email);
            audit.RecordChange(SaveAgency.EntityType, id.ToString(CultureInfo.InvariantCulture), id,
                agency.Name + " (thông tin liên hệ)", before, SaveAgency.Snapshot(agency));
            await db.SaveChangesAsync(ct);
            return (string?)null;
        }, ct);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
