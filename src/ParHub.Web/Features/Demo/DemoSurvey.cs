using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParHub.Core.Sipas;
using ParHub.Web.Data;
using ParHub.Web.Features.Sipas;

namespace ParHub.Web.Features.Demo;

/// <summary>
/// The demo's satisfaction survey: last year's programme collected, computed and published with most of the responses,
/// this year's still collecting with the rest — over every channel, through the same use cases a Coordinator uses
/// (plan, sample, move) and the bulk writer for the responses. Each agency has its own level of satisfaction and each
/// component its own offset, so rankings, heat maps and weak components show something real.
/// </summary>
public sealed class DemoSurvey(ParHubDbContext db, CreateProgramme create, MoveProgramme move, SetPopulations populations,
    SurveyResponseWriter writer, TimeProvider clock)
{
    private static readonly (SurveyChannel Channel, double Share)[] Channels =
        [(SurveyChannel.Web, 0.25), (SurveyChannel.Token, 0.25), (SurveyChannel.Kiosk, 0.15), (SurveyChannel.Paper, 0.2),
         (SurveyChannel.Import, 0.1), (SurveyChannel.Interview, 0.05)];

    private static readonly string[] Comments =
        ["Cán bộ hướng dẫn tận tình.", "Thời gian chờ còn lâu.", "Nên mở rộng nộp hồ sơ trực tuyến.", "Phí, lệ phí cần niêm yết rõ hơn."];

    /// <summary>Seeds both programmes; returns the number of responses written.</summary>
    public async Task<int> SeedAsync(int lastYearResponses, int thisYearResponses, int seed = 2026, CancellationToken ct = default)
    {
        var year = VietnamTime.Today(clock).Year;
        var rng = new Random(seed);
        var departments = await db.AgencyGroups.Where(g => g.Code == "SBN").Select(g => g.Id).SingleAsync(ct);
        var districts = await db.AgencyGroups.Where(g => g.Code == "QH").Select(g => g.Id).SingleAsync(ct);
        var communes = await db.AgencyGroups.Where(g => g.Code == "XA").Select(g => g.Id).SingleAsync(ct);

        // Last year's fieldwork ran before the districts were merged away (1 July 2025), so they are surveyed too.
        var last = await create.RunAsync(new ProgrammeInput
        {
            Year = year - 1, Title = $"Khảo sát sự hài lòng năm {year - 1} (dữ liệu mẫu)",
            FieldworkFrom = new DateOnly(year - 1, 3, 1), FieldworkTo = new DateOnly(year - 1, 5, 31), GroupIds = [departments, districts],
        }, ct);
        var n = await FillAsync(last.Id, lastYearResponses, rng, ct);
        await SetPopulationsAsync(last.Id, rng, ct);
        foreach (var to in new[] { SurveyState.Closed, SurveyState.Computed, SurveyState.Published })
            await MoveAsync(last.Id, to, $"Quyết định số 215/QĐ-UBND ngày 20/6/{year - 1}", ct);

        var current = await create.RunAsync(new ProgrammeInput
        {
            Year = year, Title = $"Khảo sát sự hài lòng năm {year} (dữ liệu mẫu)",
            FieldworkFrom = new DateOnly(year, 9, 1), FieldworkTo = new DateOnly(year, 12, 31), GroupIds = [departments, communes],
        }, ct);
        n += await FillAsync(current.Id, thisYearResponses, rng, ct);
        await SetPopulationsAsync(current.Id, rng, ct);
        return n;
    }

    private async Task MoveAsync(int id, SurveyState to, string? decision, CancellationToken ct)
    {
        var version = await db.SurveyProgrammes.Where(p => p.Id == id).Select(p => p.Version).SingleAsync(ct);
        await move.RunAsync(id, to, decision, version, ct);
    }

    /// <summary>
    /// The departments that seed 002 holds to 90 % (land, construction, investment, health, education), by name: land was
    /// "Tài nguyên và Môi trường" and is "Nông nghiệp và Môi trường" after the 2025 mergers, investment was "Kế hoạch và
    /// Đầu tư" and is "Tài chính".
    /// </summary>
    public static readonly string[] NinetyPercentSectors =
        ["Tài nguyên", "Nông nghiệp và Môi trường", "Xây dựng", "Kế hoạch và Đầu tư", "Tài chính", "Y tế", "Giáo dục"];

    public const string SectorTarget = "90";

    private async Task SetPopulationsAsync(int programmeId, Random rng, CancellationToken ct)
    {
        var programme = await SurveyForms.ProgrammeAsync(db, programmeId, ct) ?? throw new KeyNotFoundException();
        var agencies = await SurveyForms.AgenciesAsync(db, programme, ct);
        var typed = agencies.ToDictionary(a => a.Id, _ => (string?)rng.Next(800, 60_000).ToString(CultureInfo.InvariantCulture));
        var targets = agencies.Where(a => a.Name.StartsWith("Sở ", StringComparison.Ordinal)
                && NinetyPercentSectors.Any(k => a.Name.Contains(k, StringComparison.Ordinal)))
            .ToDictionary(a => a.Id, _ => (string?)SectorTarget);
        await populations.RunAsync(programmeId, typed, targets, ct);
    }

    /// <summary>Opens collection, writes <paramref name="count"/> responses spread over the programme's agencies and channels.</summary>
    private async Task<int> FillAsync(int programmeId, int count, Random rng, CancellationToken ct)
    {
        await MoveAsync(programmeId, SurveyState.Collecting, null, ct);
        var programme = await SurveyForms.ProgrammeAsync(db, programmeId, ct) ?? throw new KeyNotFoundException();
        var agencies = await SurveyForms.AgenciesAsync(db, programme, ct);
        var q = await db.SurveyQuestionnaires.AsNoTracking().SingleAsync(x => x.Id == programme.QuestionnaireId, ct);
        var definition = SurveyDefinition.FromJson(q.Definition);
        // Most agencies get a weight of 2..10; a few only a handful of forms, so "chưa đủ mẫu" appears too.
        var weights = agencies.Select((_, i) => i % 9 == 8 ? 0.1 : 2 + rng.NextDouble() * 8).ToArray();
        var levels = agencies.Select(_ => 0.72 + rng.NextDouble() * 0.25).ToArray();
        var offsets = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var c in definition.Sections.SelectMany(s => s.Components)) offsets.TryAdd(c.Code, (rng.NextDouble() - 0.6) * 0.16);
        var total = weights.Sum();
        var from = programme.FieldworkFrom.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var days = Math.Max(1, programme.FieldworkTo.DayNumber - programme.FieldworkFrom.DayNumber);
        var responses = new List<SurveyResponse>(count);
        for (var i = 0; i < count; i++)
        {
            var pick = rng.NextDouble() * total;
            var a = 0;
            while (a < weights.Length - 1 && (pick -= weights[a]) > 0) a++;
            var channel = Channel(rng.NextDouble());
            var status = rng.NextDouble() switch { < 0.01 => ResponseStatus.Rejected, < 0.02 => ResponseStatus.OnHold, _ => ResponseStatus.Valid };
            responses.Add(new SurveyResponse
            {
                ProgrammeId = programmeId, QuestionnaireId = q.Id, AgencyId = agencies[a].Id, Channel = channel,
                ClientId = channel is SurveyChannel.Kiosk or SurveyChannel.Import ? $"demo-{programmeId}-{i}" : null,
                Status = status, StatusReason = status == ResponseStatus.Rejected ? "Phiếu trả lời giống hệt phiếu khác (dữ liệu mẫu)." : null,
                SubmittedAt = from.AddDays(rng.Next(days)).AddMinutes(rng.Next(8 * 60, 17 * 60) - 7 * 60),
                EnteredBy = channel is SurveyChannel.Paper or SurveyChannel.Interview ? "cchc" : null,
                Answers = SurveyAnswers.Read(definition, Answers(definition, levels[a], offsets, rng)),
            });
        }
        return await writer.WriteAsync(responses, ct);
    }

    private static SurveyChannel Channel(double x)
    {
        foreach (var (channel, share) in Channels)
            if ((x -= share) < 0) return channel;
        return SurveyChannel.Web;
    }

    /// <summary>One form's answers as the form would post them.</summary>
    private static Dictionary<string, string> Answers(SurveyDefinition d, double level, Dictionary<string, double> offsets, Random rng)
    {
        var posted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in d.Sections)
            foreach (var c in s.Components)
                foreach (var item in c.Items)
                {
                    if (!item.Required && item.Type != ItemType.YesNo && rng.NextDouble() < 0.03) continue; // left blank
                    var value = item.Type switch
                    {
                        ItemType.Scale5 => rng.NextDouble() < level + offsets[c.Code] ? 4 + rng.Next(2) : 1 + Math.Min(2, rng.Next(4)),
                        ItemType.Scale4 => rng.NextDouble() < level ? 3 + rng.Next(2) : 1 + rng.Next(2),
                        ItemType.YesNo => rng.NextDouble() < 0.4 ? 1 : 2,
                        ItemType.Text => rng.NextDouble() < 0.1 ? -1 : 0,
                        _ => 1 + rng.Next(Math.Max(1, item.Choices.Count)),
                    };
                    if (item.Type == ItemType.Text)
                    {
                        if (value < 0) posted[item.Code] = Comments[rng.Next(Comments.Length)];
                        continue;
                    }
                    if (item.Type == ItemType.ManyChoices && item.Choices.Count > 1 && rng.NextDouble() < 0.4)
                    {
                        var other = 1 + rng.Next(item.Choices.Count);
                        posted[item.Code] = other == value
                            ? value.ToString(CultureInfo.InvariantCulture)
                            : $"{Math.Min(value, other)},{Math.Max(value, other)}";
                        continue;
                    }
                    if (value >= 1) posted[item.Code] = value.ToString(CultureInfo.InvariantCulture);
                }
        return posted;
    }
}
