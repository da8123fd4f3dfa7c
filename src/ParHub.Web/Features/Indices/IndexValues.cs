using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Indices;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Indices;

/// <summary>Refused input of the external indices (the page shows the message).</summary>
public sealed class IndexValueException(string message) : Exception(message);

/// <summary>
/// Records (or corrects) one published figure of an external index — the index or one of its dimensions, a year, the
/// score and rank — one line per index, year and dimension; Admin and Coordinator only; audited with the change.
/// </summary>
public sealed class SaveIndexValue(ParHubDbContext db, AuditLog audit, ICurrentUser user, TimeProvider clock)
{
    public const string EntityType = "ExternalIndexValue";

    public async Task RunAsync(ExternalFigures.Typed typed, CancellationToken ct = default)
    {
        Demand(user);
        var (value, problems) = ExternalFigures.Read(typed);
        if (value is null) throw new IndexValueException("Chưa lưu được: " + string.Join(" ", problems));
        await db.InTransactionAsync(async () =>
        {
            await UpsertAsync(db, audit, value, user.Name, clock.GetUtcNow().UtcDateTime, ct);
            await db.SaveChangesAsync(ct);
        }, ct);
    }

    internal static void Demand(ICurrentUser user)
    {
        if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Coordinator)) throw new UnauthorizedAccessException();
    }

    internal static async Task UpsertAsync(ParHubDbContext db, AuditLog audit, ExternalIndexValue value, string by, DateTime now, CancellationToken ct)
    {
        var row = await db.ExternalIndexValues.FirstOrDefaultAsync(x => x.Index == value.Index && x.Year == value.Year && x.Dimension == value.Dimension, ct);
        var before = row is null ? null : Show(row);
        if (row is null) db.ExternalIndexValues.Add(row = new ExternalIndexValue { Index = value.Index, Year = value.Year, Dimension = value.Dimension });
        (row.Title, row.Score, row.Rank, row.RankOf, row.Source, row.UpdatedAt, row.UpdatedBy) =
            (value.Title, value.Score, value.Rank, value.RankOf, value.Source, now, by);
        if (before == Show(row)) return;
        await db.SaveChangesAsync(ct); // the id, for the audit line; both commit together
        audit.Record(before is null ? "create" : "update", EntityType, row.Id.ToString(CultureInfo.InvariantCulture), null,
            $"{row.Index} năm {row.Year}{(row.Dimension.Length == 0 ? "" : ", thành phần " + row.Dimension)}", [new FieldChange("Value", before, Show(row))]);
    }

    private static string Show(ExternalIndexValue v) =>
        $"{v.Score.ToString(CultureInfo.InvariantCulture)} hạng {v.Rank}/{v.RankOf} {v.Title} {v.Source}".Trim();
}

/// <summary>Removes one published figure (typed by mistake); audited.</summary>
public sealed class DeleteIndexValue(ParHubDbContext db, AuditLog audit, ICurrentUser user)
{
    public async Task RunAsync(int id, CancellationToken ct = default)
    {
        SaveIndexValue.Demand(user);
        await db.InTransactionAsync(async () =>
        {
            var row = await db.ExternalIndexValues.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException();
            db.ExternalIndexValues.Remove(row);
            audit.Record("delete", SaveIndexValue.EntityType, id.ToString(CultureInfo.InvariantCulture), null, $"{row.Index} năm {row.Year} {row.Dimension}",
                [new FieldChange("Score", row.Score.ToString(CultureInfo.InvariantCulture), null)]);
            await db.SaveChangesAsync(ct);
        }, ct);
    }
}

/// <summary>
/// Published figures from a spreadsheet (the page's template: Chỉ số, Năm, Thành phần, Tên thành phần, Điểm, Xếp hạng,
/// Trên số tỉnh, Nguồn): every line checked, then all applied in one transaction, or none with each line's problem.
/// </summary>
public sealed class ImportIndexValues(ParHubDbContext db, AuditLog audit, ICurrentUser user, TimeProvider clock)
{
    public static readonly string[] Header = ["Chỉ số", "Năm", "Thành phần", "Tên thành phần", "Điểm", "Xếp hạng", "Trên số tỉnh", "Nguồn"];

    public async Task<int> RunAsync(Stream xlsx, CancellationToken ct = default)
    {
        SaveIndexValue.Demand(user);
        List<string[]> rows;
        try { rows = ParHub.Web.Shared.Office.Xlsx.ReadFirstSheet(xlsx); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new IndexValueException("Không đọc được tệp Excel (.xlsx).");
        }
        var header = rows.FindIndex(r => r.Length > 0 && Core.Text.VietnameseText.Fold(r[0]) == "chi so");
        if (header < 0) throw new IndexValueException("Không thấy dòng tiêu đề (cột đầu “Chỉ số”); dùng tệp mẫu của trang.");
        var values = new List<ExternalIndexValue>();
        var problems = new List<string>();
        for (var i = header + 1; i < rows.Count; i++)
        {
            string? C(int k) => k < rows[i].Length && !string.IsNullOrWhiteSpace(rows[i][k]) ? rows[i][k] : null;
            if (Enumerable.Range(0, Header.Length).All(k => C(k) is null)) continue;
            var (value, p) = ExternalFigures.Read(new ExternalFigures.Typed(C(0), C(1), C(2), C(3), C(4), C(5), C(6), C(7)));
            if (value is null) problems.Add($"Dòng {i + 1}: {string.Join(" ", p)}");
            else if (values.Any(v => v.Index == value.Index && v.Year == value.Year && v.Dimension == value.Dimension))
                problems.Add($"Dòng {i + 1}: {value.Index} năm {value.Year} {value.Dimension} có hai dòng.");
            else values.Add(value);
        }
        if (problems.Count > 0)
            throw new IndexValueException("Chưa nhập dòng nào: " + string.Join(" ", problems.Take(10))
                + (problems.Count > 10 ? $" … và {problems.Count - 10} dòng khác." : ""));
        if (values.Count == 0) throw new IndexValueException("Tệp không có dòng số liệu nào.");
        await db.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var v in values) await SaveIndexValue.UpsertAsync(db, audit, v, user.Name, now, ct);
            await db.SaveChangesAsync(ct);
        }, ct);
        return values.Count;
    }
}

/// <summary>One index's trend: its published figures for the province by year (the index itself, not its dimensions).</summary>
public sealed record IndexTrend(string Code, string Name, string Unit, decimal Scale, IReadOnlyList<(int Year, decimal Score, int? Rank, int? RankOf)> Points);

/// <summary>
/// The province's trends on every index it is measured by: the Ministry's PAR Index and SIPAS (from the national
/// results), then PAPI, PCI, DTI, PGI and the 766 index as published. Indices without a figure are left out.
/// </summary>
public sealed class IndexTrends(ParHubDbContext db)
{
    public async Task<List<IndexTrend>> QueryAsync(CancellationToken ct = default)
    {
        var national = await db.NationalResults.AsNoTracking().OrderBy(r => r.Year).ToListAsync(ct);
        var values = await db.ExternalIndexValues.AsNoTracking().Where(v => v.Dimension == "").OrderBy(v => v.Year).ToListAsync(ct);
        var result = new List<IndexTrend>
        {
            new("PAR", "Chỉ số CCHC (Bộ Nội vụ công bố)", "điểm", 100,
                national.Where(r => r.Points is not null).Select(r => (r.Year, r.Points!.Value, r.Rank, r.RankOf)).ToList()),
            new("SIPAS", "Chỉ số hài lòng SIPAS (Bộ Nội vụ công bố)", "%", 100,
                national.Where(r => r.SipasPercent is not null).Select(r => (r.Year, r.SipasPercent!.Value, r.SipasRank, r.RankOf)).ToList()),
        };
        result.AddRange(ExternalIndices.All.Select(i => new IndexTrend(i.Code, i.Name, i.Unit, i.Scale,
            values.Where(v => v.Index == i.Code).Select(v => (v.Year, v.Score, v.Rank, v.RankOf)).ToList())));
        return result.Where(t => t.Points.Count > 0).ToList();
    }
}
