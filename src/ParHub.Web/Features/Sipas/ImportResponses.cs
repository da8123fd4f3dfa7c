using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Sipas;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;
using ParHub.Web.Shared.Office;

namespace ParHub.Web.Features.Sipas;

/// <summary>An uploaded table of responses as read: its header, its rows (the header first) and the hash of its bytes.</summary>
public sealed record ImportTable(IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows, string Hash)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>Reads a .csv (UTF-8) or .xlsx stream; the extension must match the content. Throws <see cref="SurveyRuleException"/>.</summary>
    public static async Task<ImportTable> ReadAsync(Stream stream, string fileName, CancellationToken ct)
    {
        var ms = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(buffer, ct)) > 0)
        {
            if (ms.Length + n > MaxBytes) throw new SurveyRuleException("Tệp vượt quá 5 MB.");
            ms.Write(buffer, 0, n);
        }
        var bytes = ms.ToArray();
        if (bytes.Length == 0) throw new SurveyRuleException("Tệp rỗng.");
        var hash = Convert.ToHexString(SHA256.HashData(bytes))[..16].ToLowerInvariant();
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        List<string[]> rows;
        if (ext == ".xlsx")
        {
            if (!FileSignatures.Matches(ext, bytes)) throw new SurveyRuleException("Tệp không phải bảng tính Excel .xlsx.");
            try { rows = Xlsx.ReadFirstSheet(new MemoryStream(bytes)); }
            catch (UnreadableFileException e) { throw new SurveyRuleException(e.Message); }
        }
        else if (ext == ".csv")
        {
            string text;
            try { text = new UTF8Encoding(false, true).GetString(bytes); }
            catch (DecoderFallbackException) { throw new SurveyRuleException("Tệp CSV phải mã hóa UTF-8."); }
            if (text.Contains('\0', StringComparison.Ordinal)) throw new SurveyRuleException("Tệp không phải văn bản CSV.");
            rows = CsvText.Read(text);
        }
        else throw new SurveyRuleException("Chỉ nhận tệp .csv (UTF-8) hoặc .xlsx.");
        if (rows.Count < 2) throw new SurveyRuleException("Tệp cần một dòng tiêu đề và ít nhất một dòng phiếu.");
        return new ImportTable(rows[0], rows, hash);
    }
}

/// <summary>
/// Imports responses from a table (channel Import): the plan checks every row (<see cref="SurveyImport"/>); the rows are
/// stored only if none is bad, all in one transaction with the audit line. A row's client id is the file's hash and its
/// line, so importing the same file again adds nothing. On PostgreSQL the answers go in by binary COPY.
/// </summary>
public sealed class ImportResponses(ParHubDbContext db, SurveyResponseWriter writer, AuditLog audit, TimeProvider clock)
{
    /// <summary>What the rows would give, without storing anything.</summary>
    public async Task<(ImportPlan Plan, SurveyDefinition Definition)> PreviewAsync(int programmeId, ImportTable table, IReadOnlyList<string?>? mapping,
        int? agencyColumn, CancellationToken ct = default)
    {
        var (programme, definition, _) = await OpenAsync(programmeId, ct);
        return (await PlanAsync(programme, definition, table, mapping, agencyColumn, ct), definition);
    }

    /// <summary>Stores every row of a clean plan, or nothing; returns how many responses were added.</summary>
    public Task<int> RunAsync(int programmeId, ImportTable table, IReadOnlyList<string?>? mapping, int? agencyColumn, string fileName,
        CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var (programme, definition, questionnaireId) = await OpenAsync(programmeId, ct);
        var plan = await PlanAsync(programme, definition, table, mapping, agencyColumn, ct);
        if (plan.Problems.Count > 0)
            throw new SurveyRuleException($"Tệp còn {plan.Problems.Count} dòng sai; sửa tệp rồi nhập lại. Chưa nhập phiếu nào.");
        if (plan.Rows.Count == 0) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var responses = plan.Rows.Select(r => new SurveyResponse
        {
            ProgrammeId = programme.Id, QuestionnaireId = questionnaireId, AgencyId = r.AgencyId, Channel = SurveyChannel.Import,
            ClientId = r.ClientId, Status = ResponseStatus.Valid, SubmittedAt = now, Answers = r.Answers.ToList(),
        }).ToList();
        // The same bulk path as the demo (COPY on PostgreSQL), inside the import's transaction.
        try { await writer.WriteAsync(responses, ct); }
        catch (System.Data.Common.DbException) { throw new SurveyRuleException("Tệp này vừa được nhập ở nơi khác; tải lại trang để xem."); }
        audit.Record("import", CreateProgramme.EntityType, programme.Id.ToString(CultureInfo.InvariantCulture), null,
            $"Nhập {responses.Count} phiếu khảo sát từ tệp {Path.GetFileName(fileName)}",
            [new FieldChange("Responses", null, responses.Count.ToString(CultureInfo.InvariantCulture)), new FieldChange("File", null, table.Hash)]);
        await db.SaveChangesAsync(ct);
        return responses.Count;
    }, ct);

    private async Task<(SurveyProgramme, SurveyDefinition, int)> OpenAsync(int programmeId, CancellationToken ct)
    {
        var programme = await SurveyForms.ProgrammeAsync(db, programmeId, ct) ?? throw new KeyNotFoundException();
        if (programme.State is not (SurveyState.Collecting or SurveyState.Closed))
            throw new SurveyRuleException("Chỉ nhập phiếu khi đợt khảo sát đang thu thập hoặc vừa đóng (chưa tính kết quả).");
        var q = await db.SurveyQuestionnaires.AsNoTracking().SingleAsync(x => x.Id == programme.QuestionnaireId, ct);
        return (programme, SurveyDefinition.FromJson(q.Definition), q.Id);
    }

    private async Task<ImportPlan> PlanAsync(SurveyProgramme programme, SurveyDefinition definition, ImportTable table,
        IReadOnlyList<string?>? mapping, int? agencyColumn, CancellationToken ct)
    {
        var lookup = await SurveyForms.AgencyLookupAsync(db, programme, ct);
        var prefix = $"imp:{table.Hash}:";
        var already = (await db.SurveyResponses.Where(r => r.ProgrammeId == programme.Id && r.ClientId!.StartsWith(prefix)).Select(r => r.ClientId!)
            .ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var map = mapping ?? SurveyImport.AutoMap(table.Header, definition);
        var column = agencyColumn ?? SurveyImport.AgencyColumn(table.Header);
        return SurveyImport.Plan(definition, table.Rows, map.Take(table.Header.Count).ToList(), column, lookup, table.Hash, already);
    }
}
