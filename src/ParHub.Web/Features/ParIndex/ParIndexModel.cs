using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.ParIndex;
using ParHub.Core.Scoring;
using ParHub.Web.Data;

namespace ParHub.Web.Features.ParIndex;

/// <summary>A refused action; the message is shown as it is.</summary>
public class IndexRuleException(string message) : Exception(message);

/// <summary>Somebody else saved the assessment since it was read; nothing was saved (answered 409).</summary>
public sealed class IndexConflictException(string message) : IndexRuleException(message);

/// <summary>What an appraiser typed for one criterion: the points and the reason.</summary>
public sealed class AppraisalInput
{
    public string? Points { get; set; }
    public string? Reason { get; set; }
}

/// <summary>What an agency typed for one criterion.</summary>
public sealed class CriterionInput
{
    public string? Value { get; set; }
    public string? Num { get; set; }
    public string? Den { get; set; }
    public bool Flag { get; set; }
    public string? Note { get; set; }
    public bool Exempt { get; set; }

    /// <summary>Something was typed or ticked.</summary>
    public bool HasContent => Flag || Exempt || !string.IsNullOrWhiteSpace(Value) || !string.IsNullOrWhiteSpace(Num) || !string.IsNullOrWhiteSpace(Den)
        || !string.IsNullOrWhiteSpace(Note);
}

/// <summary>What the PAR Index use cases share: names, the stored JSON, a framework's definition and fingerprint, refusals.</summary>
public static class IndexData
{
    public const string EntityType = "Assessment";

    /// <summary>The province itself, assessed against BNV's index: a cycle of this group has the province as its one member.</summary>
    public const string ProvinceGroup = "TINH";

    public const long MaxEvidenceBytes = 20 * 1024 * 1024;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const string Stale =
        "Bản đánh giá vừa được người khác cập nhật; điểm của bạn chưa được lưu. Tải lại trang để xem bản mới rồi "
            + "nhập lại.";

    public static Framework Definition(IndexFramework row) =>
        JsonSerializer.Deserialize<Framework>(row.Definition, Json) ?? throw new InvalidOperationException("unreadable framework");

    /// <summary>A short fingerprint of the stored definition: what the editor loaded.</summary>
    public static string Stamp(IndexFramework row) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(row.Title + "\n" + row.Illustrative + "\n" + row.Definition)))[..16];

    /// <summary>A refusal of the rules (Core) as the exception the pages show.</summary>
    public static void OrRefuse(this Outcome outcome)
    {
        if (!outcome.IsOk) throw new IndexRuleException(outcome.Refusal!);
    }

    public static T OrRefuse<T>(this Outcome<T> outcome) => outcome.IsOk ? outcome.Value! : throw new IndexRuleException(outcome.Refusal!);

    /// <summary>Saves; a concurrent save of the same assessment (its Version moved on) is refused, not overwritten.</summary>
    public static async Task SaveOrConflictAsync(this ParHubDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new IndexConflictException(Stale); }
        catch (DbUpdateException e) when (Notifications.Notifier.IsSameEvent(e)) { throw new IndexConflictException(Stale); }
    }
}
