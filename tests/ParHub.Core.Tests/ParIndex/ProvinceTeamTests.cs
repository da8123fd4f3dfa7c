using FsCheck;
using FsCheck.Fluent;
using ParHub.Core.ParIndex;
using ParHub.Core.Scoring;

namespace ParHub.Core.Tests.ParIndex;

/// <summary>The province's own index as a team: who leads which criterion, progress per lead, returning a criterion.</summary>
public class ProvinceTeamTests
{
    private static readonly Framework Small = new("t", "t", [new("A", 90)], 0, 0,
    [
        new("1", "Chỉ đạo", 3), new("1.1", "Kế hoạch", 1, new ScoringRule("manual")), new("1.2", "Báo cáo", 2),
        new("1.2.1", "Đúng hạn", 2, new ScoringRule("manual")), new("2", "Thể chế", 2), new("2.1", "Rà soát", 1, new ScoringRule("manual")),
        new("2.2", "Điều tra XHH", 1, new ScoringRule("survey")),
    ]);

    [Fact]
    public void A_criterion_is_led_by_the_most_specific_line_above_it()
    {
        var map = LeadMap.Parse("1=SNV\n2=STP\n1.2=VPUBND\nbad line\n=X\n3=");
        Assert.Equal("SNV", map.LeadOf("1.1"));
        Assert.Equal("VPUBND", map.LeadOf("1.2.1"));
        Assert.Equal("VPUBND", map.LeadOf("1.2"));
        Assert.Equal("STP", map.LeadOf("2.2"));
        Assert.Null(map.LeadOf("3.1"));
        Assert.Equal(["1.1"], map.CriteriaOf(Small, "snv").Order());
        Assert.Equal(["2.1", "2.2"], map.CriteriaOf(Small, "STP").Order());
        Assert.Equal("1=SNV\n1.2=VPUBND\n2=STP", map.Write());
        Assert.Equal("SNV", map.With("1.2", null).LeadOf("1.2.1"));
    }

    [Fact]
    public void A_map_written_reads_back_the_same_leads()
    {
        var code = Gen.Choose(1, 8).Zip(Gen.Choose(0, 4)).Select(p => p.Item2 == 0 ? $"{p.Item1}" : $"{p.Item1}.{p.Item2}");
        var agency = Gen.Elements("SNV", "STP", "STC", "VPUBND", "SKHCN");
        Prop.ForAll(Gen.ListOf(code.Zip(agency)).ToArbitrary(), lines =>
        {
            var map = lines.Aggregate(LeadMap.Parse(""), (m, l) => m.With(l.Item1, l.Item2));
            var again = LeadMap.Parse(map.Write());
            foreach (var c in new[] { "1", "1.1", "1.3.2", "2.4", "8.5.1" }) Assert.Equal(map.LeadOf(c), again.LeadOf(c));
        }).CheckReplayable();
    }

    [Fact]
    public void Progress_counts_each_leads_criteria_entered_explained_and_returned()
    {
        var map = LeadMap.Parse("1=SNV\n2=STP");
        var scores = new Dictionary<string, AssessmentScore>
        {
            ["1.1"] = new() { Code = "1.1", Input = "{}", SelfPoints = 1 },
            ["1.2.1"] = new() { Code = "1.2.1", Input = "{}", NoEvidenceNote = "Theo báo cáo", ReturnComment = "Thiếu số liệu quý IV" },
            ["2.1"] = new() { Code = "2.1", Exempt = true },
        };
        var p = TeamProgress.Of(["1.1", "1.2.1", "2.1", "3.1"], map, scores, new HashSet<string> { "1.1" });
        Assert.Equal(["SNV", "STP", ""], p.Select(x => x.Agency));
        var snv = p[0];
        Assert.Equal((2, 2, 2), (snv.Criteria.Count, snv.Entered, snv.Explained));
        Assert.Equal(["1.2.1"], snv.Returned);
        Assert.False(snv.IsDone);
        Assert.True(p[1].IsDone); // "không áp dụng" needs no evidence
        Assert.Equal((1, 0), (p[2].Criteria.Count, p[2].Entered));
    }

    [Fact]
    public void A_returned_criterion_blocks_submission_until_it_is_corrected()
    {
        var due = new DateOnly(2026, 12, 31);
        var a = new Assessment { Scores = [new() { Code = "1.1", Input = "{}", SelfPoints = 1 }, new() { Code = "2.1" }] };
        var flow = new AssessmentFlow(a, new AssessmentCycle { SelfAssessmentDue = due });
        var today = due.AddDays(-3);
        Assert.Contains("cần ghi ý kiến", flow.Return("1.1", " ", today, "cchc").Refusal);
        Assert.Contains("chưa được chấm", flow.Return("2.1", "Sửa", today, "cchc").Refusal);
        Assert.Contains("chưa được chấm", flow.Return("9.9", "Sửa", today, "cchc").Refusal);
        Assert.Contains("2.000 ký tự", flow.Return("1.1", new string('x', 2001), today, "cchc").Refusal);
        Assert.True(flow.Return("1.1", "Thiếu kế hoạch kiểm chứng", today, "cchc").IsOk);
        Assert.Equal(("Thiếu kế hoạch kiểm chứng", "cchc"), (a.Scores[0].ReturnComment, a.Scores[0].ReturnedBy));
        Assert.Contains("Hết hạn", "Hết hạn" + flow.Return("1.1", "x", due.AddDays(1), "cchc").Refusal);
        var refused = flow.Submit(today, [], [], DateTime.UtcNow);
        Assert.Contains("1.1 đã trả lại", refused.Refusal);
        Assert.Equal(AssessmentStatus.Draft, a.Status);
        AssessmentFlow.Corrected(a.Scores[0]);
        Assert.Empty(flow.Returned);
        Assert.True(flow.Submit(today, [], [], DateTime.UtcNow).IsOk);
    }
}
