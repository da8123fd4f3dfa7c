using ParHub.Core.ParIndex;

namespace ParHub.Core.Sipas;

/// <summary>
/// The rules of a survey programme's life: what it must hold to be created, and which state may follow which.
/// Collection may be reopened once closed (answers still arriving by post), never after the results are computed.
/// </summary>
public sealed class SurveyFlow(SurveyProgramme programme)
{
    public const int MaxTitle = 300;

    public static string StateName(SurveyState s) => s switch
    {
        SurveyState.Planned => "Kế hoạch",
        SurveyState.Collecting => "Đang thu thập",
        SurveyState.Closed => "Đã đóng",
        SurveyState.Computed => "Đã tính kết quả",
        SurveyState.Published => "Đã công bố",
        _ => s.ToString(),
    };

    /// <summary>What a new programme must hold; every problem in one list, in Vietnamese.</summary>
    public static IReadOnlyList<string> Check(SurveyProgramme p)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(p.Title)) errors.Add("Vui lòng nhập tên đợt khảo sát.");
        else if (p.Title.Trim().Length > MaxTitle) errors.Add($"Tên đợt khảo sát tối đa {MaxTitle} ký tự.");
        if (p.Year is < 2000 or > 2100) errors.Add("Năm khảo sát không hợp lệ (2000–2100).");
        if (p.FieldworkTo < p.FieldworkFrom) errors.Add("Ngày kết thúc thu thập phải sau ngày bắt đầu.");
        if (p.MarginOfError is <= 0 or >= 0.5m) errors.Add("Sai số e phải lớn hơn 0 và nhỏ hơn 50%.");
        if (p.Confidence is < 1 or > 4) errors.Add("Hệ số tin cậy z phải từ 1 đến 4 (1,96 cho độ tin cậy 95%).");
        if (p.MinResponses is < 1 or > 100_000) errors.Add("Số phiếu tối thiểu mỗi cơ quan phải từ 1 đến 100.000.");
        if (p.Groups.Count == 0) errors.Add("Chọn ít nhất một nhóm cơ quan được khảo sát.");
        return errors;
    }

    /// <summary>The states that may follow the current one.</summary>
    public IReadOnlyList<SurveyState> Next() => programme.State switch
    {
        SurveyState.Planned => [SurveyState.Collecting],
        SurveyState.Collecting => [SurveyState.Closed],
        SurveyState.Closed => [SurveyState.Collecting, SurveyState.Computed],
        SurveyState.Computed => [SurveyState.Published],
        _ => [],
    };

    /// <summary>Moves to <paramref name="to"/>; publication needs its decision.</summary>
    public Outcome MoveTo(SurveyState to, string? decision, DateTime now)
    {
        if (!Next().Contains(to))
            return Outcome.Refused($"Không chuyển được từ “{StateName(programme.State)}” sang “{StateName(to)}”.");
        if (to == SurveyState.Published)
        {
            if (string.IsNullOrWhiteSpace(decision)) return Outcome.Refused("Ghi số, ngày của quyết định công bố kết quả khảo sát.");
            programme.Decision = decision.Trim();
            programme.PublishedAt = now;
        }
        programme.State = to;
        return Outcome.Ok;
    }
}
