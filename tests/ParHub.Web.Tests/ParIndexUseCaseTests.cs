using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParHub.Web.Features.ParIndex;
using ParHub.Web.Features.ParIndex.Appraisal;
using ParHub.Web.Features.ParIndex.Cycles;
using ParHub.Web.Features.ParIndex.Frameworks;
using ParHub.Web.Features.ParIndex.Improvement;
using ParHub.Web.Features.ParIndex.SelfAssessment;
using ParHub.Web.Features.ParIndex.Survey;
using ParHub.Web.Tests.Infrastructure;

namespace ParHub.Web.Tests;

/// <summary>
/// The PAR Index use cases decide access themselves (through the one authorization handler), not only the pages: called
/// with nobody signed in they refuse and write nothing. A framework added directly is stored with its audit line.
/// </summary>
public abstract class ParIndexUseCaseTests<TFactory>(TFactory app) : IClassFixture<TFactory> where TFactory : ParHubFactory
{
    [Fact]
    public async Task Without_a_signed_in_user_every_protected_use_case_refuses_and_writes_nothing()
    {
        var coordinator = await app.SignInAsync("cchc");
        await coordinator.GetAsync("/ParIndex"); // the demo framework of the year
        var framework = await app.WithDbAsync(db => db.IndexFrameworks.OrderBy(f => f.Id).FirstAsync());
        var open = await coordinator.PostFormAsync("/ParIndex",
            new() { ["FrameworkId"] = framework.Id.ToString(), ["GroupCode"] = "SBN", ["Due"] = "2031-03-31" });
        var cycleId = int.Parse(open.Headers.Location!.OriginalString.Split('/').Last());
        var assessment = await app.WithDbAsync(db => db.Assessments.Where(a => a.CycleId == cycleId).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var f = IndexData.Definition(framework);
        Func<Task>[] calls =
        [
            () => sp.GetRequiredService<OpenCycle>().RunAsync(new OpenCycleRequest(framework.Id, "SBN", new DateOnly(2031, 3, 31))),
            () => sp.GetRequiredService<SetDeadline>().RunAsync(cycleId, new DateOnly(2031, 4, 30), "Gia hạn"),
            () => sp.GetRequiredService<AssignAppraisers>().RunAsync(cycleId, "thamdinh", "1"),
            () => sp.GetRequiredService<Publish>().RunAsync(cycleId, "Quyết định số 1/QĐ-UBND"),
            () => sp.GetRequiredService<AddBnvPreset>().RunAsync(2035),
            () => sp.GetRequiredService<CloneFramework>().RunAsync(framework.Id),
            () => sp.GetRequiredService<SaveFramework>().RunAsync(new SaveFrameworkRequest(framework.Id, f, false, IndexData.Stamp(framework))),
            () => sp.GetRequiredService<SaveScores>().RunAsync(new SaveScoresRequest(assessment, 1, new Dictionary<string, CriterionInput>(), Submit: false)),
            () => sp.GetRequiredService<Explain>().RunAsync(assessment, "1.1", "Giải trình"),
            () => sp.GetRequiredService<AddEvidence>()
                .RunAsync(new AddEvidenceRequest(assessment, ["1.1"], "a.pdf", 8, new MemoryStream("%PDF-1.4"u8.ToArray()))),
            () => sp.GetRequiredService<Appraise>().RunAsync(AppraiseRequest.One(assessment, "1.1", "1", "Lý do", 1)),
            () => sp.GetRequiredService<SetBonusPenalty>().RunAsync(new SetBonusPenaltyRequest(assessment, "1", "0", "Căn cứ")),
            () => sp.GetRequiredService<PreviewSurvey>().RunAsync(cycleId, [["STP", "8.1", "90"]]),
            () => sp.GetRequiredService<ApplySurvey>().RunAsync(cycleId, [["STP", "8.1", "90"]]),
            () => sp.GetRequiredService<DraftImprovementPlan>().RunAsync(new DraftImprovementPlanRequest(cycleId, null, DraftImprovementPlan.DefaultMap)),
            () => sp.GetRequiredService<ReturnCriterion>().RunAsync(assessment, "1.1", "Sửa", 1),
            () => sp.GetRequiredService<SetLead>().RunAsync("2", "STC"),
            () => sp.GetRequiredService<ImportFrameworkPoints>()
                .RunAsync(framework.Id, "d.txt", new MemoryStream("Mã\tTiêu chí\tĐiểm tối đa\n1.1\tx\t1"u8.ToArray())),
            () => sp.GetRequiredService<ParHub.Web.Features.ParIndex.National.SaveNationalResult>().RunAsync(
                new(2030, new Core.ParIndex.NationalFigures.Typed("90", null, null, null, null, null, null), 0)),
            () => sp.GetRequiredService<ParHub.Web.Features.ParIndex.National.ImportNationalScores>().RunAsync(2030, "d.txt",
                new MemoryStream("Mã\tTiêu chí\tĐiểm đạt được\n1.1\tx\t1"u8.ToArray())),
            () => sp.GetRequiredService<ParHub.Web.Features.ParIndex.National.FillSurveyFromNational>().RunAsync(2023),
            () => sp.GetRequiredService<ParHub.Web.Features.Indices.SaveIndexValue>().RunAsync(new("PCI", "2030", "", null, "70", null, null, null)),
            () => sp.GetRequiredService<ParHub.Web.Features.Indices.ImportIndexValues>().RunAsync(new MemoryStream([])),
        ];
        foreach (var call in calls) await Assert.ThrowsAsync<UnauthorizedAccessException>(call);
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.Null(await app.WithDbAsync(db => db.AssessmentCycles.Where(c => c.Id == cycleId).Select(c => c.PublicationDecision).SingleAsync()));
    }

    [Fact]
    public async Task A_framework_added_directly_is_stored_with_its_audit_line_and_a_second_of_that_code_and_year_is_refused()
    {
        using var scope = app.Services.CreateScope();
        var add = scope.ServiceProvider.GetRequiredService<AddFramework>();
        var f = Core.Scoring.IndexPresets.DemoDepartments(2039) with { Code = "truc-tiep" };
        var row = await add.RunAsync(new AddFrameworkRequest(f, 2039, "SBN", Illustrative: false));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "IndexFramework" && a.EntityId == row.Id.ToString())));
        var e = await Assert.ThrowsAsync<IndexRuleException>(() => add.RunAsync(new AddFrameworkRequest(f, 2039, "SBN", Illustrative: false)));
        Assert.Equal("Đã có bộ chỉ số truc-tiep năm 2039.", e.Message);
    }
}

public sealed class SqliteParIndexUseCaseTests(SqliteFactory app) : ParIndexUseCaseTests<SqliteFactory>(app);
public sealed class PostgresParIndexUseCaseTests(PostgresFactory app) : ParIndexUseCaseTests<PostgresFactory>(app);
