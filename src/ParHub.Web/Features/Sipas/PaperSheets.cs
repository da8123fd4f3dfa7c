using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Audit;
using ParHub.Core.Sipas;
using ParHub.Web.App;
using ParHub.Web.Data;
using ParHub.Web.Features.Audit;

namespace ParHub.Web.Features.Sipas;

/// <summary>A batch of numbered paper sheets for one agency (audited): numbers follow the programme's last one.</summary>
public sealed class IssuePaperSheets(ParHubDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxBatch = 500;

    public Task<(int First, int Last)> RunAsync(int programmeId, int agencyId, int count, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        if (count is < 1 or > MaxBatch) throw new SurveyRuleException($"Số phiếu giấy mỗi lần từ 1 đến {MaxBatch}.");
        var programme = await SurveyForms.ProgrammeAsync(db, programmeId, ct) ?? throw new KeyNotFoundException();
        if (programme.State is SurveyState.Computed or SurveyState.Published) throw new SurveyRuleException("Đợt khảo sát đã kết thúc.");
        if (!(await SurveyForms.AgenciesAsync(db, programme, ct)).Any(a => a.Id == agencyId))
            throw new SurveyRuleException("Cơ quan không thuộc đợt khảo sát này.");
        var last = await db.SurveyPaperSheets.Where(s => s.ProgrammeId == programmeId).MaxAsync(s => (int?)s.Number, ct) ?? 0;
        var now = clock.GetUtcNow().UtcDateTime;
        db.SurveyPaperSheets.AddRange(Enumerable.Range(last + 1, count)
            .Select(n => new SurveyPaperSheet { ProgrammeId = programmeId, AgencyId = agencyId, Number = n, CreatedAt = now }));
        audit.Record("paper-sheets", CreateProgramme.EntityType, programmeId.ToString(CultureInfo.InvariantCulture), agencyId,
            $"In {count} phiếu giấy, số {PaperSheet.Number(last + 1)}–{PaperSheet.Number(last + count)}",
            [new FieldChange("PaperSheets", null, $"{last + 1}-{last + count}")]);
        await db.SaveChangesAsync(ct);
        return (last + 1, last + count);
    }, ct);
}

public enum PaperEntryOutcome { First, Counted, Differs }

public sealed record PaperEntryResult(PaperEntryOutcome Outcome, int SheetId, IReadOnlyList<AnswerDifference> Differences);

/// <summary>
/// One operator's entry of a paper sheet. The first entry waits; the second must be another operator's: if both
/// agree the sheet becomes a response (channel Paper, both operators recorded), otherwise it waits for the survey
/// staff to resolve the differences. Audited.
/// </summary>
public sealed class EnterPaperSheet(ParHubDbContext db, AuditLog audit, ICurrentUser user, SubmitResponse submit, TimeProvider clock)
{
    public Task<PaperEntryResult> RunAsync(int programmeId, int number, IReadOnlyDictionary<string, string> answers, CancellationToken ct = default) =>
        db.InTransactionAsync(async () =>
    {
        var sheet = await db.SurveyPaperSheets.Include(s => s.Entries).SingleOrDefaultAsync(s => s.ProgrammeId == programmeId && s.Number == number, ct)
            ?? throw new SurveyRuleException($"Không có phiếu số {PaperSheet.Number(number)} trong đợt khảo sát này.");
        var (_, definition, _) = await SurveyForms.OpenAsync(db, programmeId, sheet.AgencyId, ct);
        var name = PaperSheet.Number(number);
        if (sheet.ResponseId is not null) throw new SurveyRuleException($"Phiếu số {name} đã được tính; không nhập lại.");
        if (sheet.Entries.Count >= 2) throw new SurveyRuleException($"Phiếu số {name} đã nhập đủ hai lần và đang chờ đối chiếu.");
        var who = user.Name;
        if (sheet.Entries.Any(e => e.Operator == who))
            throw new SurveyRuleException($"Bạn đã nhập phiếu số {name}; lần nhập thứ hai phải do người khác thực hiện.");
        var normalized = DoubleEntry.Normalize(definition, answers);
        sheet.Entries.Add(new SurveyPaperEntry { Operator = who, EnteredAt = clock.GetUtcNow().UtcDateTime, Answers = JsonSerializer.Serialize(normalized) });
        var round = sheet.Entries.Count;
        audit.Record("paper-entry", PaperSheet.EntityType, sheet.Id.ToString(CultureInfo.InvariantCulture), sheet.AgencyId,
            $"Nhập phiếu giấy số {name} (lần {round})", [new FieldChange("Entry", null, round.ToString(CultureInfo.InvariantCulture))]);
        if (round == 1)
        {
            await db.SaveChangesAsync(ct);
            return new PaperEntryResult(PaperEntryOutcome.First, sheet.Id, []);
        }
        var first = PaperSheet.Answers(sheet.Entries[0]);
        var differences = DoubleEntry.Differences(definition, first, normalized);
        if (differences.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            return new PaperEntryResult(PaperEntryOutcome.Differs, sheet.Id, differences);
        }
        await PaperSheet.CountAsync(db, submit, audit, sheet, normalized, $"{sheet.Entries[0].Operator}, {who}", [], ct);
        return new PaperEntryResult(PaperEntryOutcome.Counted, sheet.Id, []);
    }, ct);
}

/// <summary>
/// The survey staff settle each difference of a doubly entered sheet (one entry's value, or the value typed from the
/// paper); the sheet then counts, with the choices audited.
/// </summary>
public sealed class ResolvePaperSheet(ParHubDbContext db, AuditLog audit, ICurrentUser user, SubmitResponse submit)
{
    public Task<long> RunAsync(int sheetId, IReadOnlyDictionary<string, string?> chosen, CancellationToken ct = default) => db.InTransactionAsync(async () =>
    {
        var (sheet, definition, first, differences) = await PaperSheet.DifferencesAsync(db, sheetId, ct);
        var resolved = DoubleEntry.Resolve(first, differences, chosen);
        var changes = differences.Select(d => new FieldChange(d.Code, $"{d.First ?? "∅"} / {d.Second ?? "∅"}", resolved.GetValueOrDefault(d.Code))).ToList();
        SurveyAnswers.Read(definition, resolved); // every problem named before anything is stored
        var by = $"{sheet.Entries[0].Operator}, {sheet.Entries[1].Operator}; đối chiếu: {user.Name}";
        return await PaperSheet.CountAsync(db, submit, audit, sheet, resolved, by, changes, ct);
    }, ct);
}

/// <summary>Shared steps of the paper channel.</summary>
public static class PaperSheet
{
    public const string EntityType = "SurveyPaperSheet";

    public static string Number(int n) => n.ToString("000000", CultureInfo.InvariantCulture);

    public static Dictionary<string, string> Answers(SurveyPaperEntry e) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(e.Answers) ?? [];

    /// <summary>A sheet entered twice with differences, not yet counted: its questionnaire, first entry and differences.</summary>
    public static async Task<(SurveyPaperSheet Sheet, SurveyDefinition Definition, Dictionary<string, string> First, List<AnswerDifference> Differences)>
        DifferencesAsync(ParHubDbContext db, int sheetId, CancellationToken ct)
    {
        var sheet = await db.SurveyPaperSheets.Include(s => s.Entries.OrderBy(e => e.Id)).SingleOrDefaultAsync(s => s.Id == sheetId, ct)
            ?? throw new KeyNotFoundException();
        if (sheet.ResponseId is not null) throw new SurveyRuleException($"Phiếu số {Number(sheet.Number)} đã được tính.");
        if (sheet.Entries.Count < 2) throw new SurveyRuleException($"Phiếu số {Number(sheet.Number)} chưa được nhập đủ hai lần.");
        var (_, definition, _) = await SurveyForms.OpenAsync(db, sheet.ProgrammeId, sheet.AgencyId, ct);
        var first = Answers(sheet.Entries[0]);
        return (sheet, definition, first, DoubleEntry.Differences(definition, first, Answers(sheet.Entries[1])));
    }

    /// <summary>The sheet becomes a response (channel Paper, who entered it recorded); its id makes a second count impossible.</summary>
    public static async Task<long> CountAsync(ParHubDbContext db, SubmitResponse submit, AuditLog audit, SurveyPaperSheet sheet,
        IReadOnlyDictionary<string, string> answers, string enteredBy, IReadOnlyList<FieldChange> resolved, CancellationToken ct)
    {
        var by = enteredBy.Length > 256 ? enteredBy[..256] : enteredBy;
        var id = await submit.RunAsync(new ResponseInput(sheet.ProgrammeId, sheet.AgencyId, SurveyChannel.Paper, answers,
            ClientId: $"paper-{sheet.Id}", EnteredBy: by), ct);
        sheet.ResponseId = id;
        audit.Record(resolved.Count > 0 ? "paper-resolve" : "paper-counted", EntityType, sheet.Id.ToString(CultureInfo.InvariantCulture), sheet.AgencyId,
            resolved.Count > 0 ? $"Đối chiếu phiếu giấy số {Number(sheet.Number)}: {resolved.Count} câu; phiếu được tính"
                : $"Phiếu giấy số {Number(sheet.Number)}: hai lần nhập khớp nhau; phiếu được tính", resolved);
        await db.SaveChangesAsync(ct);
        return id;
    }
}
